import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { voidGiveawayEntriesStep, type VoidGiveawayEntriesInput } from "./steps/void-giveaway-entries"

/** order.canceled / order.return_received / payment.refunded → entries of the lost units are voided (until the draw). */
export const voidGiveawayEntriesWorkflow = createWorkflow("void-giveaway-entries", (input: VoidGiveawayEntriesInput) => {
  const lockKey = transform({ input }, ({ input }) => `giveaway-order:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const result = voidGiveawayEntriesStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(result)
})
