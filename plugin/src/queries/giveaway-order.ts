import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { OrderForEntries } from "../modules/giveaway/service"

export type OrderForGiveaways = Omit<OrderForEntries, "customer_id" | "email"> & {
  customer_id: string | null
  email: string | null
  status: string
  /** Units per order line no longer held: cancelled, refunded or returned (running totals). */
  gone_by_line: Record<string, number>
}

/** Query returns order quantities and amounts as numbers or BigNumber values, depending on the fields asked. */
const num = (value: unknown) => (value === null || value === undefined ? 0 : MathBN.convert(value as any).toNumber() || 0)

/**
 * The order as giveaways see it: who placed it, when, where to (country and
 * state/region only), its lines, and how many units of each line are gone.
 * A line's units are gone when the order is cancelled or fully refunded, when
 * they are received back (or dismissed) on a return, or when its pre-order is
 * cancelled (always with a refund). Partial refunds not tied to a line void nothing.
 */
export async function loadOrderForGiveaways(container: MedusaContainer, orderId: string): Promise<OrderForGiveaways | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "email",
      "customer_id",
      "created_at",
      "canceled_at",
      "shipping_address.country_code",
      "shipping_address.province",
      "billing_address.country_code",
      "billing_address.province",
      "items.id",
      "items.product_id",
      "items.variant_id",
      "items.quantity",
      // with other detail fields and without this one, Query leaves the line's quantity out
      "items.detail.quantity",
      "items.detail.return_received_quantity",
      "items.detail.return_dismissed_quantity",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  const order = data[0]
  if (!order) return null
  const lines = ((order.items ?? []) as any[]).filter(Boolean).map((item) => ({
    id: item.id as string,
    product_id: (item.product_id as string) ?? null,
    variant_id: (item.variant_id as string) ?? null,
    quantity: num(item.quantity),
    returned: num(item.detail?.return_received_quantity) + num(item.detail?.return_dismissed_quantity),
  }))

  const payments = ((order.payment_collections ?? []) as any[]).flatMap((c) => c?.payments ?? []).filter(Boolean)
  const captured = payments.filter((p) => p.captured_at).reduce((sum, p) => sum + num(p.amount), 0)
  const refunded = payments.flatMap((p) => p.refunds ?? []).reduce((sum, r) => sum + num(r?.amount), 0)
  const allGone = order.status === "canceled" || !!order.canceled_at || (captured > 0 && refunded >= captured)

  const preorderCancelled = allGone ? {} : await cancelledPreorderUnits(container, orderId)
  const gone_by_line = Object.fromEntries(
    lines.map((line) => [line.id, allGone ? line.quantity : Math.min(line.quantity, line.returned + (preorderCancelled[line.id] ?? 0))])
  )
  const address = order.shipping_address ?? order.billing_address ?? null
  return {
    order_id: order.id,
    status: order.status,
    customer_id: order.customer_id ?? null,
    email: order.email ?? null,
    placed_at: new Date(order.created_at),
    country_code: address?.country_code?.toLowerCase() ?? null,
    region: address?.province ?? null,
    lines: lines.map(({ returned: _returned, ...line }) => line),
    gone_by_line,
  }
}

/**
 * Units of this order's lines whose pre-order was cancelled (a fan's
 * cancellation after a delay, or a short supply; both refund the line), read
 * through Query from the pre-order module when it is installed. The item is
 * cancelled before its refund is made, so payment.refunded always finds it;
 * its refund_id may not be recorded yet, so it is not required.
 */
async function cancelledPreorderUnits(container: MedusaContainer, orderId: string): Promise<Record<string, number>> {
  if (!container.hasRegistration("preorder")) return {}
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "preorder_item",
    fields: ["order_line_item_id", "quantity"],
    filters: { order_id: orderId, status: ["cancelled"] },
  })
  const units: Record<string, number> = {}
  for (const item of data) {
    if (!item.order_line_item_id) continue
    units[item.order_line_item_id] = (units[item.order_line_item_id] ?? 0) + num(item.quantity)
  }
  return units
}

/** The order a payment belongs to (payment.refunded carries only the payment id). */
export async function orderOfPayment(container: MedusaContainer, paymentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: paymentId },
  })
  return (data[0]?.payment_collection?.order?.id as string | undefined) ?? null
}
