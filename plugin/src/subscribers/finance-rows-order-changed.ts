import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { queueFinanceRowsRefresh } from "../lib/finance-report/sync-finance-rows"

/**
 * Order events → the order's finance report row is recomputed. order.placed
 * makes the row at once; the pre-order, group and giveaway facts attached by
 * other order.placed subscribers land with the payment.captured that follows
 * (finance-rows-payment-changed) or with their own events.
 */
export default async function financeRowsOrderChanged({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  if (!enabledFeatures(container).finance_reports) return
  await queueFinanceRowsRefresh(container, [event.data.order_id ?? event.data.id])
}

export const config: SubscriberConfig = {
  event: [
    "order.placed", "order.updated", "order.canceled", "order.completed", "order.archived",
    "order.fulfillment_created", "order.fulfillment_canceled", "order.return_received",
    "order.claim_created", "order.exchange_created",
  ],
  context: { subscriberId: "finance-rows-order-changed" },
}
