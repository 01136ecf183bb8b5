import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import { checkGiveawayChange, describeProblems, type GiveawayStatus } from "../../../modules/giveaway/lib/lifecycle"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { GiveawayFields } from "../../../modules/giveaway/types"
import { assertCatalogIds, newSeed } from "../../../lib/giveaway/settings"

export type UpdateGiveawayInput = GiveawayFields & { id: string; status?: "draft" | "live" | "closed" }

export type UpdatedGiveaway = {
  giveaway: any
  previous_status: GiveawayStatus
  went_live: boolean
  /** field → { from, to } for every setting that changed (never the seed). */
  changes: Record<string, { from: unknown; to: unknown }>
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Updates a giveaway under its lifecycle rules (lib/lifecycle.ts). Going live
 * commits to a fresh seed and to the beacon round after ends_at; once live,
 * neither changes (ends_at may only move earlier).
 */
export const updateGiveawayStep = createStep(
  "update-giveaway-record",
  async (input: UpdateGiveawayInput, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const [current] = await giveaways.listGiveaways({ id: input.id })
    if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${input.id} was not found`)
    const { id, ...requested } = input
    const now = new Date()
    const problems = checkGiveawayChange(current, requested, now)
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, describeProblems(problems))
    await assertCatalogIds(container, input.product_ids, input.variant_ids)

    const update: Record<string, unknown> = {}
    const changes: UpdatedGiveaway["changes"] = {}
    for (const [key, value] of Object.entries(requested)) {
      if (value === undefined || same(value, (current as Record<string, unknown>)[key])) continue
      update[key] = value
      changes[key] = { from: (current as Record<string, unknown>)[key] ?? null, to: value }
    }
    const wentLive = current.status === "draft" && input.status === "live"
    if (wentLive) Object.assign(update, newSeed(), giveaways.beaconCommitment(input.ends_at ?? current.ends_at), { went_live_at: now })
    if (input.status === "closed" && current.status !== "closed") update.closed_at = now
    const previous = Object.fromEntries(Object.keys(update).map((key) => [key, (current as Record<string, unknown>)[key] ?? null]))
    // Step outputs are kept with the workflow's execution: the secret seed never goes there.
    const { seed: _secret, ...giveaway } = Object.keys(update).length ? await giveaways.updateGiveaways({ id, ...update }) : current
    return new StepResponse(
      { giveaway, previous_status: current.status as GiveawayStatus, went_live: wentLive, changes } as UpdatedGiveaway,
      { id, previous }
    )
  },
  async (undo, { container }) => {
    if (!undo || !Object.keys(undo.previous).length) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.updateGiveaways({ id: undo.id, ...undo.previous })
  }
)
