import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { loadPublicGiveaway } from "../../../../utils/giveaways"

/**
 * GET /store/giveaways/:id/draw: the published draw, exactly what the
 * standalone verifier (GET /store/giveaways/:id/verifier.js) checks: algorithm,
 * seed, seed_hash, the beacon round and its randomness (= public_value), the
 * entry list with its hash, counts, winners and alternates.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadPublicGiveaway(giveaways, req.params.id)
  if (!giveaway.published_draw) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The draw has not happened yet; the committed seed_hash is ${giveaway.seed_hash}` +
        (giveaway.beacon_round ? ` and the committed beacon round is ${giveaway.beacon_round}` : "")
    )
  }
  res.json(giveaway.published_draw)
}
