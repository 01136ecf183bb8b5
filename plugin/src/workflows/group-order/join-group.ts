import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import { normalizeCode } from "../../modules/group-order/lib/code"
import type GroupOrderModuleService from "../../modules/group-order/service"
import { memberHolder } from "../../modules/group-order/service"
import { CART_GROUP_KEY, GroupWithCampaign, eligibleUnits, findGroupByCode, joinProblem, loadGroupCart } from "../../queries/group-order"

/**
 * A cart joins a group: what can be checked now is checked (closed, full,
 * member limit; cart completion checks again, atomically), then the code is
 * kept on the cart and the cart is refreshed, so Medusa prices its eligible
 * lines at the tier reached counting this cart (the setPromotionContext hook).
 */
export async function joinGroup(container: MedusaContainer, cartId: string, rawCode: string): Promise<GroupWithCampaign> {
  const code = normalizeCode(rawCode)
  const cart = await loadGroupCart(container, cartId)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
  const group = await findGroupByCode(container, code)
  if (!group) throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: there is no group order with the code ${code}`)
  const problem = joinProblem(group, cart)
  if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)

  const units = eligibleUnits(group.campaign, cart.items)
  const { max_units_per_member: perMember, max_members: maxMembers } = group.campaign
  if (perMember !== null && units > perMember) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Each member of group ${code} may buy up to ${perMember} units; this cart has ${units}.`)
  }
  if (cart.email && (perMember !== null || maxMembers !== null)) {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const [member] = await groups.listGroupMembers({ group_id: group.id, holder: memberHolder(cart.email) })
    const has = member?.units ?? 0
    if (perMember !== null && has + units > perMember) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Each member of group ${code} may buy up to ${perMember} units; you have ${has} already and can add ${Math.max(0, perMember - has)} more.`
      )
    }
    if (maxMembers !== null && has === 0 && group.member_count >= maxMembers) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Group ${code} is full: it already has ${maxMembers} members.`)
    }
  }
  await updateCartWorkflow(container).run({ input: { id: cart.id, metadata: { ...(cart.metadata ?? {}), [CART_GROUP_KEY]: code } } })
  return group
}

/** The cart leaves its group; the next refresh takes the group discount away. */
export async function leaveGroup(container: MedusaContainer, cartId: string) {
  const cart = await loadGroupCart(container, cartId)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
  await updateCartWorkflow(container).run({ input: { id: cart.id, metadata: { ...(cart.metadata ?? {}), [CART_GROUP_KEY]: "" } } })
}
