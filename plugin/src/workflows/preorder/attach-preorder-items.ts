import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { attachPreorderItemsStep, AttachPreorderItemsInput } from "./steps/attach-preorder-items"

/** order.placed → the order's pre-order items become pending, tied to their order lines. */
export const attachPreorderItemsWorkflow = createWorkflow(
  "attach-preorder-items",
  (input: AttachPreorderItemsInput) => {
    acquireLockStep({ key: input.order_id, timeout: 30, ttl: 120 })
    const attached = attachPreorderItemsStep(input)
    releaseLockStep({ key: input.order_id })
    return new WorkflowResponse(attached)
  }
)
