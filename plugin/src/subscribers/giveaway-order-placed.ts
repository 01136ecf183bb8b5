import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { afterResponse } from "../lib/after-response"
import { earnGiveawayEntriesWorkflow } from "../workflows/giveaway/earn-giveaway-entries"

/** order.placed → the order's eligible lines earn giveaway entries. */
export default async function giveawayOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!enabledFeatures(container).giveaways) return
  await afterResponse()
  await earnGiveawayEntriesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "giveaway-order-placed" } }
