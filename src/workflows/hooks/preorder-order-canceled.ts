/**
 * An order cancelled through Medusa (admin "Cancel order", cancelOrderWorkflow,
 * which also refunds its captured payments) cancels its pre-order items and
 * frees their cap units, per-customer units and benefits.
 */
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"

cancelOrderWorkflow.hooks.orderCanceled(async ({ order }, { container }) => {
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ order_id: order.id }, { select: ["id"] })
  await preorders.returnUnits(
    items.map((i) => i.id),
    { fromStatuses: ["reserved", "pending", "ready"], reason: "order cancelled" }
  )
})
