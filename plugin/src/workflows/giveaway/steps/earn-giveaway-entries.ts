import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { EarnedEntry } from "../../../modules/giveaway/service"
import { loadOrderForGiveaways } from "../../../queries/giveaway-order"

/**
 * The entries an order earns in every live giveaway (see
 * GiveawayModuleService.earnEntries). Guest orders without a customer and
 * cancelled orders earn nothing. Compensation removes exactly these entries.
 */
export const earnGiveawayEntriesStep = createStep(
  "earn-giveaway-entries",
  async (input: { order_id: string }, { container }) => {
    const order = await loadOrderForGiveaways(container, input.order_id)
    if (!order || !order.customer_id || !order.email || order.status === "canceled") {
      if (order && !order.customer_id) {
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`giveaways: order ${input.order_id} has no customer; no entries`)
      }
      return new StepResponse([] as EarnedEntry[], [] as string[])
    }
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const earned = await giveaways.earnEntries({ ...order, customer_id: order.customer_id, email: order.email })
    return new StepResponse(earned, earned.map((e) => e.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.removeEarnedEntries(ids)
  }
)
