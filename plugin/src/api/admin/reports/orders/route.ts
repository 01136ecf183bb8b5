import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { contentTypeOf, streamSink, writeOrderReport } from "../../../../lib/finance-report/write-order-report"
import type { AdminOrderReportType } from "../../../schemas/finance-report"

/**
 * GET /admin/reports/orders: the order report, streamed page by page (memory
 * stays at one page however many orders match). If reading fails after the
 * first bytes are sent, the connection is cut rather than ending a file that
 * looks complete; `totals=true` ends a complete file with its control totals.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminOrderReportType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const stamp = (d: Date) => d.toISOString().slice(0, 10)
  res.status(200)
  res.setHeader("content-type", contentTypeOf(q.format))
  res.setHeader("cache-control", "no-store")
  res.setHeader(
    "content-disposition",
    `attachment; filename="orders-${q.granularity}-${stamp(q.from)}-${stamp(q.to)}.${q.format}"`
  )
  try {
    await writeOrderReport(req.scope, q, q, streamSink(res))
    res.end()
  } catch (error) {
    if (!res.headersSent) throw error
    res.destroy(error as Error)
  }
}
