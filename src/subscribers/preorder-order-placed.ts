import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { attachPreorderItemsWorkflow } from "../workflows/preorder/attach-preorder-items"

/** A placed order's pre-order items become pending and tied to their lines. */
export default async function preorderOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await attachPreorderItemsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
