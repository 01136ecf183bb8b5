import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"
import { customerPreorder } from "../../../../serializers/preorder"

/** GET /store/customers/me/preorders: the logged-in customer's pre-ordered lines. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems(
    { customer_id: req.auth_context.actor_id, status: ["pending", "ready", "cancelled"] },
    { relations: ["plan"], order: { created_at: "DESC" }, take: 200 }
  )
  res.json({ preorders: items.map(customerPreorder) })
}
