import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enterGiveawayFreeStep, type FreeEntryRequest } from "./steps/enter-giveaway-free"

/** POST /store/giveaways/:id/free-entries: one free entry, or the reason there is none. */
export const enterGiveawayFreeWorkflow = createWorkflow("enter-giveaway-free", (input: FreeEntryRequest) => {
  return new WorkflowResponse(enterGiveawayFreeStep(input))
})
