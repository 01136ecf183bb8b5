import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminOrderExport, findOrderExport } from "../../../../../lib/finance-report/order-exports"

/** GET /admin/reports/order-exports/:id: status, progress and, once completed, the download link. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ order_export: adminOrderExport(await findOrderExport(req.scope, req.params.id)) })
}
