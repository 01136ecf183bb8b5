import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { asArray } from "../../../../utils/validate"
import type { AdminListGiveawayAuditType } from "../../../../schemas/giveaway"
import { loadGiveaway } from "../../../../utils/giveaways"

/** GET /admin/giveaways/:id/audit: who did what when, newest first. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListGiveawayAuditType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadGiveaway(giveaways, req.params.id)
  const filters: Record<string, unknown> = { giveaway_id: giveaway.id }
  if (q.action) filters.action = asArray(q.action)
  const [rows, count] = await giveaways.listAndCountGiveawayAuditLogs(filters, {
    skip: q.offset,
    take: q.limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ giveaway_audit_logs: rows, count, limit: q.limit, offset: q.offset })
}
