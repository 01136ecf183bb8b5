import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import { createGiveawayWorkflow } from "../../../workflows/giveaway/manage-giveaways"
import { asArray } from "../../utils/validate"
import { adminGiveaway } from "../../serializers/giveaway"
import { staff } from "../../utils/giveaways"
import type { AdminCreateGiveawayType, AdminListGiveawaysType } from "../../schemas/giveaway"

/** GET /admin/giveaways: filter by status, search the title; paginated, with entry totals. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListGiveawaysType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = asArray(q.status)
  if (q.q) filters.title = { $ilike: `%${q.q.replace(/[%_\\]/g, "\\$&")}%` }
  const field = q.order.replace("-", "")
  const [rows, count] = await giveaways.listAndCountGiveaways(filters, {
    skip: q.offset,
    take: q.limit,
    order: { [field]: q.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
  })
  const totals = await giveaways.entryTotals(rows.map((g) => g.id))
  res.json({ giveaways: rows.map((g) => adminGiveaway(g, totals[g.id])), count, limit: q.limit, offset: q.offset })
}

/** POST /admin/giveaways: a draft, or live at once (the seed is committed and its hash published). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateGiveawayType>, res: MedusaResponse) {
  const { result } = await createGiveawayWorkflow(req.scope).run({
    input: { giveaway: req.validatedBody, actor: staff(req) },
  })
  res.status(201).json({ giveaway: adminGiveaway(result, undefined) })
}
