import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { appChannels, appPromotionsOfCart, loadAppCart } from "../../queries/app-channel"

/**
 * At cart completion: each app-exclusive promotion on the cart takes one use
 * against its per-customer and per-device limits (atomically). The cart must
 * still be bound to a live app session of its channel (the completion route's
 * guard has checked the request; this holds even if the session expired since).
 */
export async function reserveCartRedemptions(container: MedusaContainer, cartId: string): Promise<string[]> {
  const cart = await loadAppCart(container, cartId)
  if (!cart || cart.completed_at) return []
  const exclusive = await appPromotionsOfCart(container, cart)
  if (!exclusive.length) return []
  const service = appChannels(container)
  const [already] = await service.listAppRedemptions({ cart_id: cart.id }, { select: ["id"] })
  if (already) return [] // a retried completion
  const session = await service.liveSessionOfCart(cart.id)
  if (!session || session.sales_channel_id !== cart.sales_channel_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Your app session has expired: ${exclusive.map((p) => p.code).join(", ")} needs the app.`)
  }
  if (!cart.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: an app offer needs the cart's email")
  return service.reserveRedemptions({
    promotions: exclusive.map((p) => ({ promotion_id: p.promotion_id, code: p.code, per_customer_limit: p.per_customer_limit, per_device_limit: p.per_device_limit })),
    cart_id: cart.id,
    session,
    email: cart.email,
    customer_id: cart.customer_id,
  })
}

export async function releaseCartRedemptions(container: MedusaContainer, ids: string[] | undefined) {
  if (!ids?.length) return
  await appChannels(container).releaseRedemptions(ids, { fromStatuses: ["reserved"], remove: true })
}
