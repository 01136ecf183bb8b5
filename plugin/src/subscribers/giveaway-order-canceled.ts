import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { voidGiveawayEntriesWorkflow } from "../workflows/giveaway/void-giveaway-entries"

/** order.canceled → every entry of the order is voided (if the giveaway is not drawn yet). */
export default async function giveawayOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!enabledFeatures(container).giveaways) return
  await voidGiveawayEntriesWorkflow(container).run({ input: { order_id: event.data.id, reason: "order canceled" } })
}

export const config: SubscriberConfig = { event: "order.canceled", context: { subscriberId: "giveaway-order-canceled" } }
