import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { orderOfPayment } from "../queries/giveaway-order"
import { queueFinanceRowsRefresh } from "../lib/finance-report/sync-finance-rows"

/** payment.captured / payment.refunded → the paid, refunded and payment status of the payment's order. */
export default async function financeRowsPaymentChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!enabledFeatures(container).finance_reports) return
  await queueFinanceRowsRefresh(container, [await orderOfPayment(container, event.data.id)])
}

export const config: SubscriberConfig = {
  event: ["payment.captured", "payment.refunded"],
  context: { subscriberId: "finance-rows-payment-changed" },
}
