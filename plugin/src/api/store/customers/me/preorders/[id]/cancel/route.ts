import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../../../modules/preorder/service"
import { cancelPreorderItemWorkflow } from "../../../../../../../workflows/preorder/cancel-preorder-item"
import { customerPreorder } from "../../../../../../serializers/preorder"

/**
 * POST /store/customers/me/preorders/:id/cancel: after a delay the fan may
 * cancel a pending pre-order for a full refund of its line.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await cancelPreorderItemWorkflow(req.scope).run({
    input: { item_id: req.params.id, customer_id: req.auth_context.actor_id, reason: "cancelled by the customer after a delay" },
  })
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const [item] = await preorders.listPreorderItems({ id: req.params.id }, { relations: ["plan"] })
  res.json({ preorder: customerPreorder(item), refunded_amount: result.amount })
}
