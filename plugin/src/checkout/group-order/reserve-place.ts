import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import { tierFor } from "../../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../../modules/group-order/service"
import { CART_GROUP_KEY, appliedTier, eligibleUnits, findGroupByCode, joinProblem, loadGroupCart } from "../../queries/group-order"

/**
 * At cart completion, before any order or payment: a cart that joined a group
 * reserves its membership (per-member and group-size limits, atomically). It
 * fails with the reason when the group has closed, or when its discount is
 * higher than the group now allows (members cancelled since it was priced).
 * Returns the purchase id to give back if completion fails later.
 */
export async function reserveCartMembership(container: MedusaContainer, cartId: string): Promise<string | null> {
  const cart = await loadGroupCart(container, cartId)
  const code = cart?.metadata?.[CART_GROUP_KEY]
  if (!cart || cart.completed_at || typeof code !== "string" || !code) return null
  const group = await findGroupByCode(container, code)
  if (!group) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `There is no group order with the code ${code}.`)
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const [already] = await groups.listGroupPurchases({ cart_id: cart.id }, { select: ["id"] })
  if (already) return null // a retried completion

  const units = eligibleUnits(group.campaign, cart.items)
  const tierApplied = appliedTier(group.code, cart.items)
  if (!units) {
    if (tierApplied) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Your cart's group discount is out of date: refresh the cart.`)
    return null
  }
  const problem = joinProblem(group, cart)
  if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${problem} Remove the code to check out at the regular price.`)
  const allowed = tierFor(group.paid_units + units, group.campaign.tiers).tier
  if (tierApplied > allowed) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Group ${group.code}'s discount changed since your cart was priced (members cancelled): refresh the cart to see the current price.`
    )
  }
  if (!cart.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: a group order needs the cart's email")
  const purchase = await groups.reserveMembership({
    group_id: group.id,
    code: group.code,
    cart_id: cart.id,
    email: cart.email,
    customer_id: cart.customer_id,
    units,
    max_units_per_member: group.campaign.max_units_per_member,
    max_members: group.campaign.max_members,
  })
  return purchase.id
}

export async function releaseCartMembership(container: MedusaContainer, purchaseId: string | null | undefined) {
  if (!purchaseId) return
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  await groups.releasePurchases([purchaseId], { fromStatuses: ["reserved"], remove: true })
}
