/**
 * What each feature holds for a cart between "Place order" and the order: one
 * contract, four verbs, the same for every feature that reserves at checkout.
 *
 * - reserve: at completion (completeCartWorkflow.validate), atomically, or refuse
 *   the cart with a 400 naming the reason; returns what it took (null: nothing);
 * - release: gives that back (the hook's compensation, a refused sibling);
 * - attach: on order.placed, what the cart held becomes the order's;
 * - tidy: what a crashed checkout (or a fan who left a busy line) left reserved
 *   before `before` is attached to its order if there is one, or given back.
 *
 * The completion hook, the order.placed subscriber and the tidy jobs run the
 * reservations in this order, each only for an enabled feature.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { Feature } from "../config/options"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import type GroupOrderModuleService from "../modules/group-order/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { orderIdOfCart } from "../lib/stale-reservations"
import { attachAppRedemptions } from "./app-channel/attach-uses"
import { appChannels } from "../queries/app-channel"
import { releaseCartRedemptions, reserveCartRedemptions } from "./app-channel/reserve-uses"
import { attachGroupPurchaseWorkflow } from "../workflows/group-order/attach-group-purchase"
import { CART_GROUP_KEY } from "../queries/group-order"
import { releaseCartMembership, reserveCartMembership } from "./group-order/reserve-place"
import { attachPreorderItemsWorkflow } from "../workflows/preorder/attach-preorder-items"
import { releaseCartPreorders, reserveCartPreorders } from "./preorder/reserve-units"

/** The fields of the completion workflow's own cart (core-flows' completeCartFields) the reservations read. */
export type CompletingCart = {
  id: string
  email?: string | null
  completed_at?: string | Date | null
  customer?: { id: string } | null
  customer_id?: string | null
  metadata?: Record<string, unknown> | null
  promotions?: unknown[] | null
  items?: ({ id: string; variant_id: string | null; quantity: number; product_title?: string | null; variant_title?: string | null } | null)[] | null
}

/** `stale`: reservations found past the horizon; `reattached`: carts (or items) given to their order; `freed`: given back. */
export type Tidied = { stale: number; reattached: number; freed: number }

export interface CheckoutReservation<Held> {
  feature: Feature
  reserve(container: MedusaContainer, cart: CompletingCart): Promise<Held | null>
  release(container: MedusaContainer, held: Held): Promise<void>
  attach(container: MedusaContainer, orderId: string): Promise<void>
  tidy(container: MedusaContainer, before: Date): Promise<Tidied>
}

/**
 * Reservations past the horizon, cart by cart: a cart that became an order gives them to it (the feature's own
 * attach), the others give them back (`release` returns how many it freed).
 */
async function tidyByCart(
  container: MedusaContainer,
  stale: { id: string; cart_id: string }[],
  reservation: Pick<CheckoutReservation<unknown>, "attach">,
  release: (ids: string[]) => Promise<number>
): Promise<Tidied> {
  const tidied: Tidied = { stale: stale.length, reattached: 0, freed: 0 }
  for (const cartId of new Set(stale.map((r) => r.cart_id))) {
    const orderId = await orderIdOfCart(container, cartId)
    if (orderId) {
      await reservation.attach(container, orderId)
      tidied.reattached++
    } else {
      tidied.freed += await release(stale.filter((r) => r.cart_id === cartId).map((r) => r.id))
    }
  }
  return tidied
}

/** Pre-order units: cap, per-customer limit and benefit, per line on a plan. */
export const preorderUnits: CheckoutReservation<string[]> = {
  feature: "preorders",
  async reserve(container, cart) {
    const ids = await reserveCartPreorders(container, cart.id, {
      id: cart.id,
      email: cart.email ?? null,
      customer_id: cart.customer?.id ?? cart.customer_id ?? null,
      completed_at: cart.completed_at,
      items: (cart.items ?? []).filter((item): item is NonNullable<typeof item> => !!item),
    })
    return ids.length ? ids : null
  },
  release: (container, ids) => releaseCartPreorders(container, ids),
  async attach(container, orderId) {
    await attachPreorderItemsWorkflow(container).run({ input: { order_id: orderId } })
  },
  /** Under the cart's lock (the one Medusa's completion holds): a completion still running is left for the next run. */
  async tidy(container, before) {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const stale = await preorders.listPreorderItems({ status: ["reserved"], created_at: { $lt: before } })
    const tidied: Tidied = { stale: stale.length, reattached: 0, freed: 0 }
    for (const cartId of new Set(stale.map((i) => i.cart_id))) {
      await locking
        .execute(
          cartId,
          async () => {
            const orderId = await orderIdOfCart(container, cartId)
            if (orderId) {
              const { result } = await attachPreorderItemsWorkflow(container).run({ input: { order_id: orderId } })
              tidied.reattached += result.length
            } else {
              const ids = stale.filter((i) => i.cart_id === cartId).map((i) => i.id)
              tidied.freed += (await preorders.returnUnits(ids, { fromStatuses: ["reserved"], reason: "checkout abandoned", remove: true })).length
            }
          },
          { timeout: 1 }
        )
        .catch(() => undefined)
    }
    return tidied
  },
}

/** A place in a group: the member's units and the group's size, for a cart that joined one. */
export const groupPlace: CheckoutReservation<string> = {
  feature: "group_orders",
  reserve: (container, cart) => (cart.metadata?.[CART_GROUP_KEY] ? reserveCartMembership(container, cart.id) : Promise.resolve(null)),
  release: (container, purchaseId) => releaseCartMembership(container, purchaseId),
  async attach(container, orderId) {
    await attachGroupPurchaseWorkflow(container).run({ input: { order_id: orderId } })
  },
  async tidy(container, before) {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const stale = await groups.listGroupPurchases({ status: ["reserved"], created_at: { $lt: before } })
    return tidyByCart(container, stale, groupPlace, async (ids) => (await groups.releasePurchases(ids, { fromStatuses: ["reserved"], remove: true })).length)
  },
}

/** App-offer uses: per customer and per device, for each app-exclusive promotion on the cart. */
export const appOfferUses: CheckoutReservation<string[]> = {
  feature: "app_promotions",
  async reserve(container, cart) {
    if (!cart.promotions?.length) return null
    const ids = await reserveCartRedemptions(container, cart.id)
    return ids.length ? ids : null
  },
  release: (container, ids) => releaseCartRedemptions(container, ids),
  attach: (container, orderId) => attachAppRedemptions(container, orderId),
  async tidy(container, before) {
    const service = appChannels(container)
    const stale = await service.listAppRedemptions({ status: ["reserved"], created_at: { $lt: before } })
    return tidyByCart(container, stale, appOfferUses, async (ids) => (await service.releaseRedemptions(ids, { fromStatuses: ["reserved"], remove: true })).length)
  },
}

/** Every feature that reserves at checkout, in the order they reserve (and attach). */
export const CHECKOUT_RESERVATIONS = [preorderUnits, groupPlace, appOfferUses] as const

/** What one completion holds, per feature (the completion hook's compensation input). */
export type CheckoutHold = Partial<Record<Feature, unknown>>
