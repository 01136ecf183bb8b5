import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import { checkGiveawayChange, describeProblems, GIVEAWAY_DEFAULTS } from "../../../modules/giveaway/lib/lifecycle"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { GiveawayFields } from "../../../modules/giveaway/types"
import { assertCatalogIds, newSeed } from "../../../lib/giveaway/settings"

export type CreateGiveawayInput = GiveawayFields & {
  title: string
  prize: string
  ends_at: Date
  status?: "draft" | "live"
}

/** Creates a giveaway; created live, it commits to its seed and its beacon round at once. */
export const createGiveawayStep = createStep(
  "create-giveaway-record",
  async (input: CreateGiveawayInput, { container }) => {
    const now = new Date()
    const status = input.status ?? "draft"
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
    const starts_at = input.starts_at ?? now
    const fields = { ...GIVEAWAY_DEFAULTS, ...given, starts_at } as CreateGiveawayInput
    const problems = checkGiveawayChange(
      { status: "draft", starts_at, ends_at: fields.ends_at },
      { ...fields, status },
      now
    )
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeProblems(problems))
    await assertCatalogIds(container, input.product_ids, input.variant_ids)
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const live = status === "live" ? { ...newSeed(), ...giveaways.beaconCommitment(fields.ends_at), went_live_at: now } : {}
    const { seed: _secret, ...giveaway } = await giveaways.createGiveaways({ ...fields, status, ...live } as any)
    // Step outputs are kept with the workflow's execution: the secret seed never goes there.
    return new StepResponse(giveaway, giveaway.id)
  },
  async (id, { container }) => {
    if (!id) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.deleteGiveaways(id)
  }
)
