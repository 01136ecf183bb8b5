import type { MedusaContainer } from "@medusajs/framework/types"
import type { Writable } from "node:stream"
import { csvRow } from "./csv"
import type { Granularity, Row } from "./report-rows"
import { ReportTotals, columnsFor, zonedRows } from "./report-rows"
import type { ReportQuery } from "./order-report-source"
import { readReadModel } from "./read-model-source"

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

/** The row's cells in the file's column order (stored rows come back from jsonb with their keys sorted). */
function inOrder(row: Row, columns: string[]): Row {
  const out: Row = {}
  for (const c of columns) out[c] = row[c] ?? null
  return out
}

export const contentTypeOf = (format: ReportFormat["format"]) =>
  format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8"

/**
 * The order report as CSV (header row, one record per order or line, then the
 * control totals when asked) or JSON (`{ columns, rows, totals, next_cursor }`),
 * read from the report's read model and written page by page to `write`.
 * Used by the streamed route and by the background export alike, so both
 * produce the same bytes.
 */
export async function writeOrderReport(
  container: MedusaContainer,
  q: ReportQuery,
  format: ReportFormat,
  write: (chunk: string) => Promise<void>,
  options: { pageSize?: number; onPage?: (progress: ReportProgress) => Promise<void> | void } = {}
): Promise<WrittenReport> {
  const rowOptions = { tz: format.tz ?? null }
  const columns = columnsFor(format.granularity, rowOptions)
  const totals = format.totals ? new ReportTotals(format.granularity, rowOptions) : null
  const progress: ReportProgress = { orders: 0, rows: 0 }
  let lastOrderId: string | null = null
  const json = format.format === "json"

  // The header goes out with the first page, so a failure reading it is still an ordinary error response.
  let head: string | null = json ? `{"granularity":${JSON.stringify(format.granularity)},"columns":${JSON.stringify(columns)},"rows":[` : csvRow(columns)
  // The rows were built in UTC when the order's read-model row was refreshed; in a time zone only the zone's
  // cells (created_at_local, local release dates) are recomputed, from the stored facts.
  const zoned = !!rowOptions.tz
  const part = format.granularity === "order" ? "order_row" : "line_rows"
  for await (const page of readReadModel(container, q, zoned ? [part, "facts"] : [part], options)) {
    let chunk = head ?? ""
    head = null
    for (const item of page) {
      const stored: Row[] = format.granularity === "order" ? [item.order_row] : item.line_rows
      const rows = zoned ? zonedRows(stored, item.facts, format.granularity, rowOptions) : stored
      for (const row of rows) {
        totals?.add(row)
        chunk += json ? `${progress.rows ? "," : ""}\n${JSON.stringify(inOrder(row, columns))}` : csvRow(columns.map((c) => row[c]))
        progress.rows++
      }
      progress.orders++
      lastOrderId = item.order_id
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
