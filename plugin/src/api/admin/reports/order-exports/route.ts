import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules, generateEntityId } from "@medusajs/framework/utils"
import { exportOrderReportWorkflow } from "../../../../workflows/finance-report/export-order-report"
import { adminOrderExport, findOrderExport, listOrderExports } from "../../../../lib/finance-report/order-exports"
import type { AdminCreateOrderExportType, AdminListOrderExportsType } from "../../../schemas/finance-report"

/**
 * POST /admin/reports/order-exports: starts a background export of the order
 * report (same query as GET /admin/reports/orders) and answers 202 at once with
 * its id; GET /admin/reports/order-exports/:id follows it.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateOrderExportType>, res: MedusaResponse) {
  const b = req.validatedBody
  const userId = req.auth_context?.actor_id ?? null
  const user = userId ? await req.scope.resolve(Modules.USER).retrieveUser(userId).catch(() => null) : null
  const id = generateEntityId(undefined, "oexp")
  const { format, granularity, tz, totals, from, to, ...filters } = b
  await exportOrderReportWorkflow(req.scope).run({
    input: {
      export_id: id,
      query: { from: from.toISOString(), to: to.toISOString(), ...filters },
      file: { format, granularity, tz: tz ?? null, totals },
      requested_by: { id: userId, email: user?.email ?? null },
    },
    context: { transactionId: id },
  })
  res.status(202).json({ order_export: adminOrderExport(await findOrderExport(req.scope, id)) })
}

/** GET /admin/reports/order-exports: the export history (who asked, status, rows, download link), newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListOrderExportsType>, res: MedusaResponse) {
  const { limit, offset } = req.validatedQuery
  const { order_exports, count } = await listOrderExports(req.scope, { limit, offset })
  res.json({ order_exports: order_exports.map(adminOrderExport), count, limit, offset })
}
