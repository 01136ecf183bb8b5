import type { AmountInput, Decimal } from "./money"
import { addMoney, decimal, splitByWeights, splitScale } from "./money"
import { APP_SESSION_RULE_ATTRIBUTE } from "../../modules/app-channel/promotion-rules"
import { GROUP_ORDER_TIER_RULE_ATTRIBUTE } from "../../modules/group-order/promotion-rules"

/**
 * Every discount in an order is a Medusa promotion adjustment. What kind of
 * discount it is follows from the rules of the promotion behind it:
 *  - a rule on `group_order.tier`      → group-order discount (group tiers)
 *  - a rule on `app_session.verified`  → app-exclusive discount (app promotions)
 *  - anything else                     → promotion-code discount (codes, automatic sales)
 */
export const DISCOUNT_KINDS = ["promotion_code", "group_order", "app_exclusive"] as const
export type DiscountKind = (typeof DISCOUNT_KINDS)[number]

export function discountKindOf(ruleAttributes: (string | null | undefined)[]): DiscountKind {
  if (ruleAttributes.includes(GROUP_ORDER_TIER_RULE_ATTRIBUTE)) return "group_order"
  if (ruleAttributes.includes(APP_SESSION_RULE_ATTRIBUTE)) return "app_exclusive"
  return "promotion_code"
}

export type DiscountSplit = Record<DiscountKind, Decimal>

export const emptySplit = (): DiscountSplit => ({
  promotion_code: decimal(0),
  group_order: decimal(0),
  app_exclusive: decimal(0),
})

/**
 * Splits one line's (or shipping method's) discount total, as Medusa computed
 * it, over the kinds of its adjustments in proportion to their amounts. The
 * parts add up to `discountTotal` exactly; with one kind (the usual case) that
 * kind gets all of it, no arithmetic involved.
 */
export function splitLineDiscount(
  discountTotal: AmountInput,
  adjustments: { amount: AmountInput; kind: DiscountKind }[],
  currencyCode: string
): DiscountSplit {
  const split = emptySplit()
  const total = decimal(discountTotal)
  if (total.isZero()) return split
  const weights = DISCOUNT_KINDS.map((kind) => addMoney(...adjustments.filter((a) => a.kind === kind).map((a) => a.amount)))
  // A discount without adjustments (not expected from Medusa) counts as "promotion code".
  const parts = splitByWeights(total, weights, splitScale(total, currencyCode))
  DISCOUNT_KINDS.forEach((kind, i) => (split[kind] = parts[i]))
  return split
}

export function addSplits(...splits: DiscountSplit[]): DiscountSplit {
  const sum = emptySplit()
  for (const split of splits) for (const kind of DISCOUNT_KINDS) sum[kind] = sum[kind].plus(split[kind])
  return sum
}

/**
 * The order's split: the sum of its lines' and shipping methods' splits. If
 * Medusa's order discount total differs from that sum (it never should), the
 * difference goes to "promotion code", so the three columns always add up to
 * the order's discount total.
 */
export function orderDiscountSplit(orderDiscountTotal: AmountInput, parts: DiscountSplit[]): DiscountSplit {
  const split = addSplits(...parts)
  const residual = decimal(orderDiscountTotal).minus(addMoney(...DISCOUNT_KINDS.map((k) => split[k])))
  split.promotion_code = split.promotion_code.plus(residual)
  return split
}
