import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../../../modules/giveaway/service"
import { claimGiveawayPrizeWorkflow } from "../../../../../../../workflows/giveaway/claim-giveaway-prize"
import { staff } from "../../../../../../utils/giveaways"
import type { AdminClaimGiveawayPrizeType } from "../../../../../../schemas/giveaway"

/** POST /admin/giveaways/:id/winners/:winner_id/claim { note? }: the winner has claimed the prize. */
export async function POST(req: AuthenticatedMedusaRequest<AdminClaimGiveawayPrizeType>, res: MedusaResponse) {
  const { result } = await claimGiveawayPrizeWorkflow(req.scope).run({
    input: { giveaway_id: req.params.id, winner_id: req.params.winner_id, note: req.validatedBody.note ?? null, actor: staff(req) },
  })
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const [winner] = await giveaways.listGiveawayWinners({ id: result.winner_id })
  res.json({ giveaway_winner: winner })
}
