import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import { normalizeCode } from "../modules/group-order/lib/code"
import type { Tier } from "../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../modules/group-order/service"

/** The value of the tier rule (`group_order.tier`, modules/group-order/promotion-rules.ts) our setPromotionContext hook fills. */
export const tierRuleValue = (groupId: string, tier: number) => `${groupId}:T${tier}`

/** Where a cart keeps the group it joined. */
export const CART_GROUP_KEY = "group_order_code"

export type CampaignScope = {
  id: string
  title: string
  status: string
  product_ids: string[]
  variant_ids: string[]
  tiers: Tier[]
  starts_at: Date | string
  ends_at: Date | string
  max_units_per_member: number | null
  max_members: number | null
  currency_code: string
  region_id: string | null
}

export type GroupWithCampaign = {
  id: string
  code: string
  status: "open" | "settling" | "settled" | "cancelled"
  paid_units: number
  held_units: number
  member_count: number
  final_tier: number | null
  final_percent: number | null
  promotions: { tier: number; percent: number; promotion_id: string; code: string }[]
  campaign: CampaignScope
}

type CartLine = { product_id?: string | null; variant_id?: string | null; quantity: number | string }

/** Whether a line counts for the campaign: its product or its variant is eligible. */
export const isEligible = (campaign: Pick<CampaignScope, "product_ids" | "variant_ids">, line: CartLine) =>
  Boolean(
    (line.product_id && (campaign.product_ids ?? []).includes(line.product_id)) ||
      (line.variant_id && (campaign.variant_ids ?? []).includes(line.variant_id))
  )

/** Units of a cart or order the campaign counts. */
export const eligibleUnits = (campaign: Pick<CampaignScope, "product_ids" | "variant_ids">, lines: CartLine[]) =>
  lines.filter((line) => isEligible(campaign, line)).reduce((sum, line) => sum + Number(line.quantity), 0)

export async function findGroupByCode(container: MedusaContainer, code: string): Promise<GroupWithCampaign | null> {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const [group] = await groups.listGroupOrders({ code: normalizeCode(code) }, { relations: ["campaign"], take: 1 })
  return (group as unknown as GroupWithCampaign) ?? null
}

export async function findGroup(container: MedusaContainer, id: string): Promise<GroupWithCampaign> {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const [group] = await groups.listGroupOrders({ id }, { relations: ["campaign"], take: 1 })
  if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group order ${id} was not found`)
  return group as unknown as GroupWithCampaign
}

/** Why a cart cannot join (or check out in) the group right now, in fans' words; null when it can. */
export function joinProblem(
  group: GroupWithCampaign,
  cart: { currency_code?: string | null; region_id?: string | null },
  now = new Date()
): string | null {
  const campaign = group.campaign
  if (group.status === "cancelled") return `Group ${group.code} was cancelled and takes no new orders.`
  if (group.status !== "open") return `Group ${group.code} has closed: its deadline has passed.`
  if (now >= new Date(campaign.ends_at)) {
    return `Group ${group.code} closed at its deadline, ${new Date(campaign.ends_at).toISOString()}.`
  }
  if (now < new Date(campaign.starts_at)) return `Group ${group.code} opens on ${new Date(campaign.starts_at).toISOString()}.`
  if (cart.currency_code && cart.currency_code.toLowerCase() !== campaign.currency_code.toLowerCase()) {
    return `Group ${group.code} is for ${campaign.currency_code.toUpperCase()} carts; this cart is in ${cart.currency_code.toUpperCase()}.`
  }
  if (campaign.region_id && cart.region_id && cart.region_id !== campaign.region_id) {
    return `Group ${group.code} is not available in this cart's region.`
  }
  return null
}

export type GroupCart = {
  id: string
  email: string | null
  customer_id: string | null
  currency_code: string
  region_id: string | null
  completed_at: string | null
  metadata: Record<string, unknown> | null
  items: { id: string; product_id: string | null; variant_id: string | null; quantity: number; adjustments?: { code: string | null; amount: number }[] }[]
}

export async function loadGroupCart(container: MedusaContainer, cartId: string): Promise<GroupCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id", "email", "customer_id", "currency_code", "region_id", "completed_at", "metadata",
      "items.id", "items.product_id", "items.variant_id", "items.quantity", "items.adjustments.code", "items.adjustments.amount",
    ],
    filters: { id: cartId },
  })
  return (data[0] as unknown as GroupCart) ?? null
}

/** The highest group tier whose promotion a cart's lines carry (0: none). */
export function appliedTier(groupCode: string, items: GroupCart["items"]): number {
  const pattern = new RegExp(`^${groupCode}-T(\\d+)$`)
  let tier = 0
  for (const item of items) {
    for (const adjustment of item.adjustments ?? []) {
      const match = adjustment.code?.match(pattern)
      if (match) tier = Math.max(tier, Number(match[1]))
    }
  }
  return tier
}
