import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A reservation made at cart completion and still "reserved" after this long
 * belongs to a checkout that crashed between the reservation and the order:
 * the maintenance jobs attach it to its order if one exists, or give it back.
 */
export const STALE_RESERVATION_MS = 30 * 60 * 1000

export const staleBefore = (now: Date) => new Date(now.getTime() - STALE_RESERVATION_MS)

/** The order a cart became, if any. */
export async function orderIdOfCart(container: MedusaContainer, cartId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "order.id"], filters: { id: cartId } })
  return (data[0] as any)?.order?.id ?? null
}
