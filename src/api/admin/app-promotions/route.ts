import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { appChannels } from "../../../workflows/app-channel/app-context"
import type { AdminListAppPromotionsType } from "../app-channels/validators"

/** GET /admin/app-promotions: app-exclusive promotions with their limits and uses (placed orders). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = (req as any).validatedQuery as AdminListAppPromotionsType
  const service = appChannels(req.scope)
  let [list, count] = await service.listAndCountAppPromotions({}, { skip: q.offset, take: q.limit, order: { created_at: "ASC" } })
  if (q.sales_channel_id) list = list.filter((p) => (p.sales_channel_ids as unknown as string[]).includes(q.sales_channel_id!))
  const uses = list.length ? await service.listAppRedemptions({ promotion_id: list.map((p) => p.promotion_id), status: ["placed"] }, { select: ["promotion_id"] }) : []
  res.json({
    app_promotions: list.map((p) => ({ ...p, orders: uses.filter((u) => u.promotion_id === p.promotion_id).length })),
    count: q.sales_channel_id ? list.length : count,
    limit: q.limit,
    offset: q.offset,
  })
}
