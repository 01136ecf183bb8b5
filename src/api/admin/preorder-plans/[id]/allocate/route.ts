import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import { allocateFirstComeFirstServed } from "../../../../../modules/preorder/lib/plan-state"
import type PreorderModuleService from "../../../../../modules/preorder/service"
import type { AdminAllocatePreorderPlanType } from "../../validators"

/**
 * POST /admin/preorder-plans/:id/allocate { received_quantity }: short supply.
 * Pending units are allocated first come, first served by order time; the
 * answer reports the shortfall and which orders are (partly) unallocated.
 * Re-running with a new quantity re-allocates from scratch.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAllocatePreorderPlanType>, res: MedusaResponse) {
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const [plan] = await preorders.listPreorderPlans({ id: req.params.id })
  if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${req.params.id} was not found`)
  const items = await preorders.listPreorderItems({ plan_id: plan.id, status: ["pending"] })
  const result = allocateFirstComeFirstServed(
    items.map((i) => ({ id: i.id, quantity: i.quantity, ordered_at: i.created_at as Date, order_id: i.order_id, email: i.email })),
    req.validatedBody.received_quantity
  )
  if (items.length) {
    await preorders.updatePreorderItems(result.allocations.map((a) => ({ id: a.item.id, allocated_units: a.allocated })))
  }
  await preorders.updatePreorderPlans({ id: plan.id, received_quantity: req.validatedBody.received_quantity })
  res.json({
    plan_id: plan.id,
    received_quantity: req.validatedBody.received_quantity,
    ordered_units: result.ordered,
    shortfall: result.shortfall,
    unallocated: result.allocations
      .filter((a) => a.allocated < a.item.quantity)
      .map((a) => ({ item_id: a.item.id, order_id: a.item.order_id, quantity: a.item.quantity, allocated: a.allocated })),
  })
}
