/**
 * Every cart promotion refresh (adding items, changing quantities, applying
 * codes, our join route) asks this hook for extra promotion context; Medusa
 * allows one handler, so each feature adds its part here:
 * - a cart that joined an open group gets `group_order.tier = <group>:T<n>`, the
 *   tier the group reaches counting this cart's eligible units; the group's
 *   automatic tier promotion with that rule applies;
 * - a cart bound to a live app session of its own channel gets
 *   `app_session.verified = "true"`, the rule every app-exclusive promotion
 *   carries. Expired, revoked or foreign sessions give nothing, so the app
 *   price leaves the cart at its next refresh.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierFor } from "../modules/group-order/lib/tiers"
import { appChannels } from "../queries/app-channel"
import { CART_GROUP_KEY, eligibleUnits, findGroupByCode, joinProblem, tierRuleValue } from "../queries/group-order"
import { enabledFeatures } from "./features"
import { APP_SESSION_RULE_ATTRIBUTE, APP_SESSION_VERIFIED } from "../modules/app-channel/promotion-rules"
import { GROUP_ORDER_TIER_RULE_ATTRIBUTE } from "../modules/group-order/promotion-rules"

/** The promotion context keys the rule attributes (`<key>.<field>`) read. */
const GROUP_ORDER_CONTEXT = GROUP_ORDER_TIER_RULE_ATTRIBUTE.split(".")[0]
const APP_SESSION_CONTEXT = APP_SESSION_RULE_ATTRIBUTE.split(".")[0]

/** The `updateCartPromotionsWorkflow.setPromotionContext` handler. */
export async function dropPromotionContext({ cart }: { cart: unknown }, { container }: { container: MedusaContainer }) {
  const features = enabledFeatures(container)
  const context: Record<string, unknown> = {}
  const c = cart as {
    id?: string
    sales_channel_id?: string | null
    currency_code?: string | null
    region_id?: string | null
    metadata?: Record<string, unknown> | null
    items?: { product_id?: string | null; product?: { id: string } | null; variant_id?: string | null; quantity: number | string }[] | null
  }
  const code = c?.metadata?.[CART_GROUP_KEY]
  if (features.group_orders && typeof code === "string" && code) {
    const group = await findGroupByCode(container, code)
    if (group && !joinProblem(group, c)) {
      const lines = (c.items ?? []).map((item) => ({
        product_id: item.product_id ?? item.product?.id,
        variant_id: item.variant_id,
        quantity: item.quantity,
      }))
      const { tier } = tierFor(group.paid_units + eligibleUnits(group.campaign, lines), group.campaign.tiers)
      if (tier > 0) context[GROUP_ORDER_CONTEXT] = { tier: tierRuleValue(group.id, tier) }
    }
  }
  if (features.app_promotions && c?.id && c.sales_channel_id) {
    const session = await appChannels(container).liveSessionOfCart(c.id)
    if (session && session.sales_channel_id === c.sales_channel_id) context[APP_SESSION_CONTEXT] = { verified: APP_SESSION_VERIFIED }
  }
  return new StepResponse(context)
}
