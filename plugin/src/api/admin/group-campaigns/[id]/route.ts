import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_ORDER_MODULE } from "../../../../modules/group-order"
import type GroupOrderModuleService from "../../../../modules/group-order/service"
import { updateGroupCampaignWorkflow } from "../../../../workflows/group-order/manage-group-campaigns"
import { adminCampaign } from "../../../serializers/group-order"
import { campaignStats } from "../../../utils/campaign-stats"
import type { AdminUpdateGroupCampaignType } from "../../../schemas/group-order"

/** GET /admin/group-campaigns/:id, with its group counts. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const campaign = await groups.retrieveGroupCampaign(req.params.id)
  const stats = await campaignStats(groups, [campaign.id])
  res.json({ group_campaign: adminCampaign(campaign, stats[campaign.id]) })
}

/** POST /admin/group-campaigns/:id: update; tiers, products and currency are fixed once a group exists. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateGroupCampaignType>, res: MedusaResponse) {
  const { result } = await updateGroupCampaignWorkflow(req.scope).run({ input: { id: req.params.id, ...(req.validatedBody) } })
  res.json({ group_campaign: adminCampaign(result) })
}
