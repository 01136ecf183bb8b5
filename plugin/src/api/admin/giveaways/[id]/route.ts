import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../modules/giveaway/service"
import { updateGiveawayWorkflow } from "../../../../workflows/giveaway/manage-giveaways"
import { loadGiveaway, staff } from "../../../utils/giveaways"
import { adminGiveaway } from "../../../serializers/giveaway"
import type { AdminUpdateGiveawayType } from "../../../schemas/giveaway"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadGiveaway(giveaways, req.params.id)
  const totals = await giveaways.entryTotals([giveaway.id])
  res.json({ giveaway: adminGiveaway(giveaway, totals[giveaway.id]) })
}

/** POST /admin/giveaways/:id: update under the lifecycle rules; status "live" commits the seed. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateGiveawayType>, res: MedusaResponse) {
  const { result } = await updateGiveawayWorkflow(req.scope).run({
    input: { giveaway: { id: req.params.id, ...(req.validatedBody) }, actor: staff(req) },
  })
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const totals = await giveaways.entryTotals([req.params.id])
  res.json({ giveaway: adminGiveaway(result.giveaway, totals[req.params.id]), changes: Object.keys(result.changes) })
}
