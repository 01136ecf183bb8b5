import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Badge, Button, Container, Copy, Heading, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { backendUrl } from "../../../lib/backend-url"
import { sdk } from "../../../lib/sdk"
import { GiveawayAudit } from "../../../components/giveaways/giveaway-audit"
import { GiveawayEntries } from "../../../components/giveaways/giveaway-entries"
import { GiveawayFormDrawer } from "../../../components/giveaways/giveaway-form"
import { GiveawayWinners } from "../../../components/giveaways/giveaway-winners"
import { formatDateTime } from "../../../components/giveaways/dates"
import { STATE_COLOR, STATE_LABEL } from "../../../components/giveaways/state"
import type { AdminGiveaway } from "../../../components/giveaways/types"
import { withFeature } from "../../../lib/features"

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[180px_1fr] items-start gap-x-4 px-6 py-3">
      <Text size="small" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-small min-w-0 break-words">{children}</div>
    </div>
  )
}

const verifyCommand = (g: AdminGiveaway) =>
  `node verify.js draw.json --committed-hash ${g.seed_hash ?? "<seed hash>"}` +
  (g.beacon ? ` --round ${g.beacon.round}` : "") +
  (g.entries_hash ? ` --entries-hash ${g.entries_hash}` : "")

/**
 * One giveaway: its settings, the published commitment, entries, the draw,
 * winners and alternates, and the audit log. Everything final (going live,
 * drawing, closing, disqualifying) asks for confirmation first.
 */
