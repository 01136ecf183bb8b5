import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type { BeaconRound } from "../../../modules/giveaway/lib/beacon"
import type GiveawayModuleService from "../../../modules/giveaway/service"

/** Reads the committed beacon round from the beacon provider; `null` while it is not published yet. */
export const fetchBeaconRoundStep = createStep(
  "fetch-giveaway-beacon-round",
  async (input: { round: number | null; skip: boolean }, { container }) => {
    if (input.skip || input.round === null) return new StepResponse(null as BeaconRound | null)
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    return new StepResponse(await giveaways.fetchBeaconRound(input.round))
  }
)
