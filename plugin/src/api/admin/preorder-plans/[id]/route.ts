import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../../../../modules/preorder"
import type PreorderModuleService from "../../../../modules/preorder/service"
import { deletePreorderPlanWorkflow } from "../../../../workflows/preorder/delete-preorder-plan"
import { updatePreorderPlanWorkflow } from "../../../../workflows/preorder/manage-preorder-plans"
import { adminPlan } from "../../../serializers/preorder"
import type { AdminUpdatePreorderPlanType } from "../../../schemas/preorder"

async function load(preorders: PreorderModuleService, id: string) {
  const [plan] = await preorders.listPreorderPlans({ id })
  if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${id} was not found`)
  return plan
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const plan = await load(preorders, req.params.id)
  const units = await preorders.unitsByStatus([plan.id])
  res.json({ preorder_plan: adminPlan(plan, units[plan.id]) })
}

/** POST /admin/preorder-plans/:id: update; a new release_date notifies every customer with a pending item. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdatePreorderPlanType>, res: MedusaResponse) {
  const { result } = await updatePreorderPlanWorkflow(req.scope).run({ input: { id: req.params.id, ...(req.validatedBody) } })
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const units = await preorders.unitsByStatus([req.params.id])
  res.json({ preorder_plan: adminPlan(result.plan, units[req.params.id]), release_date_change: result.date_change })
}

/** DELETE /admin/preorder-plans/:id: only a plan nobody has pre-ordered from (cancel it otherwise). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await deletePreorderPlanWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: result.id, object: "preorder_plan", deleted: true })
}
