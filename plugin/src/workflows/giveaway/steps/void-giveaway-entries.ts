import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { VoidChange } from "../../../modules/giveaway/service"
import { loadOrderForGiveaways } from "../../../queries/giveaway-order"

export type VoidGiveawayEntriesInput = { order_id: string; reason: string }

/**
 * Voids the entries of the units an order has lost so far (cancelled,
 * refunded, returned), reading the order's current state, so any of its
 * events, in any order and any number of times, converges on the same result.
 */
export const voidGiveawayEntriesStep = createStep(
  "void-giveaway-entries",
  async (input: VoidGiveawayEntriesInput, { container }) => {
    const order = await loadOrderForGiveaways(container, input.order_id)
    if (!order) return new StepResponse({ voided: [] as VoidChange[], frozen: [] }, [] as VoidChange[])
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const result = await giveaways.voidOrderEntries(order.order_id, order.gone_by_line, input.reason)
    return new StepResponse(result, result.voided)
  },
  async (changes, { container }) => {
    if (!changes?.length) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.restoreVoidedEntries(changes)
  }
)
