/**
 * Every cart promotion refresh (adding items, changing quantities, applying
 * codes, our join route) asks this hook for extra promotion context. A cart
 * that joined an open group gets `group_order.tier = <group>:T<n>`, the tier
 * the group reaches counting this cart's eligible units; the group's automatic
 * tier promotion with that rule then applies, as an ordinary adjustment.
 */
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { tierFor } from "../../modules/group-order/lib/tiers"
import { CART_GROUP_KEY, eligibleUnits, findGroupByCode, joinProblem, tierRuleValue } from "../group-order/group-context"

updateCartPromotionsWorkflow.hooks.setPromotionContext(async ({ cart }, { container }) => {
  const code = (cart as any)?.metadata?.[CART_GROUP_KEY]
  if (typeof code !== "string" || !code) return new StepResponse({})
  const group = await findGroupByCode(container, code)
  if (!group || joinProblem(group, cart as any)) return new StepResponse({})
  const lines = ((cart as any).items ?? []).map((item: any) => ({
    product_id: item.product_id ?? item.product?.id,
    variant_id: item.variant_id,
    quantity: item.quantity,
  }))
  const { tier } = tierFor(group.paid_units + eligibleUnits(group.campaign, lines), group.campaign.tiers)
  return new StepResponse(tier > 0 ? { group_order: { tier: tierRuleValue(group.id, tier) } } : {})
})
