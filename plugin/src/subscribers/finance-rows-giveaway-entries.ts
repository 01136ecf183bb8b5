import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GIVEAWAY_ENTRIES_EARNED_EVENT } from "../modules/giveaway/events"
import { queueFinanceRowsRefresh } from "../lib/finance-report/sync-finance-rows"
import { enabledFeatures } from "../hooks/features"

/** giveaway.entries_earned → the order's giveaway entries. (Voids have no event: the refresh job catches them.) */
export default async function financeRowsGiveawayEntries({ event, container }: SubscriberArgs<{ order_id: string }>) {
  if (!enabledFeatures(container).finance_reports) return
  await queueFinanceRowsRefresh(container, [event.data.order_id])
}

export const config: SubscriberConfig = { event: GIVEAWAY_ENTRIES_EARNED_EVENT, context: { subscriberId: "finance-rows-giveaway-entries" } }
