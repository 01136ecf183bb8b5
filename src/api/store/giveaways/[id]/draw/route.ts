import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { loadPublicGiveaway } from "../route"

/**
 * GET /store/giveaways/:id/draw: the published draw, exactly what
 * `node scripts/verify-draw.mjs <file>` re-runs: algorithm, seed, seed_hash,
 * public_value, counts, the anonymised entry list, winners and alternates.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadPublicGiveaway(giveaways, req.params.id)
  if (!giveaway.published_draw) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The draw has not happened yet; the committed seed_hash is ${giveaway.seed_hash}`
    )
  }
  res.json(giveaway.published_draw)
}