const GiveawayPage = () => {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [editing, setEditing] = useState(false)
  const key = ["comeback", "giveaways", id]
  const { data, isLoading, error } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ giveaway: AdminGiveaway }>(`/admin/giveaways/${id}`),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["comeback", "giveaways"] })
  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch<{ giveaway: AdminGiveaway }>(`/admin/giveaways/${id}`, { method: "POST", body }),
    onSuccess: ({ giveaway }) => {
      toast.success(giveaway.status === "live" ? "The giveaway is live" : `The giveaway is ${giveaway.status}`)
      refresh()
    },
    onError: (e: Error) => toast.error("Nothing changed", { description: e.message }),
  })
  const draw = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ already_drawn: boolean; winners: unknown[]; waiting: { beacon_round: number; available_at: string; beacon_error: string | null } | null }>(
        `/admin/giveaways/${id}/draw`,
        { method: "POST", body: {} }
      ),
    onSuccess: (r) => {
      if (r.waiting) {
        // The committed beacon round is not public yet: nothing was drawn, the job draws when it is.
        toast.info(`Waiting for beacon round ${r.waiting.beacon_round}`, {
          description: r.waiting.beacon_error
            ? `The beacon could not be read: ${r.waiting.beacon_error}. The draw runs by itself once it can.`
            : `It is published at ${formatDateTime(r.waiting.available_at)}; the draw runs by itself then, or draw again.`,
        })
      } else {
        toast.success(r.already_drawn ? "Already drawn: the result is unchanged" : "Drawn", {
          description: `${r.winners.length} picks in rank order; winners are notified.`,
        })
      }
      refresh()
    },
    onError: (e: Error) => toast.error("The draw did not run", { description: e.message }),
  })

  if (isLoading) return <Container className="px-6 py-4"><Text>Loading…</Text></Container>
  if (error || !data) return <Container className="px-6 py-4"><Text className="text-ui-fg-error">{(error as Error)?.message ?? "Not found"}</Text></Container>
  const g = data.giveaway
  const publicDraw = backendUrl(`/store/giveaways/${g.id}/draw`)

  const goLive = async () => {
    const ok = await prompt({
      title: "Go live?",
      description:
        "Fans can enter from the start date. The draw's commitment (seed hash) is published now and can never change; the entry rules, caps and number of prizes are fixed from now on.",
      confirmText: "Go live",
      cancelText: "Cancel",
    })
    if (ok) update.mutate({ status: "live" })
  }
  const close = async () => {
    const ok = await prompt({
      title: g.status === "drawn" ? "Close this giveaway?" : "Close without a draw?",
      description:
        g.status === "drawn"
          ? "Winners can no longer be changed. The public result stays published."
          : "No winner will be drawn. This is recorded publicly on the giveaway's page and cannot be undone.",
      confirmText: "Close giveaway",
      cancelText: "Keep it",
      variant: "danger",
    })
    if (ok) update.mutate({ status: "closed" })
  }
  const runDraw = async () => {
    const ok = await prompt({
      title: "Draw the winners now?",
      description: `The draw is final: ${g.winners_count} winner(s) and ${g.alternates_count} alternate(s) are picked from ${g.totals.entries - g.totals.voided_entries} entries by ${g.totals.entrants} entrants, the seed is revealed so anyone can check the result, and winners are notified by email.`,
      confirmText: "Draw",
      cancelText: "Cancel",
    })
    if (ok) draw.mutate()
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <div className="flex items-center gap-x-2">
              <Heading data-testid="giveaway-title">{g.title}</Heading>
              <StatusBadge color={STATE_COLOR[g.state] ?? "grey"} data-testid="giveaway-state">
                {STATE_LABEL[g.state] ?? g.state}
              </StatusBadge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {g.prize}
            </Text>
          </div>
          <div className="flex gap-x-2">
            {g.status !== "closed" && (
              <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {g.status === "draft" && (
              <Button size="small" onClick={goLive} isLoading={update.isPending} data-testid="go-live">
                Go live
              </Button>
            )}
            {g.state === "ended" && (
              <Button size="small" onClick={runDraw} isLoading={draw.isPending} data-testid="draw">
                Draw
              </Button>
            )}
            {(g.status === "draft" || g.status === "live" || g.status === "drawn") && (
              <Button size="small" variant="danger" onClick={close} data-testid="close-giveaway">
                Close
              </Button>
            )}
          </div>
        </div>
        <Row label="Entries open">{formatDateTime(g.starts_at)}</Row>
        <Row label="Entries close">{formatDateTime(g.ends_at)}</Row>
        <Row label="Entry rules">
          {g.entries_per_unit} per unit bought{g.max_entries_per_customer ? `, at most ${g.max_entries_per_customer} per customer` : ""}
          {g.free_entry_enabled ? ` · free entry ${g.free_entries_per_day}/day` : " · no free entry"}
          {g.product_ids.length ? ` · ${g.product_ids.length} product(s)` : " · every product"}
        </Row>
        <Row label="Eligibility">
          {(g.eligible_countries.length ? g.eligible_countries.map((c) => c.toUpperCase()).join(", ") : "Everywhere") +
            (g.min_age ? `, ${g.min_age}+` : "")}
        </Row>
        <Row label="Prizes">
          {g.winners_count} winner(s), {g.alternates_count} alternate(s), {g.claim_days} days to claim
        </Row>
        <Row label="Official rules">
          <span className="whitespace-pre-line">{g.rules_text ?? "–"}</span>
          {g.rules_url && (
            <a className="ml-1 text-ui-fg-interactive" href={g.rules_url} target="_blank" rel="noreferrer noopener">
              {g.rules_url}
            </a>
          )}
        </Row>
      </Container>

      <Container className="divide-y p-0" data-testid="giveaway-commitment">
        <div className="px-6 py-4">
          <Heading level="h2">Fair-draw commitment</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Published at go-live, before any entry: the draw can only use the seed behind this hash. Fans save it to check the result.
          </Text>
        </div>
        <Row label="Seed hash (SHA-256)">
          {g.seed_hash ? (
            <div className="flex items-center gap-x-2">
              <code className="txt-compact-small bg-ui-bg-subtle rounded px-1.5 py-0.5 font-mono break-all" data-testid="seed-hash">
                {g.seed_hash}
              </code>
              <Copy content={g.seed_hash} />
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              Committed when the giveaway goes live.
            </Text>
          )}
        </Row>
        <Row label="Algorithm">
          <Badge size="2xsmall">{g.algorithm}</Badge>
        </Row>
        <Row label="Beacon round">
          {g.beacon ? (
            <div className="flex flex-col">
              <a className="text-ui-fg-interactive" href={g.beacon.public_url} target="_blank" rel="noreferrer noopener" data-testid="beacon-round">
                {g.beacon.provider} round {g.beacon.round}
              </a>
              <Text size="xsmall" className="text-ui-fg-subtle">
                Published by the beacon at {formatDateTime(g.beacon.round_time)}, after entries close: nobody, staff included, can know or choose it
                before then.
              </Text>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              Committed when the giveaway goes live.
            </Text>
          )}
        </Row>
        <Row label="Entry list hash">
          {g.entries_hash ? (
            <div className="flex items-center gap-x-2">
              <code className="txt-compact-small bg-ui-bg-subtle rounded px-1.5 py-0.5 font-mono break-all" data-testid="entries-hash">
                {g.entries_hash}
              </code>
              <Copy content={g.entries_hash} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                {g.entrants} entrants, frozen {formatDateTime(g.entries_closed_at)}
              </Text>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              Published when entries close; the draw uses exactly that list.
            </Text>
          )}
        </Row>
        <Row label="Public draw">
          <a className="inline-flex items-center gap-x-1 text-ui-fg-interactive" href={publicDraw} target="_blank" rel="noreferrer">
            {`/store/giveaways/${g.id}/draw`} <ArrowUpRightOnBox />
          </a>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Needs the storefront's publishable API key. After the draw, anyone saves it as draw.json, downloads the standalone
            verifier (<code>{g.verifier_url}</code>, plain Node, no dependencies) and checks it against what they saved:
          </Text>
          <div className="mt-1 flex items-center gap-x-2">
            <code className="txt-compact-small bg-ui-bg-subtle rounded px-1.5 py-0.5 font-mono break-all" data-testid="verify-command">
              {verifyCommand(g)}
            </code>
            <Copy content={verifyCommand(g)} />
          </div>
        </Row>
        {g.draw && (
          <Row label="Drawn">
            {formatDateTime(g.drawn_at)} · {g.draw.entrants} entrants, {g.draw.total_entries} entries
            {g.draw.beacon_round ? ` · beacon round ${g.draw.beacon_round}` : ""}
          </Row>
        )}
      </Container>

      <GiveawayWinners giveaway={g} />
      <GiveawayEntries giveaway={g} />
      <GiveawayAudit giveawayId={g.id} />
      <GiveawayFormDrawer giveaway={g} open={editing} onOpenChange={setEditing} />
    </div>
  )
}

export default withFeature("giveaways", GiveawayPage, "page")
