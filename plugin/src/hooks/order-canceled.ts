/**
 * An order cancelled through Medusa (admin "Cancel order", cancelOrderWorkflow,
 * which also refunds its captured payments). One handler per hook, so:
 * - its pre-order items are cancelled, freeing cap units, per-customer units and benefits;
 * - its group purchase leaves the group's count (before settlement; a settled
 *   group's final tier does not change);
 * - its app-offer uses are given back to the customer's and device's limits.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import type GroupOrderModuleService from "../modules/group-order/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { appChannels } from "../queries/app-channel"

/** The `cancelOrderWorkflow.orderCanceled` handler. Every feature gives back, whether or not it is enabled now. */
export async function releaseCancelledOrder({ order }: { order: { id: string } }, { container }: { container: MedusaContainer }) {
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ order_id: order.id }, { select: ["id"] })
  await preorders.returnUnits(
    items.map((i) => i.id),
    { fromStatuses: ["reserved", "pending", "ready"], reason: "order cancelled" }
  )

  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const purchases = await groups.listGroupPurchases({ order_id: order.id }, { relations: ["group"] })
  const open = purchases.filter((p) => (p as { group?: { status?: string } | null }).group?.status === "open")
  await groups.releasePurchases(open.map((p) => p.id), { fromStatuses: ["placed", "reserved"] })

  const redemptions = await appChannels(container).listAppRedemptions({ order_id: order.id }, { select: ["id"] })
  await appChannels(container).releaseRedemptions(redemptions.map((r) => r.id), { fromStatuses: ["placed"] })
}
