import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../../modules/preorder"
import { planState } from "../../modules/preorder/lib/plan-state"
import type PreorderModuleService from "../../modules/preorder/service"
import { activePlansByVariant, lineLabel, loadCart } from "./plans-for-cart"

/**
 * At cart completion, before any order or payment: the cart's pre-order lines
 * reserve their cap units, per-customer units and benefits atomically
 * (PreorderModuleService.reserveUnits). A cart that does not fit fails with a
 * clear message. Returns the reserved item ids, to give back if completion fails.
 */
export async function reserveCartPreorders(container: MedusaContainer, cartId: string): Promise<string[]> {
  const cart = await loadCart(container, cartId)
  if (!cart?.id || cart.completed_at) return []
  const plans = await activePlansByVariant(container, cart.items.map((i) => i.variant_id!))
  if (!plans.size) return []

  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  // A retried completion of the same cart must not reserve twice.
  const already = await preorders.listPreorderItems({ cart_id: cart.id }, { select: ["id"] })
  if (already.length) return []

  const lines = cart.items
    .filter((item) => item.variant_id && plans.has(item.variant_id))
    .map((item) => {
      const plan = plans.get(item.variant_id!)
      const label = lineLabel(item)
      const state = planState(plan)
      if (state !== "open") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          state === "upcoming" ? `${label} is not open for pre-order yet.` : `Pre-orders for ${label} are closed.`
        )
      }
      if (!cart.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: a pre-order needs the cart's email")
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
  const reserved = await preorders.reserveUnits(lines)
  return reserved.map((r) => r.id)
}

export async function releaseCartPreorders(container: MedusaContainer, itemIds: string[] | undefined) {
  if (!itemIds?.length) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  await preorders.returnUnits(itemIds, { fromStatuses: ["reserved"], reason: "checkout failed", remove: true })
}
