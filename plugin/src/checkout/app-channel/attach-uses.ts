import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { appChannels } from "../../queries/app-channel"

/**
 * order.placed: the cart's reserved app redemptions become placed with the
 * order, and the order records that it was an app order and which app
 * promotions it used (`metadata.app`), so reports can split app discounts.
 * Only reserved rows move: a duplicate event changes nothing.
 */
export async function attachAppRedemptions(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "metadata", "sales_channel_id", "cart.id"], filters: { id: orderId } })
  const order = data[0]
  if (!order?.cart?.id) return
  const service = appChannels(container)
  const reserved = await service.listAppRedemptions({ cart_id: order.cart.id, status: ["reserved"] })
  if (!reserved.length) return
  await service.updateAppRedemptions(reserved.map((r) => ({ id: r.id, status: "placed" as const, order_id: order.id })))
  const first = reserved[0]
  await container.resolve(Modules.ORDER).updateOrders(order.id, {
    metadata: {
      ...(order.metadata ?? {}),
      app: {
        sales_channel_id: first.sales_channel_id,
        platform: first.platform,
        session_id: first.session_id,
        promotion_ids: reserved.map((r) => r.promotion_id),
        promotion_codes: reserved.map((r) => r.code),
      },
    },
  })
}
