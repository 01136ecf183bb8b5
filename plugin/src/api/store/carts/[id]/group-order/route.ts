import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CART_GROUP_KEY, findGroupByCode, loadGroupCart } from "../../../../../queries/group-order"
import { joinGroup, leaveGroup } from "../../../../../workflows/group-order/join-group"
import { groupProgress } from "../../../../serializers/group-order"
import type { StoreJoinGroupOrderType } from "../../../../schemas/group-order"

/** The cart as a storefront shows it after joining or leaving: totals, promotions, line adjustments. */
async function cartWithTotals(req: MedusaRequest, cartId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id", "currency_code", "metadata", "total", "subtotal", "discount_total", "item_total", "tax_total", "shipping_total",
      "promotions.code", "items.id", "items.variant_id", "items.product_id", "items.quantity", "items.unit_price", "items.total",
      "items.adjustments.code", "items.adjustments.amount",
    ],
    filters: { id: cartId },
  })
  return data[0]
}

/**
 * POST /store/carts/:id/group-order { code }: the cart joins a group; its
 * eligible lines get the group's discount at the tier reached counting this
 * cart's units (a Medusa promotion adjustment, recomputed whenever the cart
 * changes). 400 with the reason when the group is closed, full, or the member
 * would pass their limit.
 */
export async function POST(req: MedusaRequest<StoreJoinGroupOrderType>, res: MedusaResponse) {
  const group = await joinGroup(req.scope, req.params.id, (req.validatedBody as StoreJoinGroupOrderType).code)
  res.json({ cart: await cartWithTotals(req, req.params.id), group_order: groupProgress(group) })
}

/**
 * GET /store/carts/:id/group-order: the group the cart joined (by its code, by
 * any path: this route, the promo box, cart.update) with the group's progress;
 * `group_order: null` when it joined none.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cart = await loadGroupCart(req.scope, req.params.id)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${req.params.id} was not found`)
  const code = cart.metadata?.[CART_GROUP_KEY]
  const group = typeof code === "string" && code ? await findGroupByCode(req.scope, code) : null
  res.json({ group_order: group ? groupProgress(group) : null })
}

/** DELETE /store/carts/:id/group-order: the cart leaves its group; the group discount goes with it. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  await leaveGroup(req.scope, req.params.id)
  res.json({ cart: await cartWithTotals(req, req.params.id) })
}
