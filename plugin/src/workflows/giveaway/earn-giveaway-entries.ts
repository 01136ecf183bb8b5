import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { GIVEAWAY_ENTRIES_EARNED_EVENT } from "../../modules/giveaway/events"
import { earnGiveawayEntriesStep } from "./steps/earn-giveaway-entries"

/**
 * order.placed → entries in every live giveaway the order's lines are eligible
 * for. The order lock keeps earning and voiding of one order in sequence.
 */
export const earnGiveawayEntriesWorkflow = createWorkflow("earn-giveaway-entries", (input: { order_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `giveaway-order:${input.order_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const earned = earnGiveawayEntriesStep(input)
  when("entries-earned", { earned }, ({ earned }) => earned.some((e) => e.entries > 0)).then(() => {
    emitEventStep({
      eventName: GIVEAWAY_ENTRIES_EARNED_EVENT,
      data: transform({ earned, input }, ({ earned, input }) => ({
        order_id: input.order_id,
        customer_id: earned[0].customer_id,
        giveaways: Object.entries(
          earned.reduce<Record<string, number>>((sum, e) => ({ ...sum, [e.giveaway_id]: (sum[e.giveaway_id] ?? 0) + e.entries }), {})
        ).map(([giveaway_id, entries]) => ({ giveaway_id, entries })),
      })),
    })
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(earned)
})
