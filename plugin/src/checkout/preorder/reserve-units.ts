import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../../modules/preorder"
import { capRefusal, planState } from "../../modules/preorder/lib/plan-state"
import type PreorderModuleService from "../../modules/preorder/service"
import { type CartForPreorder, lineLabel, loadCart } from "./cart-plans"

/**
 * At cart completion, before any order or payment: the cart's pre-order lines
 * reserve their cap units, per-customer units and benefits atomically
 * (PreorderModuleService.reserveUnits). A cart that does not fit fails with a
 * clear message. Returns the ids of the cart's reserved items, to give back if
 * completion fails.
 *
 * Called twice for a completion through the store route: first by the checkout
 * admission (src/api/utils/drop-checkout.ts, before the workflow, so a sold-out
 * answer is immediate), then by the workflow's validate hook, the last line
 * for every completion (a Stripe webhook's too). The second call finds the
 * units already reserved for exactly these lines and adopts them, counting
 * nothing twice; if the cart changed since, the old reservation is given back
 * and the new lines reserve afresh.
 */
export async function reserveCartPreorders(container: MedusaContainer, cartId: string, preloaded?: CartForPreorder): Promise<string[]> {
  const cart = preloaded ?? (await loadCart(container, cartId))
  if (!cart?.id || cart.completed_at) return []
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const variantIds = [...new Set(cart.items.map((i) => i.variant_id).filter((id): id is string => !!id))]
  const view = await preorders.checkoutView(cart.id, variantIds)
  if (!view.plans.length) return []
  const plans = new Map(view.plans.map((plan) => [plan.variant_id, plan]))
  const held = view.held
  // Items past `reserved` belong to an order: a retried completion of an ordered cart reserves nothing.
  if (held.some((item) => item.status !== "reserved")) return []

  const lines = cart.items
    .filter((item) => item.variant_id && plans.has(item.variant_id))
    .map((item) => {
      const plan = plans.get(item.variant_id!)!
      const label = lineLabel(item)
      const state = planState(plan)
      if (state !== "open") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          state === "upcoming" ? `${label} is not open for pre-order yet.` : `Pre-orders for ${label} are closed.`
        )
      }
      if (!cart.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: a pre-order needs the cart's email")
      // Sold out as read a moment ago: said at once, without a transaction (the conditional UPDATE
      // below stays the judge for everyone else). Not for a cart that already holds units: they may be its own.
      const refusal = held.length ? null : capRefusal(plan, Number(item.quantity), label)
      if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
      return {
        plan_id: plan.id,
        variant_id: item.variant_id!,
        quantity: Number(item.quantity),
        cart_id: cart.id,
        cart_line_item_id: item.id,
        email: cart.email,
        customer_id: cart.customer_id,
        release_date: new Date(plan.release_date),
        label,
      }
    })
  if (held.length) {
    const wanted = new Map(lines.map((l) => [l.cart_line_item_id, l.quantity]))
    const same = held.length === wanted.size && held.every((item) => wanted.get(item.cart_line_item_id ?? "") === Number(item.quantity))
    if (same) return held.map((item) => item.id)
    await preorders.returnUnits(held.map((item) => item.id), { fromStatuses: ["reserved"], reason: "cart changed", remove: true })
  }
  try {
    const reserved = await preorders.reserveUnits(lines)
    return reserved.map((r) => r.id)
  } catch (error) {
    // Another request for this same cart reserved these lines a moment ago (a double click, the route and a
    // webhook): one cart line holds one reservation (unique index), and it counted once. Adopt it.
    if (!isUniqueViolation(error)) throw error
    const now = await preorders.listPreorderItems({ cart_id: cart.id, status: ["reserved"] }, { select: ["id"] })
    return now.map((item) => item.id)
  }
}

function isUniqueViolation(error: any) {
  return (
    error?.code === "23505" ||
    error?.type === MedusaError.Types.DUPLICATE_ERROR ||
    /duplicate key|unique constraint|already exists/i.test(String(error?.message ?? ""))
  )
}

export async function releaseCartPreorders(container: MedusaContainer, itemIds: string[] | undefined) {
  if (!itemIds?.length) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  await preorders.returnUnits(itemIds, { fromStatuses: ["reserved"], reason: "checkout failed", remove: true })
}
