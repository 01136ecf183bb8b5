import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/**
 * One eligible order line as paid: `base`, the amount the group's percentage
 * applies to (the subtotal, or less when another promotion took its share
 * first: Medusa applies promotions one after another), the group discount it
 * got, and its tax rate in percent.
 */
export type PaidLine = { base: BigNumberInput; discount_paid: BigNumberInput; tax_rate?: BigNumberInput }

/**
 * What the group's percentage applied to on a line. When the line got the
 * group discount at `percent`, Medusa computed it as base × percent / 100, so
 * the base is exactly discount × 100 / percent. Without one, the base is the
 * subtotal less the line's other discounts (the group's percentage then comes
 * last; never more than the fan actually paid for the line).
 */
export function discountBase(line: { subtotal: BigNumberInput; group_discount: BigNumberInput; group_percent: BigNumberInput; other_discounts: BigNumberInput }) {
  if (MathBN.gt(line.group_percent, 0) && MathBN.gt(line.group_discount, 0)) {
    return MathBN.div(MathBN.mult(line.group_discount, 100), line.group_percent).toString()
  }
  return MathBN.max(0, MathBN.sub(line.subtotal, line.other_discounts)).toString()
}

/**
 * Price protection: what a member is owed when the group's final tier beats
 * the tier they paid at. Per line, the discount the final tier gives minus the
 * discount already given (never negative: nobody pays more than at checkout),
 * plus the tax charged on that difference. Summed exactly, rounded once to the
 * currency's precision (half up), and never more than is still refundable.
 */
export function priceProtectionRefund(input: {
  lines: PaidLine[]
  final_percent: BigNumberInput
  /** Captured minus already refunded on the order's payments. */
  refundable: BigNumberInput
  precision?: number
}): { discount_due: string; refund: string } {
  const precision = input.precision ?? 2
  let due = MathBN.convert(0)
  let owed = MathBN.convert(0)
  for (const line of input.lines) {
    const lineDue = MathBN.div(MathBN.mult(line.base, input.final_percent), 100)
    due = MathBN.add(due, lineDue)
    const difference = MathBN.max(0, MathBN.sub(lineDue, line.discount_paid))
    const tax = MathBN.div(MathBN.mult(difference, line.tax_rate ?? 0), 100)
    owed = MathBN.add(owed, difference, tax)
  }
  const rounded = MathBN.convert(owed, precision)
  const capped = MathBN.min(rounded, MathBN.max(0, input.refundable))
  return { discount_due: MathBN.convert(due, precision).toFixed(precision), refund: capped.toFixed(precision) }
}
