import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ReportSummary } from "../../../../lib/finance-report/summary"
import { readReportRows } from "../../../../lib/finance-report/read-model-source"
import type { AdminReportSummaryType } from "../../../schemas/finance-report"

/**
 * GET /admin/reports/summary: per local day and sales channel, orders, gross,
 * discounts by kind, refunds and net; and the pre-order liability (money taken
 * for pre-order lines not yet released) by release date, as of now, for the
 * orders placed in the range. Same facts and arithmetic as the order export.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminReportSummaryType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const summary = new ReportSummary(q.tz ?? "UTC")
  for await (const orders of readReportRows(req.scope, q)) for (const order of orders) summary.add(order)
  res.json({
    summary: {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      tz: q.tz ?? "UTC",
      as_of: new Date().toISOString(),
      ...summary.result(),
    },
  })
}
