import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { verifierSource } from "../../../../../modules/giveaway/verifier"
import { loadPublicGiveaway } from "../../../../utils/giveaways"

/**
 * GET /store/giveaways/:id/verifier.js: the standalone verifier (one plain
 * JavaScript file, Node only, no dependencies), the same file
 * `npm run verify-draw` runs. Served per giveaway so a fan finds it next to
 * the draw; the file is the same for every giveaway.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  await loadPublicGiveaway(giveaways, req.params.id)
  const { source, sha256 } = verifierSource()
  res.setHeader("content-type", "text/javascript; charset=utf-8")
  res.setHeader("content-disposition", 'attachment; filename="verify-draw.js"')
  res.setHeader("x-content-sha256", sha256)
  res.send(source)
}
