/**
 * Comeback's handlers for Medusa's core workflow hooks. The plugin registers
 * them itself when the application starts, except the hooks a store names in
 * the `host_hooks` option: Medusa allows one handler per hook, so a store with
 * its own handler calls Comeback's from it (README "Install in your store"):
 *
 *   import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
 *   import { reserveDropCheckout, releaseDropCheckout } from "@comeback/medusa-plugin/hooks"
 *
 *   completeCartWorkflow.hooks.validate(async (data, ctx) => {
 *     await myOwnCheck(data, ctx)
 *     return reserveDropCheckout(data, ctx)
 *   }, releaseDropCheckout)
 */
export { reserveDropCheckout, releaseDropCheckout, type DropCheckoutReservation } from "./complete-cart"
export { dropPromotionContext } from "./promotion-context"
export { releaseCancelledOrder } from "./order-canceled"
export { guardPreorderFulfillment } from "./preorder-fulfillment"
export { checkPreordersAdded, checkPreordersInNewCart, checkPreorderQuantityChange } from "./preorder-cart-rules"
export { HOOKS, HOOK_IDS, type HookId } from "../config/options"
export { registerComebackHooks } from "./register"
