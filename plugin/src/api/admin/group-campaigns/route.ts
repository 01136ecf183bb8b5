import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import type GroupOrderModuleService from "../../../modules/group-order/service"
import { createGroupCampaignWorkflow } from "../../../workflows/group-order/manage-group-campaigns"
import { asArray } from "../../utils/validate"
import { adminCampaign } from "../../serializers/group-order"
import { campaignStats } from "../../utils/campaign-stats"
import type { AdminCreateGroupCampaignType, AdminListGroupCampaignsType } from "../../schemas/group-order"

/** GET /admin/group-campaigns: filter by status or title; paginated, with each campaign's group counts. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListGroupCampaignsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = asArray(q.status)
  if (q.q) filters.title = { $ilike: `%${q.q}%` }
  const field = q.order.replace("-", "")
  const [campaigns, count] = await groups.listAndCountGroupCampaigns(filters, {
    skip: q.offset,
    take: q.limit,
    order: { [field]: q.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
  })
  const stats = await campaignStats(groups, campaigns.map((c) => c.id))
  res.json({ group_campaigns: campaigns.map((c) => adminCampaign(c, stats[c.id])), count, limit: q.limit, offset: q.offset })
}

/** POST /admin/group-campaigns: a campaign with its tiers, products, window and limits. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateGroupCampaignType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createGroupCampaignWorkflow(req.scope).run({
    input: { ...body, starts_at: body.starts_at ?? new Date() },
  })
  res.status(201).json({ group_campaign: adminCampaign(result) })
}
