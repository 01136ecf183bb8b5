import type { DiscountKind, DiscountSplit } from "./discounts"
import { DISCOUNT_KINDS, orderDiscountSplit, splitLineDiscount } from "./discounts"
import type { Decimal, Money } from "./money"
import { addMoney, decimal, formatMoney, subMoney } from "./money"
import { localDay, localIso, utcIso } from "./time"

/**
 * The facts the report needs about one order, already read from Medusa and our
 * modules (see lib/finance-report/order-report-source.ts). Amounts are
 * Medusa's own, as exact decimal strings.
 */
export type ReportAdjustment = { amount: Money; kind: DiscountKind; code: string | null }

export type ReportPreorder = {
  status: "reserved" | "pending" | "ready" | "cancelled"
  release_date: string
  benefit_units: number
  benefit: string | null
}

export type ReportLine = {
  id: string
  sku: string | null
  product: string | null
  version: string | null
  quantity: Money
  unit_price: Money
  subtotal: Money
  discount_total: Money
  tax_total: Money
  total: Money
  adjustments: ReportAdjustment[]
  preorder: ReportPreorder | null
}

export type ReportPayment = {
  provider_id: string
  reference: string | null
  captured_at: string | null
  captured: Money
  refunded: Money
}

export type ReportOrder = {
  id: string
  display_id: number | null
  created_at: string
  status: string
  currency_code: string
  email: string | null
  customer_name: string | null
  sales_channel: string | null
  region: string | null
  subtotal: Money
  discount_total: Money
  shipping_total: Money
  tax_total: Money
  credit_line_total: Money
  total: Money
  lines: ReportLine[]
  shipping: { discount_total: Money; adjustments: ReportAdjustment[] }[]
  payments: ReportPayment[]
  payment_status: string
  fulfillment_status: string
  group: { code: string; final_tier: number | null; refund_amount: Money | null } | null
  /** Active giveaway entries earned by the order; null when the giveaway module is not installed. */
  giveaway_entries: number | null
}

export type Granularity = "order" | "line_item"
export type RowValue = string | number | boolean | null
export type Row = Record<string, RowValue>
export type RowOptions = { tz?: string | null }

const DISCOUNT_COLUMNS = DISCOUNT_KINDS.map((k) => `discount_${k}`)

/** Columns of each granularity, in file order. Money columns are summed by the totals row. */
export const COLUMNS: Record<Granularity, { all: string[]; money: string[]; counts: string[] }> = {
  order: {
    all: [
      "order_id", "display_id", "created_at", "created_at_local", "sales_channel", "region", "currency",
      "customer_email", "customer_name", "order_status", "item_count",
      "subtotal", "discount_total", ...DISCOUNT_COLUMNS, "promotion_codes",
      "shipping_total", "tax_total", "credit_line_total", "total", "paid", "refunded", "net",
      "payment_status", "fulfillment_status", "payment_provider", "payment_reference", "captured_at",
      "preorder_lines", "preorder_release_dates", "group_code", "group_final_tier", "giveaway_entries",
    ],
    money: ["subtotal", "discount_total", ...DISCOUNT_COLUMNS, "shipping_total", "tax_total", "credit_line_total", "total", "paid", "refunded", "net"],
    counts: ["item_count", "preorder_lines", "giveaway_entries"],
  },
  line_item: {
    all: [
      "order_id", "display_id", "created_at", "created_at_local", "sales_channel", "region", "currency",
      "customer_email", "customer_name", "order_status", "payment_status", "fulfillment_status",
      "line_id", "sku", "product", "version", "quantity", "unit_price",
      "subtotal", "discount_total", ...DISCOUNT_COLUMNS, "promotion_codes", "tax_total", "total",
      "preorder", "preorder_status", "release_date", "benefit_units", "benefit",
      "group_code", "payment_provider", "payment_reference", "captured_at",
    ],
    money: ["subtotal", "discount_total", ...DISCOUNT_COLUMNS, "tax_total", "total"],
    counts: ["quantity", "benefit_units"],
  },
}

