import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

export type DrawGiveawayInput = { giveaway_id: string; public_value?: string | null; actor: Actor; now?: Date }

/** The draw itself (GiveawayModuleService.drawGiveaway); compensation undoes only a first draw. */
export const drawGiveawayStep = createStep(
  "draw-giveaway-winners",
  async (input: DrawGiveawayInput, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const result = await giveaways.drawGiveaway(input.giveaway_id, {
      public_value: input.public_value ?? null,
      actor: input.actor,
      now: input.now ? new Date(input.now) : undefined,
    })
    return new StepResponse(result, result.first_draw ? { giveaway_id: result.giveaway_id, audit_id: result.audit_id } : null)
  },
  async (undo, { container }) => {
    if (!undo) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.undoDraw(undo.giveaway_id, undo.audit_id)
  }
)
