/**
 * Cart completion (Medusa's standard POST /store/carts/:id/complete), before the
 * order is created and the payment authorized. Medusa allows one handler per
 * hook, so each feature's reservation is called from here:
 * - pre-orders reserve cap units, per-customer units and benefits;
 * - a cart in a group reserves its membership (member and group limits);
 * - app-exclusive promotions take a use (per-customer and per-device limits).
 * Any can refuse the cart with a clear message (no order, no payment); what
 * the others reserved is given back. If anything later in the completion
 * fails, the compensation gives all of it back.
 */
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { releaseCartRedemptions, reserveCartRedemptions } from "../app-channel/reserve-cart-redemptions"
import { releaseCartMembership, reserveCartMembership } from "../group-order/reserve-cart-membership"
import { releaseCartPreorders, reserveCartPreorders } from "../preorder/reserve-cart-preorders"

type Reserved = { preorder_items: string[]; group_purchase: string | null; app_redemptions: string[] }

async function release(container: any, reserved: Partial<Reserved>) {
  await releaseCartPreorders(container, reserved.preorder_items)
  await releaseCartMembership(container, reserved.group_purchase)
  await releaseCartRedemptions(container, reserved.app_redemptions)
}

completeCartWorkflow.hooks.validate(
  async ({ input }, { container }) => {
    const reserved: Reserved = { preorder_items: [], group_purchase: null, app_redemptions: [] }
    try {
      reserved.preorder_items = await reserveCartPreorders(container, input.id)
      reserved.group_purchase = await reserveCartMembership(container, input.id)
      reserved.app_redemptions = await reserveCartRedemptions(container, input.id)
    } catch (error) {
      await release(container, reserved)
      throw error
    }
    return new StepResponse(undefined, reserved)
  },
  async (reserved, { container }) => {
    if (reserved) await release(container, reserved)
  }
)
