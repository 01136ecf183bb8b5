import { ContainerRegistrationKeys, MedusaError, Modules, PromotionStatus } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import { newGroupCode, tierPromotionCode } from "../../../modules/group-order/lib/code"
import type GroupOrderModuleService from "../../../modules/group-order/service"
import { tierRuleValue } from "../../../queries/group-order"
import { GROUP_ORDER_TIER_RULE_ATTRIBUTE } from "../../../modules/group-order/promotion-rules"

/**
 * Checks the campaign is open for new groups. A customer leads at most one
 * open group per campaign: starting again returns that group (`existing`).
 */
export const validateGroupStartStep = createStep(
  "validate-group-start",
  async (input: { campaign_id: string; customer_id: string }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const [campaign] = await groups.listGroupCampaigns({ id: input.campaign_id })
    if (!campaign) throw new MedusaError(MedusaError.Types.NOT_FOUND, `campaign_id: no group campaign ${input.campaign_id}`)
    const now = new Date()
    if (campaign.status !== "active" || now >= new Date(campaign.ends_at)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${campaign.title}" is closed: its deadline was ${new Date(campaign.ends_at).toISOString()}.`)
    }
    if (now < new Date(campaign.starts_at)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `"${campaign.title}" opens for groups on ${new Date(campaign.starts_at).toISOString()}.`)
    }
    const [existing] = await groups.listGroupOrders({ campaign_id: campaign.id, leader_customer_id: input.customer_id, status: ["open"] })
    return new StepResponse({ campaign, existing: existing ?? null })
  }
)

/**
 * A new group with a fresh code (a collision, ≈1 in 10¹¹, just draws again).
 * `code` fixes the code instead (the demo seed's known group).
 */
export const createGroupStep = createStep(
  "create-group",
  async (input: { campaign_id: string; customer_id: string; code?: string }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    for (let attempt = 0; ; attempt++) {
      const code = input.code ?? newGroupCode()
      const [taken] = await groups.listGroupOrders({ code }, { select: ["id"], withDeleted: true })
      if (taken && !input.code && attempt < 5) continue
      let group
      try {
        group = await groups.createGroupOrders({
          campaign_id: input.campaign_id,
          code,
          leader_customer_id: input.customer_id,
          status: "open",
          promotions: [] as any,
        })
      } catch (error) {
        // A parallel start by the same fan won the one-open-group-per-leader index: theirs is the group.
        const [open] = await groups.listGroupOrders({ campaign_id: input.campaign_id, leader_customer_id: input.customer_id, status: ["open"] })
        if (!open) throw error
        return new StepResponse({ ...open, reused: true }, undefined)
      }
      return new StepResponse({ ...group, reused: false }, group.id)
    }
  },
  async (id, { container }) => {
    if (!id) return
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    await groups.deleteGroupOrders([id])
  }
)

/**
 * One automatic Medusa promotion per tier, in the campaign's Medusa campaign:
 * percentage off the eligible lines, applied only when the cart's promotion
 * context says this group is at this tier (see the setPromotionContext hook).
 * They are ordinary promotions, so adjustments, taxes, refunds and reports
 * treat the group discount like any other.
 */
export const createTierPromotionsStep = createStep(
  "create-group-tier-promotions",
  async (input: { group_id: string; code: string; campaign_id: string; reused?: boolean }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    // The group a parallel start created: that start makes its promotions.
    if (input.reused) return new StepResponse(await groups.retrieveGroupOrder(input.group_id), [] as string[])
    const promotions = container.resolve(Modules.PROMOTION)
    const campaign = await groups.retrieveGroupCampaign(input.campaign_id)
    const productIds = (campaign.product_ids as unknown as string[]) ?? []
    let variantIds = (campaign.variant_ids as unknown as string[]) ?? []
    if (productIds.length && variantIds.length) {
      // Both given: one rule over the union, as variants (target rules are ANDed).
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: productIds } })
      variantIds = [...new Set([...variantIds, ...data.map((v: any) => v.id)])]
    }
    const targetRule = variantIds.length
      ? { attribute: "items.variant_id", operator: "in" as const, values: variantIds }
      : { attribute: "items.product.id", operator: "in" as const, values: productIds }
    const tiers = campaign.tiers as unknown as { min_units: number; percent: number }[]
    const created = await promotions.createPromotions(
      tiers.map((tier, i) => ({
        code: tierPromotionCode(input.code, i + 1),
        type: "standard" as const,
        status: PromotionStatus.ACTIVE,
        is_automatic: true,
        campaign_id: campaign.promotion_campaign_id ?? undefined,
        rules: [{ attribute: GROUP_ORDER_TIER_RULE_ATTRIBUTE, operator: "eq" as const, values: [tierRuleValue(input.group_id, i + 1)] }],
        application_method: {
          type: "percentage" as const,
          target_type: "items" as const,
          // Percent off each eligible unit (exact per line); every unit counts.
          allocation: "each" as const,
          max_quantity: campaign.max_units_per_member ?? 1_000_000,
          value: tier.percent,
          target_rules: [targetRule],
        },
      }))
    )
    const byCode = new Map(created.map((p) => [p.code, p.id]))
    const list = tiers.map((tier, i) => ({
      tier: i + 1,
      percent: tier.percent,
      code: tierPromotionCode(input.code, i + 1),
      promotion_id: byCode.get(tierPromotionCode(input.code, i + 1))!,
    }))
    const group = await groups.updateGroupOrders({ id: input.group_id, promotions: list as any })
    return new StepResponse(group, created.map((p) => p.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve(Modules.PROMOTION).deletePromotions(ids)
  }
)

/** Turns a group's tier promotions on or off (settled and cancelled groups give no more discounts). */
export const setGroupPromotionsStatusStep = createStep(
  "set-group-promotions-status",
  async (input: { promotion_ids: string[]; status: PromotionStatus }, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    if (!input.promotion_ids.length) return new StepResponse(undefined, null)
    const before = await promotions.listPromotions({ id: input.promotion_ids }, { select: ["id", "status"] })
    await promotions.updatePromotions(input.promotion_ids.map((id) => ({ id, status: input.status })))
    return new StepResponse(undefined, before.map((p) => ({ id: p.id, status: p.status })))
  },
  async (before, { container }) => {
    if (!before?.length) return
    await container.resolve(Modules.PROMOTION).updatePromotions(before)
  }
)
