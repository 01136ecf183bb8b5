import type { DiscountKind } from "./discounts"
import { DISCOUNT_KINDS } from "./discounts"
import type { Decimal } from "./money"
import { decimal, formatMoney, splitByWeights, splitScale } from "./money"
import type { ReportOrder } from "./report-rows"
import { orderSplit, paidOf, refundedOf } from "./report-rows"
import { localDay } from "./time"

/**
 * The summary, built from the same order facts as the export so its figures
 * match the export's columns for the same filter:
 *  - per local day, sales channel and currency: orders, gross (Medusa's
 *    subtotal: items and shipping before discounts and tax), discounts by kind,
 *    tax, total, paid, refunds and net (paid − refunded);
 *  - pre-order liability: money taken (the line's total, less its share of a
 *    group settlement refund) for pre-order lines whose item is still pending
 *    (not released, not cancelled), by release date and currency.
 */
type DayBucket = {
  date: string
  sales_channel: string | null
  currency: string
  orders: number
  sums: Record<string, Decimal>
}

type LiabilityBucket = { release_date: string; currency: string; lines: number; units: number; amount: Decimal }

const DAY_MONEY = ["gross", "discount_total", ...DISCOUNT_KINDS.map((k) => `discount_${k}`), "tax", "total", "paid", "refunds", "net"]

export type SummaryDay = {
  date: string
  sales_channel: string | null
  currency: string
  orders: number
  gross: string
  discounts: Record<DiscountKind | "total", string>
  tax: string
  total: string
  paid: string
  refunds: string
  net: string
}

export type SummaryLiability = { release_date: string; currency: string; lines: number; units: number; amount: string }

/** What each pending pre-order line of the order holds in money (exact), for the liability. */
export function pendingPreorderMoney(order: ReportOrder): { release_date: string; units: Decimal; amount: Decimal }[] {
  if (decimal(0).gte(paidOf(order))) return [] // nothing taken yet
  const groupRefund = decimal(order.group?.refund_amount ?? 0)
  const weights = order.lines.map((l) =>
    l.adjustments.filter((a) => a.kind === "group_order").reduce((sum, a) => sum.plus(decimal(a.amount)), decimal(0))
  )
  const refundShares = groupRefund.isZero()
    ? order.lines.map(() => decimal(0))
    : splitByWeights(groupRefund, weights, splitScale(groupRefund, order.currency_code))
  return order.lines.flatMap((line, i) =>
    line.preorder?.status === "pending"
      ? [{ release_date: line.preorder.release_date, units: decimal(line.quantity), amount: decimal(line.total).minus(refundShares[i]) }]
      : []
  )
}

export class ReportSummary {
  private readonly days = new Map<string, DayBucket>()
  private readonly liability = new Map<string, LiabilityBucket>()

  constructor(private readonly timeZone: string = "UTC") {}

  add(order: ReportOrder) {
    const currency = order.currency_code.toUpperCase()
    const date = localDay(order.created_at, this.timeZone)
    const key = `${date}|${order.sales_channel ?? ""}|${currency}`
    let day = this.days.get(key)
    if (!day) {
      day = { date, sales_channel: order.sales_channel, currency, orders: 0, sums: Object.fromEntries(DAY_MONEY.map((m) => [m, decimal(0)])) }
      this.days.set(key, day)
    }
    const split = orderSplit(order)
    const paid = paidOf(order)
    const refunded = refundedOf(order)
    const add = (field: string, value: Decimal | string) => (day!.sums[field] = day!.sums[field].plus(decimal(value as any)))
    day.orders++
    add("gross", order.subtotal)
    add("discount_total", order.discount_total)
    for (const kind of DISCOUNT_KINDS) add(`discount_${kind}`, split[kind])
    add("tax", order.tax_total)
    add("total", order.total)
    add("paid", paid)
    add("refunds", refunded)
    add("net", paid.minus(refunded))

    for (const line of pendingPreorderMoney(order)) {
      const releaseDate = localDay(line.release_date, this.timeZone)
      const lkey = `${releaseDate}|${currency}`
      const bucket = this.liability.get(lkey) ?? { release_date: releaseDate, currency, lines: 0, units: 0, amount: decimal(0) }
      bucket.lines++
      bucket.units += Number(line.units.toFixed())
      bucket.amount = bucket.amount.plus(line.amount)
      this.liability.set(lkey, bucket)
    }
  }

