import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { GROUP_ORDER_MODULE } from "../../../../../modules/group-order"
import { normalizeCode } from "../../../../../modules/group-order/lib/code"
import type GroupOrderModuleService from "../../../../../modules/group-order/service"
import { memberHolder } from "../../../../../modules/group-order/service"
import { CART_GROUP_KEY, eligibleUnits, findGroupByCode, joinProblem, loadGroupCart } from "../../../../../workflows/group-order/group-context"
import { groupProgress } from "../../../../admin/group-campaigns/serialize"
import type { StoreJoinGroupOrderType } from "../../../../admin/group-campaigns/validators"

async function cartWithTotals(req: MedusaRequest, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id", "currency_code", "metadata", "total", "subtotal", "discount_total", "item_total",
      "promotions.code", "items.id", "items.variant_id", "items.quantity", "items.unit_price", "items.total",
      "items.adjustments.code", "items.adjustments.amount",
    ],
    filters: { id: cartId },
  })
  return data[0]
}

/**
 * POST /store/carts/:id/group-order { code }: the cart joins a group. Its
 * eligible lines get the group's discount at the tier reached counting this
 * cart's units, as a Medusa promotion adjustment; it is recomputed whenever the
 * cart changes. Checks what can be checked now (closed, full, member limit);
 * cart completion checks again, atomically.
 */
export async function POST(req: MedusaRequest<StoreJoinGroupOrderType>, res: MedusaResponse) {
  const code = normalizeCode((req.validatedBody as StoreJoinGroupOrderType).code)
  const cart = await loadGroupCart(req.scope, req.params.id)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
  const group = await findGroupByCode(req.scope, code)
  if (!group) throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: there is no group order with the code ${code}`)
  const problem = joinProblem(group, cart)
  if (problem) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, problem)

  const units = eligibleUnits(group.campaign, cart.items)
  const { max_units_per_member: perMember, max_members: maxMembers } = group.campaign
  if (perMember !== null && units > perMember) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Each member of group ${code} may buy up to ${perMember} units; this cart has ${units}.`)
  }
  if (cart.email && (perMember !== null || maxMembers !== null)) {
    const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
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

  await updateCartWorkflow(req.scope).run({ input: { id: cart.id, metadata: { ...(cart.metadata ?? {}), [CART_GROUP_KEY]: code } } })
  res.json({ cart: await cartWithTotals(req, cart.id), group_order: groupProgress(group) })
}

/** DELETE /store/carts/:id/group-order: the cart leaves its group; the group discount goes with it. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const cart = await loadGroupCart(req.scope, req.params.id)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
  await updateCartWorkflow(req.scope).run({ input: { id: cart.id, metadata: { ...(cart.metadata ?? {}), [CART_GROUP_KEY]: "" } } })
  res.json({ cart: await cartWithTotals(req, cart.id) })
}
