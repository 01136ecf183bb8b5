import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { voidGiveawayEntriesWorkflow } from "../workflows/giveaway/void-giveaway-entries"

/** order.return_received → entries of the returned units are voided (a partial return voids part of a line). */
export default async function giveawayOrderReturned({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  if (!enabledFeatures(container).giveaways) return
  await voidGiveawayEntriesWorkflow(container).run({
    input: { order_id: event.data.order_id, reason: `returned (${event.data.return_id})` },
  })
}

export const config: SubscriberConfig = { event: "order.return_received", context: { subscriberId: "giveaway-order-returned" } }
