import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { findRefundByNote } from "../../../lib/refund-claim"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import { tierFor } from "../../../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../../../modules/group-order/service"
import { findGroup } from "../../../queries/group-order"
import { loadGroupOrderFacts } from "../../../queries/group-order-lines"
import { refundPlan } from "../../../lib/group-order/settlement-plan"

/** Decimal strings into bigNumber columns (typed as number by the generated service, exact at runtime). */
const money = (value: string) => value as unknown as number

/** The refund note that marks a settlement refund; a retry finds it and does not refund again. */
export const settlementNote = (purchaseId: string, code: string) => `Group ${code} price protection (${purchaseId})`

/** open → settling with the final tier from paid units now; a settling group (a retry) stays as it is. */
export const lockGroupForSettlementStep = createStep("lock-group-for-settlement", async (input: { group_id: string }, { container }) => {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const group = await findGroup(container, input.group_id)
  const before = await groups.lockForSettlement(input.group_id, (units) => tierFor(units, group.campaign.tiers))
  const after = await findGroup(container, input.group_id)
  return new StepResponse({ before, group: after })
})

export type SettlementOutcome = {
  refunded: number
  not_owed: number
  failed: number
  /** Purchases another run (another process) has claimed and is refunding now. */
  in_progress: number
  total_refunded: string
  errors: string[]
}

/**
 * Price protection for every placed purchase not yet settled: the difference
 * between the final tier and the tier paid, refunded through Medusa's refund
 * workflow (so through the payment's own provider). Each refund is first
 * claimed in PostgreSQL (`claimSettlementRefund`): of two runs on two servers,
 * only one calls the provider for a purchase, whatever the lock provider. Each
 * refund carries a note naming the purchase; after claiming, the payment's
 * refunds are searched for it, so a run that died after a refund and before
 * recording it never refunds twice. One member's failure is recorded and the
 * others go on; the next run retries the failed ones.
 */
export const refundGroupMembersStep = createStep("refund-group-members", async (input: { group_id: string }, { container }) => {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const group = await findGroup(container, input.group_id)
  const outcome: SettlementOutcome = { refunded: 0, not_owed: 0, failed: 0, in_progress: 0, total_refunded: "0", errors: [] }
  if (group.status !== "settling") return new StepResponse(outcome)
  const purchases = await groups.listGroupPurchases(
    { group_id: group.id, status: ["placed"], refund_status: ["pending", "failed", "refunding"] },
    { order: { created_at: "ASC" } }
  )
  const finalPercent = String(group.final_percent ?? 0)
  for (const purchase of purchases) {
    if (!(await groups.claimSettlementRefund(purchase.id))) {
      outcome.in_progress++
      continue
    }
    const note = settlementNote(purchase.id, group.code)
    try {
      const facts = await loadGroupOrderFacts(container, purchase.order_id!, group)
      if (!facts) throw new Error(`order ${purchase.order_id} was not found`)
      const earlier = facts.payments.flatMap((p) => p.refunds).find((r) => r.note === note)
      if (earlier) {
        await groups.updateGroupPurchases({ id: purchase.id, refund_status: "refunded", refund_id: earlier.id, refund_amount: money(earlier.amount), refund_error: null, refunded_at: new Date() })
        outcome.refunded++
        outcome.total_refunded = MathBN.add(outcome.total_refunded, earlier.amount).toString()
        continue
      }
      const { refund, payment_id } = refundPlan(facts, finalPercent)
      if (MathBN.lte(refund, 0)) {
        await groups.updateGroupPurchases({ id: purchase.id, refund_status: "not_owed", refund_amount: money("0"), refund_error: null })
        outcome.not_owed++
        continue
      }
      if (!payment_id) throw new Error(`no single payment of order ${purchase.order_id} has ${refund} left to refund`)
      await refundPaymentWorkflow(container).run({ input: { payment_id, amount: refund, note } })
      const made = await findRefundByNote(container, payment_id, (n) => n === note)
      await groups.updateGroupPurchases({ id: purchase.id, refund_status: "refunded", refund_id: made?.id ?? null, refund_amount: money(refund), refund_error: null, refunded_at: new Date() })
      outcome.refunded++
      outcome.total_refunded = MathBN.add(outcome.total_refunded, refund).toString()
    } catch (error) {
      // Releases the claim: the next run retries (and first looks for the note).
      const message = (error as Error).message ?? String(error)
      await groups.updateGroupPurchases({ id: purchase.id, refund_status: "failed", refund_error: message })
      outcome.failed++
      outcome.errors.push(`${purchase.id}: ${message}`)
    }
  }
  return new StepResponse(outcome)
})

/**
 * settling → settled when every purchase is settled (none pending, failed or
 * being refunded by another run); otherwise the group stays settling for the
 * next run. Of two runs finishing together, only one moves the group (and so
 * announces it).
 */
export const finishSettlementStep = createStep(
  "finish-group-settlement",
  async (input: { group_id: string; outcome: SettlementOutcome }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const group = await groups.retrieveGroupOrder(input.group_id)
    if (group.status !== "settling") return new StepResponse({ group, settled_now: false })
    const previous = (group.settlement as any) ?? {}
    const left = await groups.listGroupPurchases(
      { group_id: group.id, status: ["placed"], refund_status: ["pending", "failed", "refunding"] },
      { select: ["id"] }
    )
    const settlement = {
      attempts: (previous.attempts ?? 0) + 1,
      last_attempt_at: new Date().toISOString(),
      last_error: input.outcome.errors.length ? input.outcome.errors.join("; ") : null,
      unsettled_purchases: left.length,
    }
    await groups.updateGroupOrders({ id: group.id, settlement })
    const settledNow = left.length === 0 && (await groups.markSettled(group.id))
    return new StepResponse({ group: await groups.retrieveGroupOrder(group.id), settled_now: settledNow })
  }
)

/** open → cancelled: no further joins; members keep what they paid. */
export const cancelGroupStep = createStep(
  "cancel-group",
  async (input: { group_id: string }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const group = await groups.retrieveGroupOrder(input.group_id)
    if (group.status !== "open") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Group ${group.code} is ${group.status}; only an open group can be cancelled`)
    }
    const updated = await groups.updateGroupOrders({ id: group.id, status: "cancelled", cancelled_at: new Date() })
    return new StepResponse(updated, group.id)
  },
  async (id, { container }) => {
    if (!id) return
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    await groups.updateGroupOrders({ id, status: "open", cancelled_at: null })
  }
)
