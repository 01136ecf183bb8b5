import type { MedusaContainer } from "@medusajs/framework/types"
import type { ReportOrder } from "./report-rows"
import { FINANCE_REPORT_MODULE } from "../../modules/finance-report"
import type FinanceReportModuleService from "../../modules/finance-report/service"
import type { FinanceRowFilter, FinanceRowPart } from "../../modules/finance-report/service"
import type { ReportQuery } from "./order-report-source"

/** Rows per read-model page (FINANCE_REPORT_PAGE_SIZE, default 1000). */
export const readModelPageSize = () => Number(process.env.FINANCE_REPORT_PAGE_SIZE) || 1000

export const rowFilterOf = (q: ReportQuery): FinanceRowFilter => ({
  from: new Date(q.from),
  to: new Date(q.to),
  sales_channel_id: q.sales_channel_id,
  region_id: q.region_id,
  status: q.status,
  payment_status: q.payment_status,
  after: q.after ?? null,
})

export type ReadModelRow = { order_id: string } & Record<FinanceRowPart, any>

/**
 * Reads a report's orders from the read model (the financeReport module's
 * rows, kept in sync by the refresh-finance-rows workflow), page by page in
 * order id order with a keyset cursor (`order_id > last`): orders placed while
 * a report runs are neither skipped nor repeated. Each row brings the `parts`
 * asked for: the order's facts and/or its prebuilt rows. The next page is read while the
 * caller writes this one; at most two pages are held.
 */
export async function* readReadModel(
  container: MedusaContainer,
  q: ReportQuery,
  parts: FinanceRowPart[],
  options: { pageSize?: number } = {}
): AsyncGenerator<ReadModelRow[]> {
  const rows: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
  const pageSize = options.pageSize ?? readModelPageSize()
  const filter = rowFilterOf(q)
  let remaining = q.limit ?? Infinity
  const read = (after: string | null) => rows.readPage({ ...filter, after }, parts, Math.min(pageSize, remaining))

  let next: ReturnType<typeof read> | null = read(filter.after ?? null)
  while (next) {
    const page = await next
    next = null
    if (!page.length) return
    remaining -= page.length
    if (remaining > 0 && page.length === pageSize) next = read(page[page.length - 1].order_id)
    yield page
  }
}

/** The report's orders as facts (for the summary, and for rows in a time zone), page by page. */
export async function* readReportRows(container: MedusaContainer, q: ReportQuery, options: { pageSize?: number } = {}): AsyncGenerator<ReportOrder[]> {
  for await (const page of readReadModel(container, q, ["facts"], options)) yield page.map((r) => r.facts as ReportOrder)
}
