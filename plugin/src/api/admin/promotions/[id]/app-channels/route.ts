import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { appChannels } from "../../../../../queries/app-channel"
import { markAppExclusiveWorkflow, unmarkAppExclusiveWorkflow } from "../../../../../workflows/app-channel/mark-app-exclusive"
import type { AdminMarkAppExclusiveType } from "../../../../schemas/app-channel"

/**
 * GET /admin/promotions/:id/app-channels: whether the promotion is app-exclusive
 * (`app_promotion: null` when not), with its uses by status counted in the database.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await req.scope.resolve(Modules.PROMOTION).retrievePromotion(req.params.id, { select: ["id"] })
  const service = appChannels(req.scope)
  const [appPromotion] = await service.listAppPromotions({ promotion_id: req.params.id })
  const uses = await service.countRedemptions([req.params.id])
  res.json({ app_promotion: appPromotion ?? null, uses: uses[req.params.id] ?? { placed: 0, reserved: 0, cancelled: 0 } })
}

/** POST /admin/promotions/:id/app-channels: make a promotion app-exclusive (or change its channels and limits). */
export async function POST(req: AuthenticatedMedusaRequest<AdminMarkAppExclusiveType>, res: MedusaResponse) {
  const { result } = await markAppExclusiveWorkflow(req.scope).run({ input: { promotion_id: req.params.id, ...req.validatedBody } })
  res.json({ app_promotion: result })
}

/** DELETE /admin/promotions/:id/app-channels: an ordinary promotion again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await unmarkAppExclusiveWorkflow(req.scope).run({ input: { promotion_id: req.params.id } })
  res.json({ id: req.params.id, object: "app_promotion", deleted: true })
}
