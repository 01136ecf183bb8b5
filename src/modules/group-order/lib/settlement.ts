import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/** One eligible order line as paid: subtotal before discounts, the group discount it got, its tax rate in percent. */
export type PaidLine = { subtotal: BigNumberInput; discount_paid: BigNumberInput; tax_rate?: BigNumberInput }

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
    const lineDue = MathBN.div(MathBN.mult(line.subtotal, input.final_percent), 100)
    due = MathBN.add(due, lineDue)
    const difference = MathBN.max(0, MathBN.sub(lineDue, line.discount_paid))
    const tax = MathBN.div(MathBN.mult(difference, line.tax_rate ?? 0), 100)
    owed = MathBN.add(owed, difference, tax)
  }
  const rounded = MathBN.convert(owed, precision)
  const capped = MathBN.min(rounded, MathBN.max(0, input.refundable))
  return { discount_due: MathBN.convert(due, precision).toFixed(precision), refund: capped.toFixed(precision) }
}
