import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markAppExclusiveWorkflow, unmarkAppExclusiveWorkflow } from "../../../../../workflows/app-channel/mark-app-exclusive"
import type { AdminMarkAppExclusiveType } from "../../../app-channels/validators"

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
