import { StepResponse, WorkflowResponse, createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"

export type AllocatePreorderPlanInput = { plan_id: string; received_quantity: number }

const allocatePlanStep = createStep(
  "allocate-preorder-plan",
  async (input: AllocatePreorderPlanInput, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const { previous, ...result } = await preorders.allocate(input.plan_id, input.received_quantity)
    return new StepResponse(result, { plan_id: input.plan_id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.restoreAllocation(undo.plan_id, undo.previous)
  }
)

/**
 * Short supply: allocates the received units to pending items first come,
 * first served, atomically with the plan's received quantity (see
 * PreorderModuleService.allocate). Re-running with a new quantity re-allocates from scratch.
 */
export const allocatePreorderPlanWorkflow = createWorkflow("allocate-preorder-plan", (input: AllocatePreorderPlanInput) => {
  return new WorkflowResponse(allocatePlanStep(input))
})
