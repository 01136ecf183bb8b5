import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { loadGiveaway } from "../../../../utils/giveaways"

/** GET /admin/giveaways/:id/winners: every pick in rank order (winners, alternates, disqualified), with contact details. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadGiveaway(giveaways, req.params.id)
  const winners = await giveaways.listGiveawayWinners({ giveaway_id: giveaway.id }, { order: { rank: "ASC" } })
  res.json({ giveaway_winners: winners, count: winners.length })
}
