import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

export type ClaimPrizeInput = { giveaway_id: string; winner_id: string; note?: string | null; actor: Actor }

/** Marks a winner's prize claimed; compensation puts the row back. */
export const claimGiveawayPrizeStep = createStep(
  "claim-giveaway-prize",
  async (input: ClaimPrizeInput, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const result = await giveaways.claimPrize(input)
    return new StepResponse({ winner_id: result.winner_id }, { previous: result.previous, audit_ids: result.audit_ids })
  },
  async (undo, { container }) => {
    if (!undo) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.restoreWinners(undo.previous, undo.audit_ids)
  }
)
