import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closeGroupCampaignWorkflow } from "../../../../../workflows/group-order/manage-group-campaigns"
import { adminCampaign } from "../../../../serializers/group-order"

/** POST /admin/group-campaigns/:id/close: no new groups or joins; its groups settle at the next settlement run. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await closeGroupCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ group_campaign: adminCampaign(result) })
}
