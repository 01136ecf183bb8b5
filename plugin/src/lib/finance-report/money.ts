import { MathBN, defaultCurrencies } from "@medusajs/framework/utils"

/**
 * Money in reports: exact decimal strings in the currency's units ("60.791",
 * "5.00"), computed with MathBN (bignumber.js), never with floats. Medusa keeps
 * sub-cent amounts (a 5 % discount on 24.99 is 1.2495), so a cell shows every
 * digit Medusa holds and at least the currency's own digits: sums of cells are
 * then exactly the sums of Medusa's numbers, with no rounding drift.
 */
export type Money = string

/** A Medusa amount in any of its shapes: number, string, BigNumber, or a raw `{ value }`. */
export type AmountInput = number | string | { value: string | number } | { bigNumber: unknown } | null | undefined

export type Decimal = ReturnType<typeof MathBN.convert>

export function decimal(value: AmountInput): Decimal {
  return MathBN.convert(value as any)
}

/** Digits after the decimal point of the currency (USD 2, KRW 0, KWD 3); 2 when unknown. */
export function currencyDigits(currencyCode: string | null | undefined): number {
  const known = currencyCode ? (defaultCurrencies as Record<string, { decimal_digits: number }>)[currencyCode.toUpperCase()] : undefined
  return known?.decimal_digits ?? 2
}

/** The exact value as a decimal string with at least the currency's digits ("5" → "5.00", "1.2495" stays). */
export function formatMoney(value: AmountInput | Decimal, currencyCode: string | null | undefined): Money {
  const n = MathBN.convert(value as any)
  if (!n.isFinite()) throw new Error(`Not a finite amount: ${String(value)}`)
  const digits = Math.max(n.decimalPlaces() ?? 0, currencyDigits(currencyCode))
  // -0 prints as "0.00", never "-0.00".
  return (n.isZero() ? n.abs() : n).toFixed(digits)
}

export function addMoney(...values: (AmountInput | Decimal)[]): Decimal {
  return MathBN.add(...(values as any[]))
}

export function subMoney(from: AmountInput | Decimal, ...values: (AmountInput | Decimal)[]): Decimal {
  return MathBN.sub(from as any, ...(values as any[]))
}

/**
 * Splits `total` into parts proportional to `weights`, exactly: every part is
 * rounded (half-even) to `scale` digits and the part with the largest weight
 * absorbs the rounding remainder, so the parts always add up to `total` to the
 * last digit. All-zero weights put the whole total on the first part.
 */
export function splitByWeights(total: AmountInput | Decimal, weights: (AmountInput | Decimal)[], scale: number): Decimal[] {
  const whole = MathBN.convert(total as any)
  if (!weights.length) return []
  const w = weights.map((x) => MathBN.convert(x as any))
  const sum = MathBN.add(...w)
  if (sum.isZero()) return w.map((_, i) => (i === 0 ? whole : MathBN.convert(0)))
  const parts = w.map((weight) => whole.times(weight).dividedBy(sum).decimalPlaces(scale, 6 /* ROUND_HALF_EVEN */))
  let largest = 0
  w.forEach((weight, i) => {
    if (weight.abs().gt(w[largest].abs())) largest = i
  })
  parts[largest] = parts[largest].plus(whole.minus(MathBN.add(...parts)))
  return parts
}

/** The scale to split an amount at: its own digits, and at least the currency's plus two. */
export function splitScale(total: AmountInput | Decimal, currencyCode: string | null | undefined) {
  return Math.max(MathBN.convert(total as any).decimalPlaces() ?? 0, currencyDigits(currencyCode) + 2)
}
