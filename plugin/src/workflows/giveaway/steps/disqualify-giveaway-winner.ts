import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

export type DisqualifyWinnerInput = { giveaway_id: string; winner_id: string; reason: string; actor: Actor }

/** Disqualifies a winner and promotes the next alternate; compensation puts both rows back. */
export const disqualifyGiveawayWinnerStep = createStep(
  "disqualify-giveaway-winner",
  async (input: DisqualifyWinnerInput, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const result = await giveaways.disqualifyWinner(input)
    return new StepResponse(
      { disqualified: result.disqualified, promoted: result.promoted },
      { previous: result.previous, audit_ids: result.audit_ids }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.restoreWinners(undo.previous, undo.audit_ids)
  }
)
