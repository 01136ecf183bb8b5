import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GIVEAWAY_DRAWN_EVENT } from "../../modules/giveaway/types"
import { drawGiveawayStep, type DrawGiveawayInput } from "./steps/draw-giveaway"
import { nameGiveawayWinnersStep } from "./steps/name-giveaway-winners"

/**
 * The draw (admin, or the job once the window has closed): commit-reveal,
 * published, named, then `giveaway.drawn` (winners are notified by its
 * subscriber). Drawing again returns the first result and emits nothing;
 * two draws at once serialise on the giveaway's row lock.
 */
export const drawGiveawayWorkflow = createWorkflow("draw-giveaway", (input: DrawGiveawayInput) => {
  const drawn = drawGiveawayStep(input)
  nameGiveawayWinnersStep(transform({ drawn }, ({ drawn }) => ({ giveaway_id: drawn.giveaway_id })))
  when("first-draw", { drawn }, ({ drawn }) => drawn.first_draw).then(() => {
    emitEventStep({
      eventName: GIVEAWAY_DRAWN_EVENT,
      data: transform({ drawn }, ({ drawn }) => ({ id: drawn.giveaway_id })),
    })
  })
  return new WorkflowResponse(drawn)
})
