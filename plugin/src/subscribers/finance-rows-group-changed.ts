import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import type GroupOrderModuleService from "../modules/group-order/service"
import { queueFinanceRowsRefresh } from "../lib/finance-report/sync-finance-rows"
import { GROUP_ORDER_CANCELED_EVENT, GROUP_ORDER_SETTLED_EVENT } from "../modules/group-order/events"

/** group_order.settled / cancelled → the group's orders get their final tier (and settlement refunds). */
export default async function financeRowsGroupChanged({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!enabledFeatures(container).finance_reports) return
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const purchases = await groups.listGroupPurchases({ group_id: event.data.id }, { select: ["order_id"], take: null })
  const ids = purchases.map((p: any) => p.order_id)
  await queueFinanceRowsRefresh(container, ids)
}

export const config: SubscriberConfig = {
  event: [GROUP_ORDER_SETTLED_EVENT, GROUP_ORDER_CANCELED_EVENT],
  context: { subscriberId: "finance-rows-group-changed" },
}
