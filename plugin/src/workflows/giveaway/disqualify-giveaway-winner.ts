import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GIVEAWAY_WINNER_DISQUALIFIED_EVENT } from "../../modules/giveaway/events"
import { disqualifyGiveawayWinnerStep, type DisqualifyWinnerInput } from "./steps/disqualify-giveaway-winner"

/** Staff disqualify a winner (reason required): the next alternate is promoted, audited, and notified by the subscriber. */
export const disqualifyGiveawayWinnerWorkflow = createWorkflow("disqualify-giveaway-winner", (input: DisqualifyWinnerInput) => {
  const result = disqualifyGiveawayWinnerStep(input)
  emitEventStep({
    eventName: GIVEAWAY_WINNER_DISQUALIFIED_EVENT,
    data: transform({ result, input }, ({ result, input }) => ({
      giveaway_id: input.giveaway_id,
      winner_id: result.disqualified,
      promoted_winner_id: result.promoted,
    })),
  })
  return new WorkflowResponse(result)
})
