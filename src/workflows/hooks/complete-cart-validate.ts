/**
 * Cart completion (Medusa's standard POST /store/carts/:id/complete), before the
 * order is created and the payment authorized. Medusa allows one handler per
 * hook, so each feature's reservation is called from here:
 * - pre-orders reserve cap units, per-customer units and benefits;
 * - a cart in a group reserves its membership (member and group limits).
 * Either can refuse the cart with a clear message (no order, no payment). If
 * anything later in the completion fails, the compensation gives all of it back.
 */
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { releaseCartMembership, reserveCartMembership } from "../group-order/reserve-cart-membership"
import { releaseCartPreorders, reserveCartPreorders } from "../preorder/reserve-cart-preorders"

type Reserved = { preorder_items: string[]; group_purchase: string | null }

completeCartWorkflow.hooks.validate(
  async ({ input }, { container }) => {
    const preorderItems = await reserveCartPreorders(container, input.id)
    let groupPurchase: string | null = null
    try {
      groupPurchase = await reserveCartMembership(container, input.id)
    } catch (error) {
      await releaseCartPreorders(container, preorderItems)
      throw error
    }
    return new StepResponse(undefined, { preorder_items: preorderItems, group_purchase: groupPurchase } as Reserved)
  },
  async (reserved, { container }) => {
    if (!reserved) return
    await releaseCartPreorders(container, reserved.preorder_items)
    await releaseCartMembership(container, reserved.group_purchase)
  }
)
