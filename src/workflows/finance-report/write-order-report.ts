import type { MedusaContainer } from "@medusajs/framework/types"
import type { Writable } from "node:stream"
import { csvRow } from "../../lib/finance-report/csv"
import type { Granularity, Row } from "../../lib/finance-report/report-rows"
import { ReportTotals, columnsFor, rowsOf } from "../../lib/finance-report/report-rows"
import type { ReadOptions, ReportQuery } from "./order-report-source"
import { readReportOrders } from "./order-report-source"

export type ReportFormat = { format: "csv" | "json"; granularity: Granularity; tz?: string | null; totals?: boolean }
export type ReportProgress = { orders: number; rows: number }
export type WrittenReport = ReportProgress & { next_cursor: string | null }

/** Writes to a stream, waiting when it asks us to (backpressure), so memory stays at one page. */
export function streamSink(stream: Writable) {
  return (chunk: string) =>
    new Promise<void>((resolve, reject) => {
      if (stream.destroyed) return reject(new Error("The report's destination closed"))
      if (stream.write(chunk)) return resolve()
      const done = (error?: Error) => {
        stream.off("drain", onDrain)
        stream.off("close", onClose)
        error ? reject(error) : resolve()
      }
      const onDrain = () => done()
      const onClose = () => done(new Error("The report's destination closed"))
      stream.once("drain", onDrain)
      stream.once("close", onClose)
    })
}

export const contentTypeOf = (format: ReportFormat["format"]) =>
  format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8"

/**
 * The order report as CSV (header row, one record per order or line, then the
 * control totals when asked) or JSON (`{ columns, rows, totals, next_cursor }`),
 * written page by page to `write`. Used by the streamed route and by the
 * background export alike, so both produce the same bytes.
 */
export async function writeOrderReport(
  container: MedusaContainer,
  q: ReportQuery,
  format: ReportFormat,
  write: (chunk: string) => Promise<void>,
  options: ReadOptions & { onPage?: (progress: ReportProgress) => Promise<void> | void } = {}
): Promise<WrittenReport> {
  const rowOptions = { tz: format.tz ?? null }
  const columns = columnsFor(format.granularity, rowOptions)
  const totals = format.totals ? new ReportTotals(format.granularity, rowOptions) : null
  const progress: ReportProgress = { orders: 0, rows: 0 }
  let lastOrderId: string | null = null
  const json = format.format === "json"

  // The header goes out with the first page, so a failure reading it is still an ordinary error response.
  let head: string | null = json ? `{"granularity":${JSON.stringify(format.granularity)},"columns":${JSON.stringify(columns)},"rows":[` : csvRow(columns)
  for await (const orders of readReportOrders(container, q, { ...options, stampedBenefits: format.granularity === "line_item" })) {
    let chunk = head ?? ""
    head = null
    for (const order of orders) {
      for (const row of rowsOf(order, format.granularity, rowOptions)) {
        totals?.add(row)
        chunk += json ? `${progress.rows ? "," : ""}\n${JSON.stringify(row)}` : csvRow(columns.map((c) => row[c]))
        progress.rows++
      }
      progress.orders++
      lastOrderId = order.id
    }
    await write(chunk)
    await options.onPage?.({ ...progress })
  }
  const totalRows: Row[] = totals?.rows() ?? []
  // With a limit, the next page starts after the last order written (keyset cursor).
  const next_cursor = q.limit !== undefined && progress.orders >= q.limit ? lastOrderId : null
  if (head) await write(head)
  if (json) {
    await write(`\n],"totals":${totals ? JSON.stringify(totalRows) : "null"},"next_cursor":${JSON.stringify(next_cursor)}}\n`)
  } else {
    for (const row of totalRows) await write(csvRow(columns.map((c) => row[c])))
  }
  return { ...progress, next_cursor }
}
