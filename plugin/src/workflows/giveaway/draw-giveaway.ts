import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GIVEAWAY_DRAWN_EVENT, GIVEAWAY_ENTRIES_CLOSED_EVENT } from "../../modules/giveaway/events"
import { closeGiveawayEntriesStep } from "./steps/close-giveaway-entries"
import { drawGiveawayStep, type DrawGiveawayInput } from "./steps/draw-giveaway"
import { fetchBeaconRoundStep } from "./steps/fetch-beacon-round"
import { nameGiveawayWinnersStep } from "./steps/name-giveaway-winners"

/**
 * The draw (admin, or the job once the window has closed): close and commit
 * the entry list, read the beacon round committed at go-live, draw with its
 * randomness, publish, name, then `giveaway.drawn` (winners are notified by
 * its subscriber). While the round is not published the result is `waiting`
 * and nothing but the entry close happens; the job tries again. Drawing again
 * returns the first result and emits nothing; two draws at once serialise on
 * the giveaway's row lock.
 */
export const drawGiveawayWorkflow = createWorkflow("draw-giveaway", (input: DrawGiveawayInput) => {
  const closed = closeGiveawayEntriesStep(input)
  when("entries-closed-now", { closed }, ({ closed }) => closed.closed_now).then(() => {
    emitEventStep({
      eventName: GIVEAWAY_ENTRIES_CLOSED_EVENT,
      data: transform({ closed }, ({ closed }) => ({ id: closed.giveaway_id, beacon_round: closed.beacon_round })),
    }).config({ name: "emit-giveaway-entries-closed" })
  })
  const beacon = fetchBeaconRoundStep(transform({ closed }, ({ closed }) => ({ round: closed.beacon_round, skip: closed.drawn })))
  const drawn = drawGiveawayStep(
    transform({ input, closed, beacon }, ({ input, closed, beacon }) => ({
      ...input,
      beacon,
      beacon_round: closed.beacon_round,
      beacon_round_at: closed.beacon_round_at,
      drawn: closed.drawn,
    }))
  )
  when("drawn", { drawn }, ({ drawn }) => !drawn.waiting).then(() => {
    nameGiveawayWinnersStep(transform({ drawn }, ({ drawn }) => ({ giveaway_id: drawn.giveaway_id })))
  })
  when("first-draw", { drawn }, ({ drawn }) => drawn.first_draw).then(() => {
    emitEventStep({
      eventName: GIVEAWAY_DRAWN_EVENT,
      data: transform({ drawn }, ({ drawn }) => ({ id: drawn.giveaway_id })),
    })
  })
  return new WorkflowResponse(drawn)
})
