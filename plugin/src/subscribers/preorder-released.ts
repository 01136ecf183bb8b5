import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { PREORDER_MODULE } from "../modules/preorder"
import { notifyCustomers } from "../lib/notify"
import type PreorderModuleService from "../modules/preorder/service"
import { PREORDER_RELEASED_EVENT } from "../modules/preorder/events"

/** preorder.released → each customer whose items became ready to ship hears about it once. */
export default async function preorderReleased({ event, container }: SubscriberArgs<{ plan_id: string; item_ids: string[] }>) {
  if (!enabledFeatures(container).preorders) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems({ id: event.data.item_ids }, { relations: ["plan"] })
  const byEmail = new Map<string, typeof items>()
  for (const item of items) byEmail.set(item.email, [...(byEmail.get(item.email) ?? []), item])
  await notifyCustomers(
    container,
    "preorder-released",
    [...byEmail.entries()].map(([email, mine]) => ({
      email,
      data: {
        plan_id: event.data.plan_id,
        variant_id: mine[0].variant_id,
        release_date: new Date(mine[0].plan.release_date).toISOString(),
        orders: [...new Set(mine.map((i) => i.order_id))],
        units: mine.reduce((sum, i) => sum + i.quantity, 0),
      },
    })),
    `preorder-released:${event.data.plan_id}`
  )
}

export const config: SubscriberConfig = { event: PREORDER_RELEASED_EVENT }
