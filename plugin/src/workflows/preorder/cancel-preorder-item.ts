import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { preparePreorderRefundStep, PreorderCancellationInput } from "./steps/prepare-preorder-refund"
import { claimPreorderCancellationStep } from "./steps/claim-preorder-cancellation"
import { recordPreorderRefundStep } from "./steps/record-preorder-refund"
import { preorderRefundNote } from "../../modules/preorder/lib/refund-note"

/**
 * Cancels one pre-order item with a full refund of its line: the fan's right
 * after a delay (store API), or staff's decision (admin, e.g. unallocated
 * units at a short supply). Units go back to the cap and the benefit pool;
 * the refund goes through Medusa's refund workflow and so through the payment
 * provider (Stripe refunds the card). The cancellation and its refund are
 * claimed in PostgreSQL before the provider is called (the lock is per process
 * without Redis): two concurrent cancels refund once. A refund failure puts
 * everything back; a crash after the claim is finished by the maintenance job.
 */
export const cancelPreorderItemWorkflow = createWorkflow("cancel-preorder-item", (input: PreorderCancellationInput) => {
  const lockKey = transform({ input }, ({ input }) => `preorder-item:${input.item_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const refund = preparePreorderRefundStep(input)
  claimPreorderCancellationStep(
    transform({ input, refund }, ({ input, refund }) => ({
      item_id: input.item_id,
      reason: input.reason,
      payment_id: refund.payment_id,
      amount: refund.amount,
    }))
  )
  when("has-captured-payment", { refund }, ({ refund }) => !!refund.payment_id).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ refund, input }, ({ refund, input }) => ({
        payment_id: refund.payment_id!,
        amount: refund.amount,
        note: preorderRefundNote(refund.item_id, input.reason),
      })),
    })
  })
  recordPreorderRefundStep(transform({ refund }, ({ refund }) => ({ item_id: refund.item_id, payment_id: refund.payment_id })))
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(refund)
})
