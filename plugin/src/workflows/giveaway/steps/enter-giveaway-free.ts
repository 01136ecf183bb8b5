import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { FreeEntryRefusal } from "../../../modules/giveaway/service"

export type FreeEntryRequest = {
  giveaway_id: string
  customer_id: string
  age_confirmed?: boolean
  country_code?: string | null
  region?: string | null
}

/**
 * A logged-in customer's free entry. Country and region default to the
 * customer's first address; the rules' minimum age must be confirmed.
 * A refusal (limit, cap, closed) is returned, not thrown, with its reason.
 */
export const enterGiveawayFreeStep = createStep(
  "enter-giveaway-free",
  async (input: FreeEntryRequest, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const [giveaway] = await giveaways.listGiveaways({ id: input.giveaway_id }, { select: ["id", "min_age"] })
    if (!giveaway) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${input.giveaway_id} was not found`)
    if (giveaway.min_age && !input.age_confirmed) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: age_confirmed: entrants must confirm they are at least ${giveaway.min_age}`
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "addresses.country_code", "addresses.province"],
      filters: { id: input.customer_id },
    })
    const customer = data[0]
    if (!customer?.email) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Customer was not found")
    const address = (customer.addresses ?? []).find(Boolean)
    const result = await giveaways.enterFree({
      giveaway_id: input.giveaway_id,
      customer_id: customer.id,
      email: customer.email,
      country_code: (input.country_code ?? address?.country_code ?? null)?.toLowerCase() ?? null,
      region: input.region ?? address?.province ?? null,
    })
    return new StepResponse(
      result as { entry_id?: string; refused?: FreeEntryRefusal },
      result.entry_id ?? null
    )
  },
  async (entryId, { container }) => {
    if (!entryId) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.removeEarnedEntries([entryId])
  }
)