/** The columns of a file: `created_at_local` only when a time zone was asked for. */
export function columnsFor(granularity: Granularity, options: RowOptions): string[] {
  return COLUMNS[granularity].all.filter((c) => c !== "created_at_local" || !!options.tz)
}

const list = (values: (string | null | undefined)[]) => [...new Set(values.filter(Boolean) as string[])].join(";") || null

function splitColumns(split: DiscountSplit, currency: string): Row {
  const row: Row = {}
  for (const kind of DISCOUNT_KINDS) row[`discount_${kind}`] = formatMoney(split[kind], currency)
  return row
}

function lineSplit(line: { discount_total: Money; adjustments: ReportAdjustment[] }, currency: string) {
  return splitLineDiscount(line.discount_total, line.adjustments, currency)
}

/** The cells that depend on the time zone: the local timestamp, and local release dates. */
const createdAtLocal = (order: ReportOrder, options: RowOptions): Row => (options.tz ? { created_at_local: localIso(order.created_at, options.tz) } : {})
const releaseDay = (preorder: ReportPreorder | null, options: RowOptions) => (preorder ? localDay(preorder.release_date, options.tz || "UTC") : null)
const releaseDays = (order: ReportOrder, options: RowOptions) => list(order.lines.map((l) => releaseDay(l.preorder, options)))

function common(order: ReportOrder, options: RowOptions): Row {
  const payments = order.payments
  return {
    order_id: order.id,
    display_id: order.display_id,
    created_at: utcIso(order.created_at),
    ...createdAtLocal(order, options),
    sales_channel: order.sales_channel,
    region: order.region,
    currency: order.currency_code.toUpperCase(),
    customer_email: order.email,
    customer_name: order.customer_name,
    order_status: order.status,
    payment_status: order.payment_status,
    fulfillment_status: order.fulfillment_status,
    payment_provider: list(payments.map((p) => p.provider_id)),
    payment_reference: list(payments.map((p) => p.reference)),
    captured_at: list(payments.map((p) => (p.captured_at ? utcIso(p.captured_at) : null))),
    group_code: order.group?.code ?? null,
  }
}

export function paidOf(order: ReportOrder): Decimal {
  return addMoney(...order.payments.map((p) => p.captured))
}

export function refundedOf(order: ReportOrder): Decimal {
  return addMoney(...order.payments.map((p) => p.refunded))
}

/** The order's discount total split by kind (lines and shipping), adding up to Medusa's discount total. */
export function orderSplit(order: ReportOrder): DiscountSplit {
  const c = order.currency_code
  return orderDiscountSplit(order.discount_total, [...order.lines.map((l) => lineSplit(l, c)), ...order.shipping.map((s) => lineSplit(s, c))])
}

/** One row per order. */
export function orderRow(order: ReportOrder, options: RowOptions = {}): Row {
  const c = order.currency_code
  const paid = paidOf(order)
  const refunded = refundedOf(order)
  const preorders = order.lines.filter((l) => l.preorder)
  const all = common(order, options)
  const row: Row = {
    ...all,
    item_count: Number(addMoney(...order.lines.map((l) => l.quantity)).toFixed()),
    subtotal: formatMoney(order.subtotal, c),
    discount_total: formatMoney(order.discount_total, c),
    ...splitColumns(orderSplit(order), c),
    promotion_codes: list([...order.lines, ...order.shipping].flatMap((l) => l.adjustments.map((a) => a.code))),
    shipping_total: formatMoney(order.shipping_total, c),
    tax_total: formatMoney(order.tax_total, c),
    credit_line_total: formatMoney(order.credit_line_total, c),
    total: formatMoney(order.total, c),
    paid: formatMoney(paid, c),
    refunded: formatMoney(refunded, c),
    net: formatMoney(subMoney(paid, refunded), c),
    preorder_lines: preorders.length,
    preorder_release_dates: releaseDays(order, options),
    group_final_tier: order.group?.final_tier ?? null,
    giveaway_entries: order.giveaway_entries,
  }
  return pick(row, columnsFor("order", options))
}

