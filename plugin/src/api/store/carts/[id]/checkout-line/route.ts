import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { checkoutLine, checkoutSettings } from "../../../../../lib/checkout-line"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"

/**
 * GET /store/carts/:id/checkout-line: where a cart stands in a drop's checkout
 * line, for a storefront's "you are number N, about M s" screen. States:
 * `none` (not in line: complete it), `waiting` (a completion request is in
 * line), `away` (told 429: come back after `retry_after_seconds`, the place is
 * kept), `completing`, `completed`. `held_units` are pre-order units admitted
 * for the cart and held until `held_until` while it is in line.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const cartId = req.params.id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
  const cart = data[0]
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${cartId}`)

  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const held = cart.completed_at
    ? []
    : await preorders.listPreorderItems({ cart_id: cartId, status: ["reserved"] }, { select: ["quantity", "created_at"] })
  const heldSince = held.length ? Math.min(...held.map((item) => new Date(item.created_at).getTime())) : null

  const { key: _key, ...standing } = { key: undefined, ...checkoutLine(req.scope).standing(cartId) }
  res.json({
    checkout_line: {
      cart_id: cartId,
      ...(cart.completed_at ? { state: "completed" } : standing),
      held_units: held.reduce((sum, item) => sum + Number(item.quantity), 0),
      held_until: heldSince ? new Date(heldSince + checkoutSettings().holdMs).toISOString() : null,
    },
  })
}
