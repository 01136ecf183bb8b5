import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { PREORDER_MODULE } from "../modules/preorder"
import { notifyCustomers } from "../lib/notify"
import { loadOrderLines, stampPreorderLines } from "../modules/preorder/lib/order-lines"
import type PreorderModuleService from "../modules/preorder/service"
import { PREORDER_RELEASE_DATE_CHANGED_EVENT } from "../modules/preorder/events"

type Changed = { plan_id: string; old_release_date: string; new_release_date: string; delayed: boolean; reason: string | null }

/**
 * preorder.release_date_changed → every customer with a pending item is told
 * the old and new date (and, on a delay, that they may cancel for a full
 * refund), and each order line's metadata shows the new date.
 */
export default async function preorderReleaseDateChanged({ event, container }: SubscriberArgs<Changed>) {
  if (!enabledFeatures(container).preorders) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ plan_id: event.data.plan_id, status: ["pending"] })
  await stampPreorderLines(
    container,
    await loadOrderLines(container, items.map((i) => i.order_id!).filter(Boolean)),
    Object.fromEntries(items.filter((i) => i.order_line_item_id).map((i) => [i.order_line_item_id!, { release_date: event.data.new_release_date }]))
  )
  const emails = [...new Set(items.map((i) => i.email))]
  await notifyCustomers(
    container,
    "preorder-release-date-changed",
    emails.map((email) => ({
      email,
      data: {
        ...event.data,
        items: items.filter((i) => i.email === email).map((i) => ({ id: i.id, order_id: i.order_id, quantity: i.quantity })),
        can_cancel: event.data.delayed,
      },
    })),
    `preorder-date:${event.data.plan_id}:${event.data.new_release_date}`
  )
}

export const config: SubscriberConfig = { event: PREORDER_RELEASE_DATE_CHANGED_EVENT }
