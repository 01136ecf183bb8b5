import { XCircle } from "@medusajs/icons"
import { Button, Container, Heading, Prompt, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ActionMenu } from "../../../../components/action-menu"
import { useConfirm } from "../../../../components/confirm"
import { DateTime } from "../../../../components/date-time"
import { EmptyState } from "../../../../components/empty-state"
import { Section, SectionRow } from "../../../../components/section"
import { StateBadge } from "../../../../components/status-badge"
import { type SettlementOutcome, useCancelGroup, useGroup, useSettleGroup, useSettlementPreview } from "../../../../components/group-orders/api"
import { GROUP_COLORS, REFUND_COLORS, TierProgress, countdown, money } from "../../../../components/group-orders/format"
import { errorMessage } from "../../../../lib/errors"
import { withFeature } from "../../../../lib/features"

const ACTION_TEXT = {
  refund: "Refund",
  not_owed: "Nothing owed",
  settled: "Already settled",
  record: "Already refunded (recorded now)",
  fail: "Cannot refund",
  none: "-",
} as const

/** One group: progress, members, purchases with what each paid and got back, and settlement. */
const GroupPage = () => {
  const { id } = useParams()
  const confirm = useConfirm()
  const { data, isLoading, isError, error } = useGroup(id!)
  const settle = useSettleGroup(id!)
  const cancel = useCancelGroup(id!)
  const [previewing, setPreviewing] = useState(false)
  const [outcome, setOutcome] = useState<SettlementOutcome | null>(null)
  const preview = useSettlementPreview(id!, previewing)
  const group = data?.group_order

  if (isError) throw error
  if (isLoading || !group) return <Container className="p-6"><Text size="small">Loading…</Text></Container>
  const currency = group.campaign.currency_code
  const canSettle = group.status === "open" || group.status === "settling"

  const runSettle = async () => {
    setPreviewing(false)
    try {
      const result = await settle.mutateAsync()
      setOutcome(result.outcome)
      const o = result.outcome
      const text = `${o.refunded} refunded (${money(o.total_refunded, currency)}), ${o.not_owed} owed nothing, ${o.failed} failed`
      if (o.failed) toast.warning(`Group ${group.code} is still settling`, { description: `${text}. Failed refunds are retried by the next run, or now with "Retry failed refunds".` })
      else toast.success(`Group ${group.code} settled at tier ${result.group_order.final_tier ?? 0}`, { description: text })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const cancelGroup = async () => {
    const ok = await confirm({
      title: `Cancel group ${group.code}?`,
      description: "No further joins or group discounts. Members keep what they paid; nobody is refunded. This cannot be undone.",
      confirmText: "Cancel group",
      cancelText: "Keep group",
      variant: "danger",
    })
    if (!ok) return
    try {
      await cancel.mutateAsync()
      toast.success(`Group ${group.code} cancelled`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const p = preview.data?.settlement_preview

  return (
    <div className="flex flex-col gap-y-3">
      <Section
        level="h1"
        title={`Group ${group.code}`}
        description={
          <Link to={`/group-orders/${group.campaign_id}`} className="text-ui-fg-interactive hover:underline">
            {group.campaign.title}
          </Link>
        }
        testId="group-general"
        actions={
          <>
            <StateBadge state={group.status} colors={GROUP_COLORS} />
            {canSettle && (
              <Button size="small" variant="secondary" onClick={() => setPreviewing(true)} isLoading={settle.isPending}>
                {group.status === "settling" ? "Retry failed refunds" : "Settle now"}
              </Button>
            )}
            <ActionMenu groups={[[{ label: "Cancel group", icon: <XCircle />, onClick: cancelGroup, disabled: group.status !== "open", danger: true }]]} />
          </>
        }
      >
        <div className="px-6 py-4">
          <TierProgress units={group.units} tiers={group.campaign.tiers} testId="group-progress" />
        </div>
        <SectionRow title="Leader" value={group.leader ? `${group.leader.name ? `${group.leader.name} · ` : ""}${group.leader.email}` : group.leader_customer_id} />
        <SectionRow title="Members" value={`${group.member_count}${group.campaign.max_members ? ` of ${group.campaign.max_members}` : ""} · ${group.units} paid units (${group.held_units} held incl. checkouts)`} />
        <SectionRow
          title="Deadline"
          value={
            <div className="flex flex-col">
              <DateTime value={group.campaign.ends_at} inline />
              <Text size="xsmall" className="text-ui-fg-subtle">{countdown(group.campaign.ends_at)}</Text>
            </div>
          }
        />
        {group.final_tier !== null && <SectionRow title="Final tier" value={`Tier ${group.final_tier} · ${group.final_percent}% off`} />}
        <SectionRow
          title="Tier promotions"
          value={
            <div className="flex flex-wrap gap-x-3">
              {group.promotions.map((promo) => (
                <Link key={promo.promotion_id} to={`/promotions/${promo.promotion_id}`} className="text-ui-fg-interactive font-mono hover:underline">
                  {promo.code}
                </Link>
              ))}
            </div>
          }
        />
      </Section>

      {(group.settlement || outcome) && (
        <Section title="Settlement" testId="settlement-result">
          {outcome && (
            <SectionRow
              title="Last run (now)"
              value={`${outcome.refunded} refunded · ${money(outcome.total_refunded, currency)} · ${outcome.not_owed} owed nothing · ${outcome.failed} failed`}
            />
          )}
          {group.settlement && (
            <>
              <SectionRow title="Attempts" value={`${group.settlement.attempts}, last on ${new Date(group.settlement.last_attempt_at).toLocaleString()}`} />
              <SectionRow title="Unsettled purchases" value={String(group.settlement.unsettled_purchases)} />
              {group.settlement.last_error && <SectionRow title="Last error" value={<span className="text-ui-fg-error">{group.settlement.last_error}</span>} />}
            </>
          )}
          {group.settled_at && <SectionRow title="Settled" value={<DateTime value={group.settled_at} inline />} />}
        </Section>
      )}

      <Container className="divide-y p-0" data-testid="purchases">
        <div className="px-6 py-4">
          <Heading level="h2">Purchases</Heading>
          <Text size="small" className="text-ui-fg-subtle">Each checkout in the group: what it paid and what price protection gave back.</Text>
        </div>
        {group.purchases.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Member</Table.HeaderCell>
                <Table.HeaderCell>Units</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Tier paid</Table.HeaderCell>
                <Table.HeaderCell>Discount paid</Table.HeaderCell>
                <Table.HeaderCell>Refund</Table.HeaderCell>
                <Table.HeaderCell>Amount</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {group.purchases.map((purchase) => (
                <Table.Row key={purchase.id} data-testid={`purchase-${purchase.email}`}>
                  <Table.Cell>
                    {purchase.order_id ? (
                      <Link to={`/orders/${purchase.order_id}`} className="text-ui-fg-interactive hover:underline">
                        View order
                      </Link>
                    ) : (
                      "-"
                    )}
                  </Table.Cell>
                  <Table.Cell>{purchase.email}</Table.Cell>
                  <Table.Cell>{purchase.units}</Table.Cell>
                  <Table.Cell className="capitalize">{purchase.status}</Table.Cell>
                  <Table.Cell>{purchase.paid_percent !== null ? `${purchase.paid_percent}%` : "-"}</Table.Cell>
                  <Table.Cell>{money(purchase.discount_paid, currency)}</Table.Cell>
                  <Table.Cell>
                    {purchase.status === "placed" ? <StateBadge state={purchase.refund_status} colors={REFUND_COLORS} /> : "-"}
                    {purchase.refund_error && (
                      <Text size="xsmall" className="text-ui-fg-error max-w-[240px]">
                        {purchase.refund_error}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>{money(purchase.refund_amount, currency)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <EmptyState title="No purchases yet" description="Orders placed with this group's code appear here." />
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Members</Heading>
        </div>
        {group.members.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Account</Table.HeaderCell>
                <Table.HeaderCell>Units</Table.HeaderCell>
                <Table.HeaderCell>Joined</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {group.members.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.email}</Table.Cell>
                  <Table.Cell>{m.customer_id ? <Link to={`/customers/${m.customer_id}`} className="text-ui-fg-interactive hover:underline">Customer</Link> : "Guest"}</Table.Cell>
                  <Table.Cell>{m.units}</Table.Cell>
                  <Table.Cell><DateTime value={m.joined_at} /></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <EmptyState title="No members yet" description="Fans join by applying the code in their cart." />
        )}
      </Container>

      <Prompt open={previewing} onOpenChange={setPreviewing}>
        <Prompt.Content className="max-w-2xl" data-testid="settle-prompt">
          <Prompt.Header>
            <Prompt.Title>Settle group {group.code} now?</Prompt.Title>
            <Prompt.Description>
              {!p
                ? "Working out what settling refunds…"
                : `The group locks at tier ${p.final_tier} (${p.final_percent}% off, ${p.paid_units} paid units) and its discounts stop. ${p.refunds} member refund(s), ${money(p.total_refund, currency)} in total, go back through each order's payment provider. This cannot be undone.`}
            </Prompt.Description>
          </Prompt.Header>
          {preview.isError && <Text size="small" className="text-ui-fg-error px-6">{errorMessage(preview.error)}</Text>}
          {p && p.purchases.length > 0 && (
            <div className="max-h-72 overflow-y-auto px-6 pb-2" data-testid="settle-preview">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Member</Table.HeaderCell>
                    <Table.HeaderCell>Paid at</Table.HeaderCell>
                    <Table.HeaderCell>Outcome</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Refund</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {p.purchases.map((row) => (
                    <Table.Row key={row.purchase_id}>
                      <Table.Cell>{row.email}</Table.Cell>
                      <Table.Cell>{row.paid_percent !== null ? `${row.paid_percent}%` : "-"}</Table.Cell>
                      <Table.Cell>
                        <StatusBadge color={row.action === "refund" ? "blue" : row.action === "fail" ? "red" : "grey"}>{ACTION_TEXT[row.action]}</StatusBadge>
                        {row.error && <Text size="xsmall" className="text-ui-fg-error">{row.error}</Text>}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums">{row.action === "refund" || row.action === "record" ? money(row.refund, currency) : "-"}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Prompt.Footer>
            <Prompt.Cancel>Cancel</Prompt.Cancel>
            <Prompt.Action onClick={runSettle} disabled={!p}>
              {p && p.refunds > 0 ? `Settle and refund ${money(p.total_refund, currency)}` : "Settle"}
            </Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </div>
  )
}

export default withFeature("group_orders", GroupPage, "page")
