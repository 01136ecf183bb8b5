import { progressOf, type Tier } from "../../modules/group-order/lib/tiers"

/** A group's progress as fans and staff see it: never names, emails or orders. */
export function groupProgress(group: any) {
  const campaign = group.campaign ?? {}
  const tiers = (campaign.tiers ?? []) as Tier[]
  const progress = progressOf(group.paid_units, tiers)
  return {
    code: group.code,
    status: group.status,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      description: campaign.description ?? null,
      tiers,
      starts_at: campaign.starts_at,
      ends_at: campaign.ends_at,
      max_members: campaign.max_members ?? null,
      max_units_per_member: campaign.max_units_per_member ?? null,
      currency_code: campaign.currency_code,
    },
    deadline: campaign.ends_at,
    units: group.paid_units,
    member_count: group.member_count,
    ...progress,
    final_tier: group.final_tier ?? null,
    final_percent: group.final_percent !== null && group.final_percent !== undefined ? Number(group.final_percent) : null,
    settled_at: group.settled_at ?? null,
  }
}

/** The admin's view of a group: progress plus ids and counters. */
export function adminGroup(group: any) {
  return {
    id: group.id,
    campaign_id: group.campaign_id ?? group.campaign?.id,
    leader_customer_id: group.leader_customer_id,
    held_units: group.held_units,
    promotions: group.promotions,
    settlement: group.settlement ?? null,
    cancelled_at: group.cancelled_at ?? null,
    created_at: group.created_at,
    ...groupProgress(group),
  }
}

export function adminCampaign(campaign: any, stats?: { groups: number; open_groups: number; paid_units: number; members: number }) {
  const { groups: _groups, ...fields } = campaign
  return { ...fields, stats: stats ?? null }
}
