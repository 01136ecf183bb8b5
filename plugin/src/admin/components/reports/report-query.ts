import { nextDay, zonedMidnight } from "./zoned-range"

/** What staff pick on the Reports page; turned into the report API's parameters by `reportParams`. */
export type ReportFilters = {
  from_day: string
  to_day: string
  tz: string
  sales_channel_id: string
  region_id: string
  status: string
  granularity: "order" | "line_item"
}

export const ALL = "all"

/** The API's query for these filters: `from`/`to` are local midnights in the chosen zone, `to` exclusive. */
export function reportParams(f: ReportFilters): Record<string, string> {
  const params: Record<string, string> = {
    from: zonedMidnight(f.from_day, f.tz),
    to: zonedMidnight(nextDay(f.to_day), f.tz),
    tz: f.tz,
  }
  if (f.sales_channel_id !== ALL) params.sales_channel_id = f.sales_channel_id
  if (f.region_id !== ALL) params.region_id = f.region_id
  if (f.status !== ALL) params.status = f.status
  return params
}

export const toSearch = (params: Record<string, string>) => new URLSearchParams(params).toString()

/** Money strings from the API are exact decimals; charts only need them as numbers. */
export const amount = (value: string | null | undefined) => (value ? Number(value) : 0)

export function formatMoney(value: string | number, currency: string) {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(Number(value))
  } catch {
    return `${value} ${currency}`
  }
}

export type SummaryDay = {
  date: string
  sales_channel: string | null
  currency: string
  orders: number
  gross: string
  discounts: { promotion_code: string; group_order: string; app_exclusive: string; total: string }
  tax: string
  total: string
  paid: string
  refunds: string
  net: string
}

export type Summary = {
  from: string
  to: string
  tz: string
  as_of: string
  days: SummaryDay[]
  totals: Omit<SummaryDay, "date" | "sales_channel">[]
  preorder_liability: {
    by_release_date: { release_date: string; currency: string; lines: number; units: number; amount: string }[]
    totals: { currency: string; lines: number; units: number; amount: string }[]
  }
}

export type OrderExport = {
  id: string
  status: "running" | "completed" | "failed"
  format: string
  granularity: string
  query: { from: string; to: string }
  requested_by: string | null
  created_at: string | null
  updated_at: string | null
  progress: { orders_done: number; rows_done: number; orders_estimated: number | null; percent: number | null }
  file: { filename: string; orders: number; rows: number; size_bytes: number; download_url: string } | null
  error: string | null
}
