import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../../../modules/giveaway/service"
import { disqualifyGiveawayWinnerWorkflow } from "../../../../../../../workflows/giveaway/disqualify-giveaway-winner"
import { staff } from "../../../../../../utils/giveaways"
import type { AdminDisqualifyGiveawayWinnerType } from "../../../../../../schemas/giveaway"

/** POST /admin/giveaways/:id/winners/:winner_id/disqualify { reason }: the next alternate is promoted and notified. */
export async function POST(req: AuthenticatedMedusaRequest<AdminDisqualifyGiveawayWinnerType>, res: MedusaResponse) {
  const { result } = await disqualifyGiveawayWinnerWorkflow(req.scope).run({
    input: { giveaway_id: req.params.id, winner_id: req.params.winner_id, reason: req.validatedBody.reason, actor: staff(req) },
  })
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const rows = await giveaways.listGiveawayWinners({ id: [result.disqualified, result.promoted].filter(Boolean) as string[] })
  res.json({
    disqualified: rows.find((w) => w.id === result.disqualified),
    promoted: rows.find((w) => w.id === result.promoted) ?? null,
  })
}
