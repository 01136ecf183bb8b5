import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import { storeGiveaway } from "../../serializers/giveaway"
import { asArray } from "../../utils/validate"
import type { StoreListGiveawaysType } from "../../schemas/giveaway"

/** Drawn giveaways stay listed this long after their draw. */
const RECENT_DRAW_MS = 30 * 86_400_000

/**
 * GET /store/giveaways?product_id=…: live giveaways and those drawn or closed
 * in the last 30 days, with their rules and commitments (never the seed).
 */
export async function GET(req: MedusaRequest<unknown, StoreListGiveawaysType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const now = new Date()
  const visible = await giveaways.listGiveaways(
    {
      $or: [
        { status: "live" },
        { status: { $in: ["drawn", "closed"] }, drawn_at: { $gte: new Date(now.getTime() - RECENT_DRAW_MS) } },
        // Closed without a draw after going live: listed as long, so it cannot quietly vanish.
        { status: "closed", drawn_at: null, went_live_at: { $ne: null }, closed_at: { $gte: new Date(now.getTime() - RECENT_DRAW_MS) } },
      ],
    },
    { order: { ends_at: "ASC", id: "ASC" }, take: 500 }
  )
  const products = asArray(q.product_id)
  // Few giveaways run at once: the product filter reads the JSON list here rather than in SQL.
  const matching = products ? visible.filter((g) => ((g.product_ids as string[] | null) ?? []).some((id) => products.includes(id))) : visible
  res.json({
    giveaways: matching.slice(q.offset, q.offset + q.limit).map((g) => storeGiveaway(g, now)),
    count: matching.length,
    limit: q.limit,
    offset: q.offset,
  })
}
