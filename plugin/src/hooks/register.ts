/**
 * Registers Comeback's hook handlers when the application starts: after every
 * plugin's and the store's own workflows are loaded, so a store that already
 * handles one of these hooks is found here, and the boot stops with a message
 * that names the hook and the fix instead of Medusa's bare "Cannot define
 * multiple hook handlers".
 */
import type { Logger } from "@medusajs/framework/types"
import {
  addToCartWorkflow,
  cancelOrderWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createOrderFulfillmentWorkflow,
  updateCartPromotionsWorkflow,
  updateLineItemInCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { HOOKS, HOOK_IDS, type HookId } from "../config/options"
import { releaseDropCheckout, reserveDropCheckout } from "./complete-cart"
import { releaseCancelledOrder } from "./order-canceled"
import { checkPreorderQuantityChange, checkPreordersAdded, checkPreordersInNewCart } from "./preorder-cart-rules"
import { guardPreorderFulfillment } from "./preorder-fulfillment"
import { dropPromotionContext } from "./promotion-context"

type Register = () => void

/** How each hook is taken; the handler names are what a store's own handler calls instead. */
const REGISTRATIONS: Record<HookId, { register: Register; handlers: string }> = {
  "completeCartWorkflow.validate": {
    register: () => completeCartWorkflow.hooks.validate(reserveDropCheckout, releaseDropCheckout),
    handlers: "reserveDropCheckout (and releaseDropCheckout as its compensation)",
  },
  "updateCartPromotionsWorkflow.setPromotionContext": {
    register: () => updateCartPromotionsWorkflow.hooks.setPromotionContext(dropPromotionContext as any),
    handlers: "dropPromotionContext (merge its context into yours)",
  },
  "cancelOrderWorkflow.orderCanceled": {
    register: () => cancelOrderWorkflow.hooks.orderCanceled(releaseCancelledOrder),
    handlers: "releaseCancelledOrder",
  },
  "createOrderFulfillmentWorkflow.fulfillmentCreated": {
    register: () => createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(guardPreorderFulfillment),
    handlers: "guardPreorderFulfillment",
  },
  "addToCartWorkflow.validate": {
    register: () => addToCartWorkflow.hooks.validate(checkPreordersAdded),
    handlers: "checkPreordersAdded",
  },
  "createCartWorkflow.validate": {
    register: () => createCartWorkflow.hooks.validate(checkPreordersInNewCart),
    handlers: "checkPreordersInNewCart",
  },
  "updateLineItemInCartWorkflow.validate": {
    register: () => updateLineItemInCartWorkflow.hooks.validate(checkPreorderQuantityChange),
    handlers: "checkPreorderQuantityChange",
  },
}

/** Hooks this process already gave Comeback's handler (a second start in one process must not count as a conflict). */
const registered = new Set<HookId>()

export class HookConflictError extends Error {}

/** The message a store sees when it handles one of Comeback's hooks itself without saying so. */
export function hookConflictMessage(conflicts: HookId[]): string {
  const lines = conflicts.map((id) => `  - ${id}: Comeback ${HOOKS[id]}; call ${REGISTRATIONS[id].handlers} from "@comeback/medusa-plugin/hooks" in your handler`)
  return [
    `[comeback] your store already handles ${conflicts.length === 1 ? "this workflow hook" : "these workflow hooks"}, and Medusa allows one handler per hook:`,
    ...lines,
    `  Fix: add host_hooks: [${conflicts.map((id) => `"${id}"`).join(", ")}] to the @comeback/medusa-plugin options in medusa-config.ts,`,
    `  and call the handler(s) above from your own (README "Install in your store"). Without them, pre-order caps and limits are not enforced, so the store does not start.`,
  ].join("\n")
}

/** Registers every hook the store left to Comeback; throws HookConflictError naming the ones the store took. */
export function registerComebackHooks(hostHooks: Set<HookId>, logger?: Pick<Logger, "info">): HookId[] {
  const conflicts: HookId[] = []
  for (const id of HOOK_IDS) {
    if (hostHooks.has(id) || registered.has(id)) continue
    try {
      REGISTRATIONS[id].register()
      registered.add(id)
    } catch (error) {
      if (!/Cannot define multiple hook handlers/.test((error as Error).message)) throw error
      conflicts.push(id)
    }
  }
  if (conflicts.length) throw new HookConflictError(hookConflictMessage(conflicts))
  if (hostHooks.size) logger?.info(`[comeback] the store handles ${[...hostHooks].join(", ")} itself and calls Comeback's handler(s) from it`)
  return [...registered]
}
