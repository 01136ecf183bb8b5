import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelGroupOrderWorkflow } from "../../../../../workflows/group-order/settle-group-order"
import { findGroup } from "../../../../../queries/group-order"
import { adminGroup } from "../../../../serializers/group-order"

/** POST /admin/group-orders/:id/cancel: no further joins or discounts; members keep what they paid. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await cancelGroupOrderWorkflow(req.scope).run({ input: { group_id: req.params.id } })
  res.json({ group_order: adminGroup(await findGroup(req.scope, req.params.id)) })
}
