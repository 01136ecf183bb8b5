import type GroupOrderModuleService from "../../modules/group-order/service"

/** Per campaign: groups, open groups, paid units and members — what a campaign list's bars show. */
export async function campaignStats(groups: GroupOrderModuleService, campaignIds: string[]) {
  const stats: Record<string, { groups: number; open_groups: number; paid_units: number; members: number }> = {}
  for (const id of campaignIds) stats[id] = { groups: 0, open_groups: 0, paid_units: 0, members: 0 }
  if (!campaignIds.length) return stats
  const list = await groups.listGroupOrders(
    { campaign_id: campaignIds },
    { select: ["id", "campaign_id", "status", "paid_units", "member_count"] }
  )
  for (const g of list) {
    const s = stats[g.campaign_id]
    s.groups++
    if (g.status === "open") s.open_groups++
    s.paid_units += g.paid_units
    s.members += g.member_count
  }
  return stats
}
