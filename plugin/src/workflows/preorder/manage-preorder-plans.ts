import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { createPlanStep, CreatePreorderPlanInput } from "./steps/create-plan"
import { updatePlanStep, UpdatePreorderPlanInput } from "./steps/update-plan"
import { PREORDER_RELEASE_DATE_CHANGED_EVENT } from "../../modules/preorder/events"

/**
 * Creates a plan. An active plan lets its variant sell beyond on-hand stock
 * (Medusa's allow_backorder) for the pre-order window; release turns that off.
 */
export const createPreorderPlanWorkflow = createWorkflow("create-preorder-plan", (input: CreatePreorderPlanInput) => {
  const plan = createPlanStep(input)
  when("active-plan-sells-beyond-stock", { plan }, ({ plan }) => plan.status === "active").then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ selector: { id: plan.variant_id }, update: { allow_backorder: true } })),
    })
  })
  return new WorkflowResponse(plan)
})

/** Updates a plan; a release-date change notifies every customer with a pending item. */
export const updatePreorderPlanWorkflow = createWorkflow("update-preorder-plan", (input: UpdatePreorderPlanInput) => {
  const result = updatePlanStep(input)
  when("plan-activated", { result }, ({ result }) => result.plan.status === "active" && result.previous_status !== "active").then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ result }, ({ result }) => ({ selector: { id: result.plan.variant_id }, update: { allow_backorder: true } })),
    }).config({ name: "allow-backorder-on-activation" })
  })
  when("plan-deactivated", { result }, ({ result }) => result.plan.status !== "active" && result.previous_status === "active" && result.plan.status !== "released").then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ result }, ({ result }) => ({ selector: { id: result.plan.variant_id }, update: { allow_backorder: false } })),
    }).config({ name: "stop-backorder-on-deactivation" })
  })
  when("release-date-changed", { result }, ({ result }) => !!result.date_change).then(() => {
    emitEventStep({
      eventName: PREORDER_RELEASE_DATE_CHANGED_EVENT,
      data: transform({ result, input }, ({ result, input }) => ({
        plan_id: result.plan.id,
        old_release_date: result.date_change!.from,
        new_release_date: result.date_change!.to,
        delayed: result.date_change!.delayed,
        reason: input.reason ?? null,
      })),
    })
  })
  return new WorkflowResponse(result)
})
