import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimGiveawayPrizeStep, type ClaimPrizeInput } from "./steps/claim-giveaway-prize"

/** Staff mark a winner's prize claimed (audited; a claim after the deadline is flagged, not refused). */
export const claimGiveawayPrizeWorkflow = createWorkflow("claim-giveaway-prize", (input: ClaimPrizeInput) => {
  return new WorkflowResponse(claimGiveawayPrizeStep(input))
})
