import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { finishClaimedRefundStep } from "./steps/finish-claimed-refund"

/** Finishes the refund of a pre-order cancellation whose run died after claiming it (see the maintenance job). */
export const finishClaimedPreorderRefundWorkflow = createWorkflow("finish-claimed-preorder-refund", (input: { item_id: string }) => {
  return new WorkflowResponse(finishClaimedRefundStep(input))
})
