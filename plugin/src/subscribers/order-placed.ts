import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CHECKOUT_RESERVATIONS } from "../checkout/reservations"
import { afterResponse } from "../lib/after-response"
import { captureOnPlacement } from "../lib/capture-on-placement"

/**
 * order.placed, in this order (src/checkout/reservations.ts attach): the order's pre-order items become pending and
 * stamp their lines; its group purchase is placed (the group's paid units and
 * tier grow); its app-offer uses are placed and the order records its app
 * promotions; then the payment is captured (see capture-on-placement).
 * One subscriber, so these never race over the same order.
 */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await afterResponse()
  // Every feature attaches, enabled or not: what a cart reserved before a feature was turned off still becomes the order's.
  for (const reservation of CHECKOUT_RESERVATIONS) await reservation.attach(container, event.data.id)
  await captureOnPlacement(container, event.data.id)
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "comeback-order-placed" } }
