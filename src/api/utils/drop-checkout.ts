import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { checkoutLine, type Admission } from "../../lib/checkout-line"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import type { CartForPreorder } from "../../workflows/preorder/plans-for-cart"
import { releaseCartPreorders, reserveCartPreorders } from "../../workflows/preorder/reserve-cart-preorders"

/**
 * Drop-day admission on Medusa's POST /store/carts/:id/complete, before the
 * completion workflow runs (the route, its request and its response stay
 * Medusa's own):
 *
 * 1. Admission. The cart's lines are read in one query; its pre-order lines take
 *    their cap and per-customer units right here, in one transaction of
 *    conditional UPDATEs (PostgreSQL orders concurrent buyers, across processes).
 *    A fan who does not fit hears it at once (400 naming the album and the
 *    reason) instead of after every completion ahead of them.
 * 2. The line. The cart then waits its turn for each inventory item it holds
 *    (src/lib/checkout-line): first come, first served, a few completions at a
 *    time, so Medusa's inventory lock never times out into a 500. A wait that
 *    would pass the bound is answered at once with 429 and Retry-After; the cart
 *    keeps its ticket and its admitted units (until COMEBACK_CHECKOUT_HOLD_S).
 * 3. Completion. Medusa's workflow runs; its validate hook adopts the admitted
 *    units (nothing counted twice) and its compensation gives them back if it
 *    fails after the hook. If it fails before the hook (or the request dies), the
 *    units are given back here when the response ends; a crashed process's are
 *    freed by the tidy-checkout-holds job.
 */
export async function admitDropCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cartId = req.params.id
  try {
    const cart = await loadCheckoutCart(req.scope, cartId)
    if (!cart || cart.completed_at) return next()

    const admitted = await reserveCartPreorders(req.scope, cartId, cart)

    const keys = [...new Set(cart.items.flatMap((item) => item.inventory_item_ids))].sort()
    const served: Extract<Admission, { kind: "served" }>[] = []
    const closed = { aborted: false, handlers: [] as (() => void)[] }
    res.once("close", () => {
      closed.aborted = true
      closed.handlers.forEach((fn) => fn())
    })
    const signal = { get aborted() { return closed.aborted }, onAbort: (fn: () => void) => void closed.handlers.push(fn) }

    // Items in sorted order: a cart with two hot items never deadlocks with another.
    for (const key of keys) {
      const admission = await checkoutLine(req.scope).enter(key, cartId, signal)
      if (admission.kind === "busy") {
        await Promise.all(served.map((s) => s.done()))
        res.setHeader("Retry-After", String(admission.retryAfterS))
        res.status(429).json({
          type: "checkout_busy",
          message: `Checkout is busy: you are number ${admission.position} in line. Please try again in ${admission.retryAfterS} s; your place is kept.`,
          retry_after_seconds: admission.retryAfterS,
          position: admission.position,
          estimated_wait_seconds: admission.estimatedWaitS,
        })
        return
      }
      served.push(admission)
    }
    if (closed.aborted) {
      await Promise.all(served.map((s) => s.done()))
      return
    }
    res.once("close", () => {
      void (async () => {
        await Promise.all(served.map((s) => s.done()))
        if (admitted.length) await releaseUnfinishedAdmission(req.scope, cartId)
      })().catch((error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`checkout line: ${error?.message}`))
    })
    next()
  } catch (error) {
    next(error)
  }
}

type CheckoutCart = Omit<CartForPreorder, "items"> & { items: (CartForPreorder["items"][number] & { inventory_item_ids: string[] })[] }

/** The cart's lines with what admission needs (pre-order fields, inventory items): one query. */
async function loadCheckoutCart(container: MedusaContainer, cartId: string): Promise<CheckoutCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "email",
      "customer_id",
      "completed_at",
      "items.id",
      "items.variant_id",
      "items.quantity",
      "items.variant_title",
      "items.product_title",
      "items.variant.manage_inventory",
      "items.variant.inventory_items.inventory_item_id",
    ],
    filters: { id: cartId },
  })
  const cart = data[0] as any
  if (!cart) return null
  return {
    ...cart,
    items: (cart.items ?? []).filter(Boolean).map((item: any) => ({
      ...item,
      // Only managed inventory is locked by Medusa's reserve-inventory step.
      inventory_item_ids: item.variant?.manage_inventory
        ? (item.variant.inventory_items ?? []).map((link: any) => link?.inventory_item_id).filter(Boolean)
        : [],
    })),
  }
}

/**
 * After the completion answered: units admitted for a cart that did not become
 * an order go back on sale. Under the cart's lock (the one Medusa's completion
 * holds), so a completion of the same cart still running (a webhook's) is never
 * robbed of its units: then this gives up and the workflow's own compensation
 * or the tidy job decides.
 */
export async function releaseUnfinishedAdmission(container: MedusaContainer, cartId: string) {
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const held = await preorders.listPreorderItems({ cart_id: cartId, status: ["reserved"] }, { select: ["id"] })
  if (!held.length) return
  const locking = container.resolve(Modules.LOCKING)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  await locking
    .execute(
      cartId,
      async () => {
        const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
        if ((data[0] as any)?.completed_at) return
        await releaseCartPreorders(container, held.map((item) => item.id))
      },
      { timeout: 2 }
    )
    .catch(() => undefined)
}
