import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { findGroupByCode } from "../../../../../queries/group-order"
import { adminGroup } from "../../../../serializers/group-order"

/**
 * GET /admin/promotions/:id/group-order: the group (and tier) a promotion is a
 * tier discount of, or `group_order: null` for any other promotion. Found by
 * the tier code (`<CODE>-T<n>`, the group code's unique index) and confirmed by
 * the group's own list of promotion ids.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const promotion = await req.scope.resolve(Modules.PROMOTION).retrievePromotion(req.params.id, { select: ["id", "code"] })
  const match = promotion.code?.match(/^([A-Z0-9]+)-T(\d+)$/)
  const group = match ? await findGroupByCode(req.scope, match[1]) : null
  const tier = group?.promotions?.find((p) => p.promotion_id === promotion.id)
  if (!group || !tier) return res.json({ group_order: null, tier: null })
  res.json({
    group_order: { ...adminGroup(group), campaign_title: group.campaign.title },
    tier: { tier: tier.tier, percent: tier.percent, min_units: group.campaign.tiers[tier.tier - 1]?.min_units ?? null, of: group.campaign.tiers.length },
  })
}
