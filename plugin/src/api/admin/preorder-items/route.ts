import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../modules/preorder"
import { planState } from "../../../modules/preorder/lib/plan-state"
import type PreorderModuleService from "../../../modules/preorder/service"
import type { AdminListOrderPreorderItemsType } from "../../schemas/drops"

/**
 * GET /admin/preorder-items?order_id=: an order's pre-ordered lines with their
 * plan's release date and state: what ships at release (the order page widget).
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListOrderPreorderItemsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ order_id: q.order_id }, { relations: ["plan"], order: { created_at: "ASC", id: "ASC" } })
  const now = new Date()
  res.json({
    preorder_items: items.map(({ plan, ...item }) => ({
      ...item,
      plan: plan && {
        id: plan.id,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        status: plan.status,
        state: planState(plan, now) ?? plan.status,
        release_date: plan.release_date,
        original_release_date: plan.original_release_date,
        estimated_ship_date: plan.estimated_ship_date,
        benefit_note: plan.benefit_note,
      },
    })),
  })
}
