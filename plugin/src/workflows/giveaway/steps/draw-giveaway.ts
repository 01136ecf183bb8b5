import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type { FetchedBeaconRound } from "./fetch-beacon-round"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

export type DrawGiveawayInput = { giveaway_id: string; actor: Actor; now?: Date }

export type DrawGiveawayResult = {
  giveaway_id: string
  first_draw: boolean
  audit_id: string | null
  /** Set while the committed beacon round is not published yet: nothing was drawn. */
  waiting: { beacon_round: number; available_at: string; beacon_error: string | null } | null
}

/** The draw itself (GiveawayModuleService.drawGiveaway) once the round's value is in; compensation undoes only a first draw. */
export const drawGiveawayStep = createStep(
  "draw-giveaway-winners",
  async (
    input: DrawGiveawayInput & { beacon: FetchedBeaconRound; beacon_round: number | null; beacon_round_at: Date | null; drawn: boolean },
    { container }
  ) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    if (!input.drawn && !input.beacon.value && input.beacon_round !== null) {
      const waiting = {
        beacon_round: input.beacon_round,
        available_at: new Date(input.beacon_round_at!).toISOString(),
        beacon_error: input.beacon.error,
      }
      return new StepResponse({ giveaway_id: input.giveaway_id, first_draw: false, audit_id: null, waiting } as DrawGiveawayResult, null)
    }
    const result = await giveaways.drawGiveaway(input.giveaway_id, {
      beacon: input.beacon.value!,
      actor: input.actor,
      now: input.now ? new Date(input.now) : undefined,
    })
    return new StepResponse(
      { ...result, waiting: null } as DrawGiveawayResult,
      result.first_draw ? { giveaway_id: result.giveaway_id, audit_id: result.audit_id } : null
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.undoDraw(undo.giveaway_id, undo.audit_id)
  }
)
