import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { drawGiveawayWorkflow } from "../../../../../workflows/giveaway/draw-giveaway"
import { staff } from "../../route"
import { adminGiveaway } from "../../serialize"
import type { AdminDrawGiveawayType } from "../../validators"

/**
 * POST /admin/giveaways/:id/draw { public_value? }: draws once the entry window
 * has closed. Drawing again returns the same result (`already_drawn: true`);
 * a public_value sent then is ignored.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminDrawGiveawayType>, res: MedusaResponse) {
  const { result } = await drawGiveawayWorkflow(req.scope).run({
    input: { giveaway_id: req.params.id, public_value: req.validatedBody.public_value ?? null, actor: staff(req) },
  })
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const [giveaway] = await giveaways.listGiveaways({ id: req.params.id })
  const winners = await giveaways.listGiveawayWinners({ giveaway_id: giveaway.id }, { order: { rank: "ASC" } })
  const totals = await giveaways.entryTotals([giveaway.id])
  res.json({
    giveaway: adminGiveaway(giveaway, totals[giveaway.id]),
    already_drawn: !result.first_draw,
    draw: giveaway.published_draw,
    winners,
  })
}
