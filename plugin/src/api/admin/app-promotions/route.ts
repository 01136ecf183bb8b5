import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { appChannels } from "../../../queries/app-channel"
import type { AdminListAppPromotionsType } from "../../schemas/app-channel"

/** GET /admin/app-promotions: app-exclusive promotions with their limits and uses (placed orders), paged and filtered in the database. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListAppPromotionsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const service = appChannels(req.scope)
  const [list, count] = await service.listAndCountAppPromotions(
    q.sales_channel_id ? { sales_channel_ids: { $contains: [q.sales_channel_id] } } : {},
    { skip: q.offset, take: q.limit, order: { created_at: "ASC" } }
  )
  const uses = await service.countRedemptions(list.map((p) => p.promotion_id))
  res.json({
    app_promotions: list.map((p) => ({ ...p, orders: uses[p.promotion_id]?.placed ?? 0, uses: uses[p.promotion_id] })),
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
