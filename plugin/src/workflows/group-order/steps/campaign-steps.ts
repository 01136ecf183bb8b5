import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import type { Tier } from "../../../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../../../modules/group-order/service"

export type GroupCampaignFields = {
  title: string
  description?: string | null
  product_ids?: string[]
  variant_ids?: string[]
  tiers: Tier[]
  starts_at: Date
  ends_at: Date
  max_units_per_member?: number | null
  max_members?: number | null
  currency_code: string
  region_id?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * Creates the campaign and, beside it, the Medusa promotion campaign that will
 * hold every group's tier promotions. Its dates are the campaign's, so Medusa
 * itself stops applying the discounts at the deadline.
 */
export const createGroupCampaignStep = createStep(
  "create-group-campaign",
  async (input: GroupCampaignFields, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const promotions = container.resolve(Modules.PROMOTION)
    // json columns hold arrays here; the generated types only know objects.
    const campaign = await groups.createGroupCampaigns({
      ...input,
      product_ids: (input.product_ids ?? []) as any,
      variant_ids: (input.variant_ids ?? []) as any,
      tiers: input.tiers as any,
      currency_code: input.currency_code.toLowerCase(),
      status: "active",
    })
    const [promotionCampaign] = await promotions.createCampaigns([
      {
        name: `Group orders: ${input.title}`,
        campaign_identifier: `group-campaign:${campaign.id}`,
        description: "Tier discounts of Comeback group orders (managed by the group-order module).",
        starts_at: input.starts_at,
        ends_at: input.ends_at,
      },
    ])
    const updated = await groups.updateGroupCampaigns({ id: campaign.id, promotion_campaign_id: promotionCampaign.id })
    return new StepResponse(updated, { id: campaign.id, promotion_campaign_id: promotionCampaign.id })
  },
  async (created, { container }) => {
    if (!created) return
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    await container.resolve(Modules.PROMOTION).deleteCampaigns([created.promotion_campaign_id])
    await groups.deleteGroupCampaigns([created.id])
  }
)

/**
 * Updates a campaign. Tiers and eligible products are fixed once a group
 * exists (its members paid by them); dates move the Medusa campaign too.
 */
export const updateGroupCampaignStep = createStep(
  "update-group-campaign",
  async (input: Partial<GroupCampaignFields> & { id: string; status?: "active" | "closed"; closed_at?: Date | null }, { container }) => {
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const previous = await groups.retrieveGroupCampaign(input.id)
    if (input.tiers || input.product_ids || input.variant_ids || input.currency_code) {
      const [, count] = await groups.listAndCountGroupOrders({ campaign_id: input.id }, { take: 1 })
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "tiers: a campaign's tiers, products and currency cannot change once a group exists; close it and start a new campaign"
        )
      }
    }
    const starts = input.starts_at ?? previous.starts_at
    const ends = input.ends_at ?? previous.ends_at
    if (new Date(ends) <= new Date(starts)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at: the deadline must be after starts_at")
    }
    const { id, ...fields } = input
    const updated = await groups.updateGroupCampaigns({
      id,
      ...(fields as any),
      ...(fields.currency_code ? { currency_code: fields.currency_code.toLowerCase() } : {}),
    })
    if (previous.promotion_campaign_id && (input.starts_at || input.ends_at)) {
      await container.resolve(Modules.PROMOTION).updateCampaigns({ id: previous.promotion_campaign_id, starts_at: starts, ends_at: ends })
    }
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const { id, title, description, status, product_ids, variant_ids, tiers, starts_at, ends_at, max_units_per_member, max_members, currency_code, region_id, closed_at } =
      previous
    await groups.updateGroupCampaigns({ id, title, description, status, product_ids, variant_ids, tiers, starts_at, ends_at, max_units_per_member, max_members, currency_code, region_id, closed_at })
    if (previous.promotion_campaign_id) {
      await container.resolve(Modules.PROMOTION).updateCampaigns({ id: previous.promotion_campaign_id, starts_at, ends_at })
    }
  }
)
