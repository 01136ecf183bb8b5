import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { enabledFeatures } from "../hooks/features"
import { notifyCustomers } from "../lib/notify"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import type GroupOrderModuleService from "../modules/group-order/service"
import { GROUP_ORDER_SETTLED_EVENT, GROUP_ORDER_TIER_REACHED_EVENT } from "../modules/group-order/events"

/**
 * group_order.tier_reached → every paying member hears the group's new tier once;
 * group_order.settled → every member hears the final tier and their refund.
 */
export default async function groupOrderNotifications({
  event,
  container,
}: SubscriberArgs<{ id: string; code?: string; tier?: number; percent?: number }>) {
  if (!enabledFeatures(container).group_orders) return
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const group = await groups.retrieveGroupOrder(event.data.id, { relations: ["campaign"] })
  const purchases = await groups.listGroupPurchases({ group_id: group.id, status: ["placed"] })
  const byEmail = new Map<string, typeof purchases>()
  for (const p of purchases) byEmail.set(p.email, [...(byEmail.get(p.email) ?? []), p])
  const campaign = { id: group.campaign.id, title: group.campaign.title }

  if (event.name === GROUP_ORDER_TIER_REACHED_EVENT) {
    await notifyCustomers(
      container,
      "group-order-tier-reached",
      [...byEmail.keys()].map((email) => ({
        email,
        data: { code: group.code, campaign, tier: event.data.tier, percent: event.data.percent, units: group.paid_units },
      })),
      `group-order-tier-reached:${group.id}:${event.data.tier}`
    )
    return
  }
  await notifyCustomers(
    container,
    "group-order-settled",
    [...byEmail.entries()].map(([email, mine]) => ({
      email,
      data: {
        code: group.code,
        campaign,
        final_tier: group.final_tier,
        final_percent: Number(group.final_percent ?? 0),
        orders: mine.map((p) => ({ order_id: p.order_id, paid_percent: Number(p.paid_percent ?? 0), refund: p.refund_amount ?? "0" })),
      },
    })),
    `group-order-settled:${group.id}`
  )
}

export const config: SubscriberConfig = {
  event: [GROUP_ORDER_TIER_REACHED_EVENT, GROUP_ORDER_SETTLED_EVENT],
  context: { subscriberId: "comeback-group-order-notifications" },
}
