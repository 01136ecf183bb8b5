import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { notifyGiveawayWinnersStep } from "./steps/notify-giveaway-winners"

/** giveaway.drawn / giveaway.winner_disqualified → winners not yet told are told, once each. */
export const notifyGiveawayWinnersWorkflow = createWorkflow("notify-giveaway-winners", (input: { giveaway_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `giveaway-notify:${input.giveaway_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const notified = notifyGiveawayWinnersStep(input)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(notified)
})
