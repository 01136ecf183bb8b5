import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { orderOfPayment } from "../queries/giveaway-order"
import { voidGiveawayEntriesWorkflow } from "../workflows/giveaway/void-giveaway-entries"

/**
 * payment.refunded → the order's entries follow it: a full refund voids them
 * all, a refunded pre-order cancellation voids that line's (see order-context).
 */
export default async function giveawayPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!enabledFeatures(container).giveaways) return
  const orderId = await orderOfPayment(container, event.data.id)
  if (!orderId) return
  await voidGiveawayEntriesWorkflow(container).run({ input: { order_id: orderId, reason: "refunded" } })
}

export const config: SubscriberConfig = { event: "payment.refunded", context: { subscriberId: "giveaway-payment-refunded" } }
