import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { admitting, checkoutLine, type Admission } from "../../lib/checkout-line"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import { type CartForPreorder, loadCart } from "../../checkout/preorder/cart-plans"
import { releaseCartPreorders, reserveCartPreorders } from "../../checkout/preorder/reserve-units"

/**
 * Drop-day admission on Medusa's POST /store/carts/:id/complete, before the
 * completion workflow runs (the route, its request and its response stay
 * Medusa's own):
 *
 * 1. Admission, first of the route's checks. The cart's lines are read in one
 *    query and its plans in one plain statement; a line that is sold out as read
 *    is refused there, and the others take their cap and per-customer units in
 *    one transaction of conditional UPDATEs (PostgreSQL orders concurrent
 *    buyers, across processes). A fan who does not fit hears it at once (400
 *    naming the album and the reason) instead of after every completion ahead.
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
type DropCheckout = {
  cart: CartForPreorder
  /** Units admitted for this request: given back when it ends without an order, unless `keep`. */
  admitted: string[]
  keep: boolean
  served: Extract<Admission, { kind: "served" }>[]
}
const checkouts = new WeakMap<MedusaRequest, DropCheckout>()

/** Step 1: the cart's pre-order units, taken (or refused) before anything else is paid for. */
export async function admitDropCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const decided = await admitting(async () => {
      const cart = await loadCart(req.scope, req.params.id)
      if (!cart?.id || cart.completed_at) return null
      return { cart, admitted: await reserveCartPreorders(req.scope, cart.id, cart) }
    })
    if (!decided) return next()
    const { cart, admitted } = decided
    const state: DropCheckout = { cart, admitted, keep: false, served: [] }
    checkouts.set(req, state)
    res.once("close", () => {
      void (async () => {
        await Promise.all(state.served.map((s) => s.done()))
        if (state.admitted.length && !state.keep) await releaseUnfinishedAdmission(req.scope, cart.id)
      })().catch((error) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`checkout line: ${error?.message}`))
    })
    next()
  } catch (error) {
    next(error)
  }
}

/** Step 2 (after the route's other checks): the cart's turn for each inventory item it holds. */
export async function waitInCheckoutLine(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const state = checkouts.get(req)
  if (!state) return next()
  try {
    const keys = await inventoryItemsOf(req.scope, state.cart.items.map((item) => item.variant_id))
    let aborted = false
    const handlers: (() => void)[] = []
    res.once("close", () => {
      aborted = true
      handlers.forEach((fn) => fn())
    })
    const signal = { get aborted() { return aborted }, onAbort: (fn: () => void) => void handlers.push(fn) }

    // Items in sorted order: a cart with two hot items never deadlocks with another.
    for (const key of keys) {
      const admission = await checkoutLine(req.scope).enter(key, state.cart.id, signal)
      if (admission.kind === "busy") {
        // The fan keeps their place and their units (until COMEBACK_CHECKOUT_HOLD_S).
        state.keep = true
        await Promise.all(state.served.map((s) => s.done()))
        state.served = []
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
      state.served.push(admission)
    }
    if (aborted) {
      // Gone while waiting: as after a 429, the units wait for the fan to come back.
      state.keep = true
      return
    }
    next()
  } catch (error) {
    next(error)
  }
}

/** Managed inventory items of these variants, sorted (the keys Medusa's reserve-inventory step locks); cached a minute. */
async function inventoryItemsOf(container: MedusaContainer, variantIds: (string | null)[]) {
  const ids = [...new Set(variantIds.filter((id): id is string => !!id))]
  const now = Date.now()
  const missing = ids.filter((id) => !((inventoryCache.get(id)?.until ?? 0) > now))
  if (missing.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "manage_inventory", "inventory_items.inventory_item_id"],
      filters: { id: missing },
    })
    for (const id of missing) inventoryCache.set(id, { items: [], until: now + INVENTORY_CACHE_MS })
    for (const variant of data as { id: string; manage_inventory: boolean; inventory_items?: ({ inventory_item_id: string } | null)[] }[]) {
      // Only managed inventory is locked by Medusa's reserve-inventory step.
      const items = variant.manage_inventory
        ? (variant.inventory_items ?? []).flatMap((link) => (link?.inventory_item_id ? [link.inventory_item_id] : []))
        : []
      inventoryCache.set(variant.id, { items, until: now + INVENTORY_CACHE_MS })
    }
  }
  return [...new Set(ids.flatMap((id) => inventoryCache.get(id)?.items ?? []))].sort()
}
const INVENTORY_CACHE_MS = 60_000
const inventoryCache = new Map<string, { items: string[]; until: number }>()

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
        if (data[0]?.completed_at) return
        await releaseCartPreorders(container, held.map((item) => item.id))
      },
      { timeout: 2 }
    )
    .catch(() => undefined)
}
