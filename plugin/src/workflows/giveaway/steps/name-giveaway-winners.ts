import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import { publicName, publicRegion } from "../../../modules/giveaway/lib/public-name"
import type GiveawayModuleService from "../../../modules/giveaway/service"

/**
 * Gives each pick its public name: first name and last initial from the
 * customer, and the state/region of their entries (or of their first address).
 * Only picks without a name are touched, so re-running changes nothing.
 */
export const nameGiveawayWinnersStep = createStep(
  "name-giveaway-winners",
  async (input: { giveaway_id: string }, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const picks = await giveaways.listGiveawayWinners({ giveaway_id: input.giveaway_id, public_name: null })
    if (!picks.length) return new StepResponse(0)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name", "last_name", "addresses.province"],
      filters: { id: picks.map((p) => p.customer_id) },
    })
    const byId = new Map(data.map((c: any) => [c.id, c]))
    await giveaways.updateGiveawayWinners(
      picks.map((pick) => {
        const customer = byId.get(pick.customer_id)
        return {
          id: pick.id,
          public_name: publicName(customer?.first_name, customer?.last_name) ?? `Entrant ${pick.entrant}`,
          public_region: pick.public_region ?? publicRegion((customer?.addresses ?? []).find(Boolean)?.province),
        }
      })
    )
    return new StepResponse(picks.length)
  }
)
