import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"

/** The fan's view of one pre-ordered line. */
export function customerPreorder(item: any) {
  const delayed = new Date(item.release_date).getTime() > new Date(item.ordered_release_date).getTime()
  return {
    id: item.id,
    order_id: item.order_id,
    order_line_item_id: item.order_line_item_id,
    variant_id: item.variant_id,
    quantity: item.quantity,
    status: item.status,
    release_date: item.release_date,
    ordered_release_date: item.ordered_release_date,
    delayed,
    can_cancel: delayed && item.status === "pending",
    benefit_units: item.benefit_units,
    benefit: item.benefit_units > 0 ? item.plan?.benefit_note ?? null : null,
    cancelled_at: item.cancelled_at,
    cancel_reason: item.cancel_reason,
  }
}

/** GET /store/customers/me/preorders: the logged-in customer's pre-ordered lines. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems(
    { customer_id: req.auth_context.actor_id, status: ["pending", "ready", "cancelled"] },
    { relations: ["plan"], order: { created_at: "DESC" }, take: 200 }
  )
  res.json({ preorders: items.map(customerPreorder) })
}
