import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, refundPaymentWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { preparePreorderRefundStep, PreorderCancellationInput } from "./steps/prepare-preorder-refund"
import { recordPreorderRefundStep } from "./steps/record-preorder-refund"
import { returnPreorderUnitsStep } from "./steps/return-preorder-units"

/**
 * Cancels one pre-order item with a full refund of its line: the fan's right
 * after a delay (store API), or staff's decision (admin, e.g. unallocated
 * units at a short supply). Units go back to the cap and the benefit pool;
 * the refund goes through Medusa's refund workflow and so through the payment
 * provider (Stripe refunds the card). A refund failure puts everything back.
 */
export const cancelPreorderItemWorkflow = createWorkflow("cancel-preorder-item", (input: PreorderCancellationInput) => {
  const lockKey = transform({ input }, ({ input }) => `preorder-item:${input.item_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const refund = preparePreorderRefundStep(input)
  returnPreorderUnitsStep(
    transform({ input }, ({ input }) => ({ item_ids: [input.item_id], from_statuses: ["pending"], reason: input.reason }))
  )
  const refunded = when("has-captured-payment", { refund }, ({ refund }) => !!refund.payment_id).then(() => {
    return refundPaymentWorkflow.runAsStep({
      input: transform({ refund, input }, ({ refund, input }) => ({
        payment_id: refund.payment_id!,
        amount: refund.amount,
        note: `Pre-order ${refund.item_id} cancelled: ${input.reason}`,
      })),
    })
  })
  const refundId = transform({ refunded }, ({ refunded }) => {
    const refunds = ((refunded as any)?.refunds ?? []) as { id: string; created_at: string }[]
    return refunds.length ? refunds[refunds.length - 1].id : null
  })
  recordPreorderRefundStep(
    transform({ refund, refundId }, ({ refund, refundId }) => ({
      item_id: refund.item_id,
      order_id: refund.order_id,
      order_line_item_id: refund.order_line_item_id,
      refund_id: refundId,
      amount: refund.amount,
    }))
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(refund)
})
