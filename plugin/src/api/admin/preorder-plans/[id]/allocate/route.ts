import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { allocatePreorderPlanWorkflow } from "../../../../../workflows/preorder/allocate-preorder-plan"
import type { AdminAllocatePreorderPlanType } from "../../../../schemas/preorder"

/**
 * POST /admin/preorder-plans/:id/allocate { received_quantity }: short supply.
 * Pending units are allocated first come, first served by order time; the
 * answer reports the shortfall and which orders are (partly) unallocated.
 * Re-running with a new quantity re-allocates from scratch.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAllocatePreorderPlanType>, res: MedusaResponse) {
  const received = req.validatedBody.received_quantity
  const { result } = await allocatePreorderPlanWorkflow(req.scope).run({ input: { plan_id: req.params.id, received_quantity: received } })
  res.json({
    plan_id: req.params.id,
    received_quantity: received,
    ordered_units: result.ordered,
    shortfall: result.shortfall,
    unallocated: result.allocations
      .filter((a) => a.allocated < a.item.quantity)
      .map((a) => ({ item_id: a.item.id, order_id: a.item.order_id, quantity: a.item.quantity, allocated: a.allocated })),
  })
}
