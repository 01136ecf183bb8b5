import { MathBN } from "@medusajs/framework/utils"
import { priceProtectionRefund } from "../../modules/group-order/lib/settlement"
import type { GroupOrderFacts } from "../../queries/group-order-lines"

export type RefundPlan = {
  /** The discount the final tier gives on the purchase's eligible lines. */
  discount_due: string
  /** What the member is owed now (0: nothing). */
  refund: string
  /** The payment the refund goes to: the one with the most left to refund that can take it whole. */
  payment_id: string | null
}

/**
 * What settling one purchase at `finalPercent` refunds, and to which payment.
 * Settlement and its preview both use it, so staff see exactly what "Settle now" will do.
 */
export function refundPlan(facts: GroupOrderFacts, finalPercent: string): RefundPlan {
  const refundable = facts.payments.map((p) => ({ id: p.id, left: MathBN.sub(p.captured, p.refunded) }))
  const { refund, discount_due } = priceProtectionRefund({
    lines: facts.lines,
    final_percent: finalPercent,
    refundable: MathBN.sum(0, ...refundable.map((p) => p.left)).toString(),
  })
  if (MathBN.lte(refund, 0)) return { discount_due, refund, payment_id: null }
  const payment = refundable.filter((p) => MathBN.gte(p.left, refund)).sort((a, b) => (MathBN.gt(a.left, b.left) ? -1 : 1))[0]
  return { discount_due, refund, payment_id: payment?.id ?? null }
}
