import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { afterResponse } from "../lib/after-response"
import { attachPreorderItemsWorkflow } from "../workflows/preorder/attach-preorder-items"
import { attachGroupPurchaseWorkflow } from "../workflows/group-order/attach-group-purchase"
import { captureOnPlacement } from "../lib/capture-on-placement"
import { attachAppRedemptions } from "../workflows/app-channel/attach-app-redemptions"

/**
 * order.placed, in this order: the order's pre-order items become pending and
 * stamp their lines; its group purchase is placed (the group's paid units and
 * tier grow); its app-offer uses are placed and the order records its app
 * promotions; then the payment is captured (see capture-on-placement).
 * One subscriber, so these never race over the same order.
 */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await afterResponse()
  await attachPreorderItemsWorkflow(container).run({ input: { order_id: event.data.id } })
  await attachGroupPurchaseWorkflow(container).run({ input: { order_id: event.data.id } })
  await attachAppRedemptions(container, event.data.id)
  await captureOnPlacement(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "comeback-order-placed" } }
