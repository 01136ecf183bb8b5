import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Payments are captured when the order is placed (see README "Payments"): a
 * pre-order ships weeks later, long after a card authorization expires.
 * Providers that capture by themselves (Stripe with `capture: true`) arrive
 * captured and are skipped; anything authorized only is captured here.
 * Set CAPTURE_ON_PLACEMENT=false to capture by hand in the admin instead.
 */
export async function captureOnPlacement(container: MedusaContainer, orderId: string) {
  if (process.env.CAPTURE_ON_PLACEMENT === "false") return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
    filters: { id: orderId },
  })
  const payments = ((data[0] as any)?.payment_collections ?? []).flatMap((c) => c?.payments ?? []).filter(Boolean)
  for (const payment of payments) {
    if (payment.captured_at || payment.canceled_at) continue
    await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
  }
}
