import { Badge, Button, Container, Drawer, Heading, Label, StatusBadge, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { serverErrors } from "../../lib/errors"
import { formatDateTime } from "./dates"
import type { AdminGiveaway, GiveawayWinner } from "./types"

const STATUS_COLOR = { pending: "grey", notified: "blue", claimed: "green", disqualified: "red" } as const

/** The alternate a disqualification promotes (as the server picks it): the best-ranked pending alternate. */
export function nextAlternate(winners: GiveawayWinner[]) {
  return winners.filter((w) => w.kind === "alternate" && w.status === "pending").sort((a, b) => a.rank - b.rank)[0]
}

function DisqualifyDrawer(props: { giveawayId: string; winner: GiveawayWinner | null; promoted?: GiveawayWinner; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string | null>(null)
  const disqualify = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ disqualified: GiveawayWinner; promoted: GiveawayWinner | null }>(
        `/admin/giveaways/${props.giveawayId}/winners/${props.winner!.id}/disqualify`,
        { method: "POST", body: { reason } }
      ),
    onSuccess: (r) => {
      toast.success(`${r.disqualified.entrant} disqualified`, {
        description: r.promoted ? `${r.promoted.entrant} (${r.promoted.email}) is promoted and notified.` : "No alternate was left to promote.",
      })
      queryClient.invalidateQueries({ queryKey: ["comeback", "giveaways"] })
      setReason("")
      props.onClose()
    },
    onError: (e: Error) => setError(serverErrors(e, ["reason"]).fields.reason ?? e.message),
  })
  return (
    <Drawer open={!!props.winner} onOpenChange={(open) => !open && props.onClose()}>
      <Drawer.Content data-testid="disqualify-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Disqualify {props.winner?.entrant}</Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">Disqualify a winner and promote the next alternate</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Text size="small">
            {props.winner?.public_name ?? props.winner?.email} loses the prize. This is final and written to the audit log.
          </Text>
          {props.winner?.kind === "winner" && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="promoted-preview">
              {props.promoted
                ? `${props.promoted.entrant} (${props.promoted.public_name ?? props.promoted.email}, rank ${props.promoted.rank}) will be promoted to winner and notified.`
                : "No alternate is left: the prize stays unawarded."}
            </Text>
          )}
          <div className="flex flex-col gap-y-1">
            <Label size="small" weight="plus" htmlFor="disqualify-reason">
              Reason (required, kept in the audit log)
            </Label>
            <Textarea id="disqualify-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
            {error && (
              <Text size="xsmall" className="text-ui-fg-error" data-testid="error-reason">
                {error}
              </Text>
            )}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" variant="danger" isLoading={disqualify.isPending} onClick={() => disqualify.mutate()} data-testid="confirm-disqualify">
            Disqualify
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

/** Winners and alternates in rank order, with contact details for staff, claim deadlines and actions. */
export function GiveawayWinners({ giveaway }: { giveaway: AdminGiveaway }) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [disqualifying, setDisqualifying] = useState<GiveawayWinner | null>(null)
  const { data } = useQuery({
    queryKey: ["comeback", "giveaways", giveaway.id, "winners"],
    queryFn: () => sdk.client.fetch<{ giveaway_winners: GiveawayWinner[] }>(`/admin/giveaways/${giveaway.id}/winners`),
    enabled: !!giveaway.drawn_at,
  })
  const claim = useMutation({
    mutationFn: (w: GiveawayWinner) => sdk.client.fetch(`/admin/giveaways/${giveaway.id}/winners/${w.id}/claim`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("Marked as claimed")
      queryClient.invalidateQueries({ queryKey: ["comeback", "giveaways"] })
    },
    onError: (e: Error) => toast.error("Not marked", { description: e.message }),
  })
  if (!giveaway.drawn_at) return null
  const winners = data?.giveaway_winners ?? []
  const now = Date.now()

  return (
    <Container className="divide-y p-0" data-testid="giveaway-winners">
      <div className="px-6 py-4">
        <Heading level="h2">Winners and alternates</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          In draw order. Staff see contact details; the public result shows only entrant labels, first names and regions.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            {["Rank", "Entrant", "Fan", "Entries", "Status", "Claim by", ""].map((h) => (
              <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {winners.map((w) => {
            const overdue = w.kind === "winner" && w.status !== "claimed" && w.status !== "disqualified" && w.claim_deadline && new Date(w.claim_deadline).getTime() < now
            return (
              <Table.Row key={w.id} data-testid={`winner-${w.entrant}`}>
                <Table.Cell className="tabular-nums">{w.rank}</Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-x-1.5">
                    <code className="font-mono">{w.entrant}</code>
                    <Badge size="2xsmall" color={w.kind === "winner" ? "green" : "grey"}>
                      {w.kind}
                    </Badge>
                    {w.replaces_winner_id && <Badge size="2xsmall" color="purple">promoted</Badge>}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small">{w.public_name ?? "–"}{w.public_region ? `, ${w.public_region}` : ""}</Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">{w.email}</Text>
                  </div>
                </Table.Cell>
                <Table.Cell className="tabular-nums">{w.entries}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={STATUS_COLOR[w.status]}>{w.status}</StatusBadge>
                  {w.disqualify_reason && <Text size="xsmall" className="text-ui-fg-subtle">{w.disqualify_reason}</Text>}
                </Table.Cell>
                <Table.Cell>
                  <Text size="small" className={overdue ? "text-ui-fg-error font-medium" : undefined} data-overdue={overdue ? "true" : undefined}>
                    {w.kind === "winner" ? formatDateTime(w.claim_deadline) : "–"}
                    {overdue ? " · overdue" : ""}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  {giveaway.status === "drawn" && w.status !== "disqualified" && (
                    <div className="flex justify-end gap-x-2">
                      {w.kind === "winner" && w.status !== "claimed" && (
                        <Button
                          size="small"
                          variant="secondary"
                          onClick={async () => {
                            const ok = await prompt({
                              title: `Mark ${w.entrant}'s prize as claimed?`,
                              description: `${w.email} has claimed ${giveaway.prize}. This is recorded in the audit log.`,
                              confirmText: "Mark claimed",
                              cancelText: "Cancel",
                            })
                            if (ok) claim.mutate(w)
                          }}
                        >
                          Mark claimed
                        </Button>
                      )}
                      {w.status !== "claimed" && (
                        <Button size="small" variant="transparent" className="text-ui-fg-error" onClick={() => setDisqualifying(w)}>
                          Disqualify
                        </Button>
                      )}
                    </div>
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      <DisqualifyDrawer giveawayId={giveaway.id} winner={disqualifying} promoted={nextAlternate(winners)} onClose={() => setDisqualifying(null)} />
    </Container>
  )
}
