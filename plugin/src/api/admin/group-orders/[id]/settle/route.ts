import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { settleGroupOrderWorkflow } from "../../../../../workflows/group-order/settle-group-order"
import { findGroup } from "../../../../../queries/group-order"
import { adminGroup } from "../../../../serializers/group-order"

/**
 * POST /admin/group-orders/:id/settle: settle now (before the deadline too).
 * Safe to repeat: a settled group is returned as it is; a group left settling
 * by a failed refund retries only what is not yet refunded.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const before = await findGroup(req.scope, req.params.id)
  if (before.status === "cancelled") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Group ${before.code} was cancelled; there is nothing to settle`)
  }
  const { result } = await settleGroupOrderWorkflow(req.scope).run({ input: { group_id: req.params.id } })
  const group = await findGroup(req.scope, req.params.id)
  res.json({ group_order: adminGroup(group), outcome: result.outcome })
}
