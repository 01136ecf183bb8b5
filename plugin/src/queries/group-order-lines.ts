import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { discountBase, type PaidLine } from "../modules/group-order/lib/settlement"
import { CampaignScope, isEligible } from "./group-order"

export type GroupOrderFacts = {
  order_id: string
  cart_id: string | null
  currency_code: string
  /** Eligible lines as paid, for price protection. */
  lines: (PaidLine & { id: string; subtotal: string })[]
  eligible_subtotal: string
  discount_paid: string
  /** The group tier whose promotion the lines carry (0: none). */
  tier_paid: number
  payments: { id: string; captured: string; refunded: string; refunds: { id: string; amount: string; note: string | null }[] }[]
}

/**
 * What an order paid for a group's eligible lines: each line's subtotal
 * (unit price × quantity), the amount the group's percentage applied to (see
 * discountBase), the group's discount on it (adjustments carrying one of the
 * group's tier codes), its tax rate; and its payments with their captures and
 * refunds. Exact decimal strings throughout.
 */
export async function loadGroupOrderFacts(
  container: MedusaContainer,
  orderId: string,
  group: { code: string; campaign: Pick<CampaignScope, "product_ids" | "variant_ids">; promotions: { tier: number; percent: number }[] }
): Promise<GroupOrderFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    // `total` makes Medusa resolve each line's current version (its quantity among it).
    fields: [
      "id", "currency_code", "total", "cart.id",
      "items.id", "items.product_id", "items.variant_id", "items.quantity", "items.unit_price",
      "items.adjustments.code", "items.adjustments.amount", "items.tax_lines.rate",
      "payment_collections.payments.id", "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.id", "payment_collections.payments.refunds.amount", "payment_collections.payments.refunds.note",
    ],
    filters: { id: orderId },
  })
  const order = data[0]
  if (!order) return null
  const tierCode = new RegExp(`^${group.code}-T(\\d+)$`)
  const percentOfTier = (tier: number) => group.promotions.find((p) => p.tier === tier)?.percent ?? 0
  let tierPaid = 0
  const lines = (order.items ?? [])
    .filter((item: any) => item && isEligible(group.campaign, item))
    .map((item: any) => {
      if (item.unit_price === undefined || item.quantity === undefined) {
        throw new Error(`order ${orderId}: line ${item.id} has no unit price or quantity`)
      }
      const adjustments = (item.adjustments ?? []).filter(Boolean)
      let lineTier = 0
      const ofGroup = adjustments.filter((a: any) => {
        const match = a.code?.match(tierCode)
        if (match) lineTier = Math.max(lineTier, Number(match[1]))
        return Boolean(match)
      })
      tierPaid = Math.max(tierPaid, lineTier)
      const subtotal = MathBN.mult(item.unit_price, item.quantity).toString()
      const groupDiscount = MathBN.sum(0, ...ofGroup.map((a: any) => a.amount)).toString()
      const otherDiscounts = MathBN.sum(0, ...adjustments.filter((a: any) => !ofGroup.includes(a)).map((a: any) => a.amount)).toString()
      return {
        id: item.id as string,
        subtotal,
        base: discountBase({ subtotal, group_discount: groupDiscount, group_percent: percentOfTier(lineTier), other_discounts: otherDiscounts }),
        discount_paid: groupDiscount,
        tax_rate: MathBN.sum(0, ...(item.tax_lines ?? []).filter(Boolean).map((t: any) => t.rate)).toString(),
      }
    })
  const payments = (order.payment_collections ?? [])
    .flatMap((c: any) => c?.payments ?? [])
    .filter(Boolean)
    .map((p: any) => ({
      id: p.id,
      captured: MathBN.sum(0, ...(p.captures ?? []).filter(Boolean).map((c: any) => c.amount)).toString(),
      refunded: MathBN.sum(0, ...(p.refunds ?? []).filter(Boolean).map((r: any) => r.amount)).toString(),
      refunds: (p.refunds ?? []).filter(Boolean).map((r: any) => ({ id: r.id, amount: String(r.amount), note: r.note ?? null })),
    }))
  return {
    order_id: order.id,
    cart_id: order.cart?.id ?? null,
    currency_code: order.currency_code,
    lines,
    eligible_subtotal: MathBN.sum(0, ...lines.map((l) => l.subtotal)).toString(),
    discount_paid: MathBN.sum(0, ...lines.map((l) => l.discount_paid)).toString(),
    tier_paid: tierPaid,
    payments,
  }
}