/** One row per order line. */
export function lineRows(order: ReportOrder, options: RowOptions = {}): Row[] {
  const c = order.currency_code
  const all = common(order, options)
  return order.lines.map((line) =>
    pick(
      {
        ...all,
        line_id: line.id,
        sku: line.sku,
        product: line.product,
        version: line.version,
        quantity: Number(decimal(line.quantity).toFixed()),
        unit_price: formatMoney(line.unit_price, c),
        subtotal: formatMoney(line.subtotal, c),
        discount_total: formatMoney(line.discount_total, c),
        ...splitColumns(lineSplit(line, c), c),
        promotion_codes: list(line.adjustments.map((a) => a.code)),
        tax_total: formatMoney(line.tax_total, c),
        total: formatMoney(line.total, c),
        preorder: !!line.preorder,
        preorder_status: line.preorder?.status ?? null,
        release_date: releaseDay(line.preorder, options),
        benefit_units: line.preorder ? line.preorder.benefit_units : null,
        benefit: line.preorder?.benefit ?? null,
      },
      columnsFor("line_item", options)
    )
  )
}

export function rowsOf(order: ReportOrder, granularity: Granularity, options: RowOptions = {}): Row[] {
  return granularity === "order" ? [orderRow(order, options)] : lineRows(order, options)
}

/**
 * The rows of `granularity` built in UTC (`rowsOf(order, granularity)`, as the
 * read model stores them) moved to another time zone: only the zone's cells
 * are recomputed, so `zonedRows(rowsOf(o, g), o, g, options)` equals
 * `rowsOf(o, g, options)` without redoing the money arithmetic.
 */
export function zonedRows(utcRows: Row[], order: ReportOrder, granularity: Granularity, options: RowOptions): Row[] {
  const columns = columnsFor(granularity, options)
  const local = createdAtLocal(order, options)
  if (granularity === "order") return utcRows.map((row) => pick({ ...row, ...local, preorder_release_dates: releaseDays(order, options) }, columns))
  const byLine = new Map(order.lines.map((l) => [l.id, l]))
  return utcRows.map((row) => pick({ ...row, ...local, release_date: releaseDay(byLine.get(String(row.line_id))?.preorder ?? null, options) }, columns))
}

function pick(row: Row, columns: string[]): Row {
  const out: Row = {}
  for (const c of columns) out[c] = row[c] ?? null
  return out
}

/**
 * Control totals: per currency (amounts in different currencies never add up),
 * the number of rows and the exact sum of every money and count column.
 */
export class ReportTotals {
  private readonly byCurrency = new Map<string, { rows: number; sums: Record<string, Decimal> }>()

  constructor(private readonly granularity: Granularity, private readonly options: RowOptions = {}) {}

  add(row: Row) {
    const currency = String(row.currency)
    let entry = this.byCurrency.get(currency)
    if (!entry) {
      entry = { rows: 0, sums: {} }
      for (const col of [...COLUMNS[this.granularity].money, ...COLUMNS[this.granularity].counts]) entry.sums[col] = decimal(0)
      this.byCurrency.set(currency, entry)
    }
    entry.rows++
    for (const col of [...COLUMNS[this.granularity].money, ...COLUMNS[this.granularity].counts]) {
      if (row[col] !== null && row[col] !== undefined) entry.sums[col] = entry.sums[col].plus(decimal(row[col] as string | number))
    }
  }

  /** One row per currency, in the file's columns: `order_id` says TOTAL, `display_id` holds the row count. */
  rows(): Row[] {
    const columns = columnsFor(this.granularity, this.options)
    const { money, counts } = COLUMNS[this.granularity]
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, entry]) => {
        const row: Row = {}
        for (const col of columns) row[col] = null
        row.order_id = "TOTAL"
        row.display_id = entry.rows
        row.currency = currency
        for (const col of money) row[col] = formatMoney(entry.sums[col], currency)
        for (const col of counts) row[col] = Number(entry.sums[col].toFixed())
        return row
      })
  }
}
