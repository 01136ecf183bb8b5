import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { pipeline } from "node:stream/promises"
import { findOrderExport } from "../../../../../../lib/finance-report/order-exports"
import { contentTypeOf } from "../../../../../../lib/finance-report/write-order-report"

/**
 * GET /admin/reports/order-exports/:id/download: the stored file, streamed from
 * the File module to an authenticated admin (whatever the provider, and without
 * a public link to a file full of customer data).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const found = await findOrderExport(req.scope, req.params.id)
  if (found.status !== "completed" || !found.file_key || !found.file) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order export ${found.id} is ${found.status}; its file is not ready`)
  }
  const stream = await req.scope.resolve(Modules.FILE).getDownloadStream(found.file_key)
  res.status(200)
  res.setHeader("content-type", contentTypeOf(found.format as "csv" | "json"))
  res.setHeader("content-disposition", `attachment; filename="${found.file.filename}"`)
  res.setHeader("cache-control", "no-store")
  await pipeline(stream, res)
}
