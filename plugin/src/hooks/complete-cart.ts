/**
 * Cart completion (Medusa's standard POST /store/carts/:id/complete), before the
 * order is created and the payment authorized. Medusa allows one handler per
 * hook, so each feature's reservation is called from here (the plugin registers
 * it unless the store names the hook in `host_hooks` and calls it from its own):
 * - pre-orders reserve cap units, per-customer units and benefits;
 * - a cart in a group reserves its membership (member and group limits);
 * - app-exclusive promotions take a use (per-customer and per-device limits).
 * Any can refuse the cart with a clear message (no order, no payment); what
 * the others reserved is given back. If anything later in the completion
 * fails, the compensation gives all of it back.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { enabledFeatures } from "./features"
import { releaseCartRedemptions, reserveCartRedemptions } from "../workflows/app-channel/reserve-cart-redemptions"
import { CART_GROUP_KEY } from "../workflows/group-order/group-context"
import { releaseCartMembership, reserveCartMembership } from "../workflows/group-order/reserve-cart-membership"
import { releaseCartPreorders, reserveCartPreorders } from "../workflows/preorder/reserve-cart-preorders"

export type DropCheckoutReservation = { preorder_items: string[]; group_purchase: string | null; app_redemptions: string[] }

async function release(container: MedusaContainer, reserved: Partial<DropCheckoutReservation>) {
  await releaseCartPreorders(container, reserved.preorder_items)
  await releaseCartMembership(container, reserved.group_purchase)
  await releaseCartRedemptions(container, reserved.app_redemptions)
}

/** The fields of the workflow's own cart (core-flows' completeCartFields) that the reservations read. */
type CompletingCart = {
  id: string
  email?: string | null
  completed_at?: string | Date | null
  customer?: { id: string } | null
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
  promotions?: unknown[] | null
  items?: ({ id: string; variant_id: string | null; quantity: number; product_title?: string | null; variant_title?: string | null } | null)[] | null
}

/** The `completeCartWorkflow.validate` handler: reserves, or refuses the cart with a 400 and gives back what it took. */
export async function reserveDropCheckout({ input, cart }: { input: { id: string }; cart: unknown }, { container }: { container: MedusaContainer }) {
  const features = enabledFeatures(container)
  const reserved: DropCheckoutReservation = { preorder_items: [], group_purchase: null, app_redemptions: [] }
  // The cart Medusa loaded for this completion: what it says saves a query per feature.
  const completing = cart as unknown as CompletingCart
  try {
    if (features.preorders) reserved.preorder_items = await reserveCartPreorders(container, input.id, {
      id: completing.id,
      email: completing.email ?? null,
      customer_id: completing.customer?.id ?? completing.customer_id ?? null,
      completed_at: completing.completed_at,
      items: (completing.items ?? []).filter((item) => !!item),
    })
    if (features.group_orders && completing.metadata?.[CART_GROUP_KEY]) reserved.group_purchase = await reserveCartMembership(container, input.id)
    if (features.app_promotions && completing.promotions?.length) reserved.app_redemptions = await reserveCartRedemptions(container, input.id)
  } catch (error) {
    await release(container, reserved)
    throw error
  }
  return new StepResponse(undefined, reserved)
}

/** Its compensation: gives back everything `reserveDropCheckout` reserved when a later step of the completion fails. */
export async function releaseDropCheckout(reserved: DropCheckoutReservation | undefined, { container }: { container: MedusaContainer }) {
  if (reserved) await release(container, reserved)
}
