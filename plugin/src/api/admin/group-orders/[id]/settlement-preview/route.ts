import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { GROUP_ORDER_MODULE } from "../../../../../modules/group-order"
import { tierFor } from "../../../../../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../../../../../modules/group-order/service"
import { findGroup } from "../../../../../queries/group-order"
import { loadGroupOrderFacts } from "../../../../../queries/group-order-lines"
import { refundPlan } from "../../../../../lib/group-order/settlement-plan"
import { settlementNote } from "../../../../../workflows/group-order/steps/settlement-steps"

const decimal = (value: unknown) => (value === null || value === undefined ? null : String(value))

/**
 * GET /admin/group-orders/:id/settlement-preview: what "Settle now" would do
 * at this moment, changing nothing: the final tier (from paid units, or the one
 * a settling group is locked at) and, per placed purchase not yet settled, the
 * refund it would get, computed by the same function settlement uses.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const group = await findGroup(req.scope, req.params.id)
  const final =
    group.status === "open"
      ? tierFor(group.paid_units, group.campaign.tiers)
      : { tier: group.final_tier ?? 0, percent: Number(group.final_percent ?? 0) }
  const purchases = await groups.listGroupPurchases({ group_id: group.id, status: ["placed"] }, { order: { created_at: "ASC" } })
  let total = MathBN.convert(0)
  const rows = [] as Record<string, unknown>[]
  for (const purchase of purchases) {
    const row = {
      purchase_id: purchase.id,
      order_id: purchase.order_id,
      email: purchase.email,
      units: purchase.units,
      paid_percent: decimal(purchase.paid_percent),
      discount_paid: decimal(purchase.discount_paid),
      refund_status: purchase.refund_status,
    }
    if (group.status === "cancelled") {
      rows.push({ ...row, action: "none", refund: "0", discount_due: null, error: null })
      continue
    }
    if (purchase.refund_status === "refunded" || purchase.refund_status === "not_owed") {
      rows.push({ ...row, action: "settled", refund: decimal(purchase.refund_amount) ?? "0", discount_due: null, error: null })
      continue
    }
    try {
      const facts = await loadGroupOrderFacts(req.scope, purchase.order_id!, group)
      if (!facts) throw new Error(`order ${purchase.order_id} was not found`)
      const earlier = facts.payments.flatMap((p) => p.refunds).find((r) => r.note === settlementNote(purchase.id, group.code))
      if (earlier) {
        rows.push({ ...row, action: "record", refund: earlier.amount, discount_due: null, error: null })
        continue
      }
      const plan = refundPlan(facts, String(final.percent))
      const owed = MathBN.gt(plan.refund, 0)
      if (owed && plan.payment_id) total = MathBN.add(total, plan.refund)
      rows.push({
        ...row,
        action: !owed ? "not_owed" : plan.payment_id ? "refund" : "fail",
        refund: plan.refund,
        discount_due: plan.discount_due,
        error: owed && !plan.payment_id ? `no single payment of order ${purchase.order_id} has ${plan.refund} left to refund` : null,
      })
    } catch (error) {
      rows.push({ ...row, action: "fail", refund: "0", discount_due: null, error: (error as Error).message })
    }
  }
  res.json({
    settlement_preview: {
      group_id: group.id,
      code: group.code,
      status: group.status,
      currency_code: group.campaign.currency_code,
      paid_units: group.paid_units,
      final_tier: final.tier,
      final_percent: final.percent,
      refunds: rows.filter((r) => r.action === "refund").length,
      total_refund: total.toFixed(2),
      purchases: rows,
    },
  })
}
