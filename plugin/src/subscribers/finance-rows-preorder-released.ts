import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { queueFinanceRowsRefresh } from "../lib/finance-report/sync-finance-rows"
import { PREORDER_RELEASED_EVENT } from "../modules/preorder/events"

/** preorder.released → the released lines' status (and so the pre-order liability) of their orders. */
export default async function financeRowsPreorderReleased({ event, container }: SubscriberArgs<{ plan_id: string; item_ids: string[] }>) {
  if (!enabledFeatures(container).finance_reports) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ id: event.data.item_ids }, { select: ["order_id"], take: null })
  const ids = [...new Set(items.map((i) => i.order_id))]
  await queueFinanceRowsRefresh(container, ids)
}

export const config: SubscriberConfig = { event: PREORDER_RELEASED_EVENT, context: { subscriberId: "finance-rows-preorder-released" } }
