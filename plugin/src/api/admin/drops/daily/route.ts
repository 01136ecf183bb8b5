import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../modules/preorder"
import type PreorderModuleService from "../../../../modules/preorder/service"
import type { AdminDropDailyType } from "../../../schemas/drops"

/**
 * GET /admin/drops/daily?product_id=&tz=: pre-ordered units and orders per day
 * (in `tz`) for every version of an album, with the running total. Aggregated
 * in the database: the page never loads the items.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminDropDailyType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const plans = await preorders.listPreorderPlans({ product_id: q.product_id }, { select: ["id", "variant_id"] })
  const days = await preorders.dailyUnits(
    plans.map((p) => p.id),
    { timeZone: q.tz, from: q.from, to: q.to }
  )
  res.json({ product_id: q.product_id, tz: q.tz, plan_ids: plans.map((p) => p.id), days })
}
