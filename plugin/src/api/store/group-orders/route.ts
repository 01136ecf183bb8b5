import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startGroupOrderWorkflow } from "../../../workflows/group-order/start-group-order"
import { findGroup } from "../../../queries/group-order"
import { groupProgress } from "../../serializers/group-order"
import type { StoreStartGroupOrderType } from "../../schemas/group-order"

/** POST /store/group-orders: a logged-in customer starts a group (or gets back their open one) and its code to share. */
export async function POST(req: AuthenticatedMedusaRequest<StoreStartGroupOrderType>, res: MedusaResponse) {
  const { result } = await startGroupOrderWorkflow(req.scope).run({
    input: { campaign_id: req.validatedBody.campaign_id, customer_id: req.auth_context.actor_id },
  })
  res.status(201).json({ group_order: groupProgress(await findGroup(req.scope, result.id)) })
}
