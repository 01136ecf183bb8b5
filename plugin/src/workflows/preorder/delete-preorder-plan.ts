import { StepResponse, WorkflowResponse, createStep, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"

const deleteUnusedPlanStep = createStep(
  "delete-unused-preorder-plan",
  async (input: { id: string }, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const deleted = await preorders.deleteUnusedPlan(input.id)
    return new StepResponse(deleted, deleted.id)
  },
  async (id, { container }) => {
    if (!id) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.restoreDeletedPlan(id)
  }
)

/**
 * Deletes a plan nobody has pre-ordered from (cancel it otherwise): the check
 * and the delete are one transaction against concurrent checkouts; an active
 * plan's variant stops selling beyond its stock.
 */
export const deletePreorderPlanWorkflow = createWorkflow("delete-preorder-plan", (input: { id: string }) => {
  const deleted = deleteUnusedPlanStep(input)
  when("deleted-plan-was-active", { deleted }, ({ deleted }) => deleted.status === "active").then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ deleted }, ({ deleted }) => ({ selector: { id: deleted.variant_id }, update: { allow_backorder: false } })),
    })
  })
  return new WorkflowResponse(deleted)
})
