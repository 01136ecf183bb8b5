import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import type GroupOrderModuleService from "../../../modules/group-order/service"

/** GET /store/group-campaigns: campaigns fans can start a group in now, with their tiers and deadline. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const now = new Date()
  const campaigns = await groups.listGroupCampaigns(
    { status: ["active"], starts_at: { $lte: now }, ends_at: { $gt: now } },
    { order: { ends_at: "ASC" } }
  )
  res.json({
    group_campaigns: campaigns.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      product_ids: c.product_ids,
      variant_ids: c.variant_ids,
      tiers: c.tiers,
      starts_at: c.starts_at,
      ends_at: c.ends_at,
      max_units_per_member: c.max_units_per_member,
      max_members: c.max_members,
      currency_code: c.currency_code,
    })),
  })
}
