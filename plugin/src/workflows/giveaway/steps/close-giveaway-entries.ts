import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

/**
 * Freezes and commits the entry list once the window has closed (idempotent).
 * No compensation: once the entry-list hash is published, closing is a public
 * fact that a later failure of the draw must not undo.
 */
export const closeGiveawayEntriesStep = createStep(
  "close-giveaway-entries",
  async (input: { giveaway_id: string; actor: Actor; now?: Date }, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const closed = await giveaways.closeEntries(input.giveaway_id, { actor: input.actor, now: input.now ? new Date(input.now) : undefined })
    return new StepResponse(closed)
  }
)
