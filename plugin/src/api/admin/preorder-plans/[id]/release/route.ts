import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releasePreorderPlanWorkflow } from "../../../../../workflows/preorder/release-preorder-plan"

/** POST /admin/preorder-plans/:id/release: release now (idempotent: a second call moves nothing). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await releasePreorderPlanWorkflow(req.scope).run({ input: { plan_id: req.params.id } })
  res.json({ plan_id: result.plan_id, released_items: result.items.length, first_release: result.first_release })
}
