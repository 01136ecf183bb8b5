import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"
import { cancelPreorderItemWorkflow } from "../../../../../workflows/preorder/cancel-preorder-item"

/**
 * POST /admin/preorder-plans/:id/cancel-unallocated: after an allocation, every
 * pending item that got no units is cancelled and refunded in full. Items that
 * got part of their units are listed for staff to settle with the customer.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ plan_id: req.params.id, status: ["pending"] })
  const cancelled: { item_id: string; order_id: string | null; refunded: string }[] = []
  const failed: { item_id: string; error: string }[] = []
  for (const item of items.filter((i) => i.allocated_units === 0)) {
    try {
      const { result } = await cancelPreorderItemWorkflow(req.scope).run({
        input: { item_id: item.id, reason: "not enough units arrived for this pre-order" },
      })
      cancelled.push({ item_id: item.id, order_id: item.order_id, refunded: result.amount })
    } catch (error) {
      failed.push({ item_id: item.id, error: (error as Error).message })
    }
  }
  const partial = items
    .filter((i) => i.allocated_units !== null && i.allocated_units > 0 && i.allocated_units < i.quantity)
    .map((i) => ({ item_id: i.id, order_id: i.order_id, quantity: i.quantity, allocated: i.allocated_units }))
  res.json({ cancelled, failed, partially_allocated: partial })
}