  result() {
    const money = (value: Decimal, currency: string) => formatMoney(value, currency)
    const days: SummaryDay[] = [...this.days.values()]
      .sort((a, b) => a.date.localeCompare(b.date) || (a.sales_channel ?? "").localeCompare(b.sales_channel ?? "") || a.currency.localeCompare(b.currency))
      .map((d) => ({
        date: d.date,
        sales_channel: d.sales_channel,
        currency: d.currency,
        orders: d.orders,
        gross: money(d.sums.gross, d.currency),
        discounts: {
          ...(Object.fromEntries(DISCOUNT_KINDS.map((k) => [k, money(d.sums[`discount_${k}`], d.currency)])) as Record<DiscountKind, string>),
          total: money(d.sums.discount_total, d.currency),
        },
        tax: money(d.sums.tax, d.currency),
        total: money(d.sums.total, d.currency),
        paid: money(d.sums.paid, d.currency),
        refunds: money(d.sums.refunds, d.currency),
        net: money(d.sums.net, d.currency),
      }))
    const liability: SummaryLiability[] = [...this.liability.values()]
      .sort((a, b) => a.release_date.localeCompare(b.release_date) || a.currency.localeCompare(b.currency))
      .map((l) => ({ release_date: l.release_date, currency: l.currency, lines: l.lines, units: l.units, amount: money(l.amount, l.currency) }))
    return { days, totals: totalsByCurrency(days), preorder_liability: { by_release_date: liability, totals: liabilityTotals(liability) } }
  }
}

function totalsByCurrency(days: SummaryDay[]) {
  const out = new Map<string, { orders: number; sums: Record<string, Decimal> }>()
  for (const d of days) {
    const t = out.get(d.currency) ?? { orders: 0, sums: {} as Record<string, Decimal> }
    t.orders += d.orders
    const fields: Record<string, string> = {
      gross: d.gross, tax: d.tax, total: d.total, paid: d.paid, refunds: d.refunds, net: d.net,
      ...Object.fromEntries(Object.entries(d.discounts).map(([k, v]) => [`discount_${k}`, v])),
    }
    for (const [k, v] of Object.entries(fields)) t.sums[k] = (t.sums[k] ?? decimal(0)).plus(decimal(v))
    out.set(d.currency, t)
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({
    currency,
    orders: t.orders,
    gross: formatMoney(t.sums.gross, currency),
    discounts: {
      ...(Object.fromEntries(DISCOUNT_KINDS.map((k) => [k, formatMoney(t.sums[`discount_${k}`], currency)])) as Record<DiscountKind, string>),
      total: formatMoney(t.sums.discount_total, currency),
    },
    tax: formatMoney(t.sums.tax, currency),
    total: formatMoney(t.sums.total, currency),
    paid: formatMoney(t.sums.paid, currency),
    refunds: formatMoney(t.sums.refunds, currency),
    net: formatMoney(t.sums.net, currency),
  }))
}

function liabilityTotals(rows: SummaryLiability[]) {
  const out = new Map<string, { lines: number; units: number; amount: Decimal }>()
  for (const r of rows) {
    const t = out.get(r.currency) ?? { lines: 0, units: 0, amount: decimal(0) }
    t.lines += r.lines
    t.units += r.units
    t.amount = t.amount.plus(decimal(r.amount))
    out.set(r.currency, t)
  }
  return [...out.entries()].map(([currency, t]) => ({ currency, lines: t.lines, units: t.units, amount: formatMoney(t.amount, currency) }))
}
