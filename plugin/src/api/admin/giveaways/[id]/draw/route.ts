import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { drawGiveawayWorkflow } from "../../../../../workflows/giveaway/draw-giveaway"
import { staff } from "../../../../utils/giveaways"
import { adminGiveaway } from "../../../../serializers/giveaway"

/**
 * POST /admin/giveaways/:id/draw {}: once the entry window has closed, closes
 * and commits the entry list, then draws with the beacon round committed at
 * go-live. 200 with the draw; 202 with `waiting` (round and when it is
 * published) while that round does not exist yet: the job draws it then.
 * Drawing again returns the same result (`already_drawn: true`).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await drawGiveawayWorkflow(req.scope).run({
    input: { giveaway_id: req.params.id, actor: staff(req) },
  })
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const [giveaway] = await giveaways.listGiveaways({ id: req.params.id })
  const winners = await giveaways.listGiveawayWinners({ giveaway_id: giveaway.id }, { order: { rank: "ASC" } })
  const totals = await giveaways.entryTotals([giveaway.id])
  res.status(result.waiting ? 202 : 200).json({
    giveaway: adminGiveaway(giveaway, totals[giveaway.id]),
    already_drawn: !result.first_draw && !result.waiting,
    waiting: result.waiting,
    draw: giveaway.published_draw,
    winners,
  })
}
