import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type { BeaconRound } from "../../../modules/giveaway/lib/beacon"
import type GiveawayModuleService from "../../../modules/giveaway/service"

export type FetchedBeaconRound = { value: BeaconRound | null; error: string | null }

/**
 * Reads the committed beacon round from the beacon provider: `value` null while
 * it is not published yet. An unreachable or invalid beacon is not a failure of
 * the draw: it waits (with `error` saying why) and the job tries again.
 */
export const fetchBeaconRoundStep = createStep(
  "fetch-giveaway-beacon-round",
  async (input: { round: number | null; skip: boolean }, { container }) => {
    if (input.skip || input.round === null) return new StepResponse({ value: null, error: null } as FetchedBeaconRound)
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    try {
      return new StepResponse({ value: await giveaways.fetchBeaconRound(input.round), error: null } as FetchedBeaconRound)
    } catch (error) {
      const message = (error as Error).message
      container.resolve(ContainerRegistrationKeys.LOGGER).warn(`giveaways: beacon round ${input.round}: ${message}`)
      return new StepResponse({ value: null, error: message } as FetchedBeaconRound)
    }
  }
)
