import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GROUP_ORDER_MODULE } from "../modules/group-order"
import type GroupOrderModuleService from "../modules/group-order/service"
import { groupPlace } from "../checkout/reservations"
import { staleBefore } from "../lib/stale-reservations"
import { settleGroupOrderWorkflow } from "../workflows/group-order/settle-group-order"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 5 minutes: tidies memberships a crashed checkout left reserved
 * (attached to their order if it exists, given back otherwise), then settles
 * every open group whose campaign deadline has passed and retries groups a
 * previous run left settling (a refund failed, or the run died). Everything is
 * idempotent, so overlapping runs refund nobody twice.
 */
export default async function settleDueGroupOrders(container: MedusaContainer) {
  if (!enabledFeatures(container).group_orders) return
  await runGroupSettlement(container)
}

export async function runGroupSettlement(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const { reattached, freed } = await groupPlace.tidy(container, staleBefore(now))

  const due = await groups.listGroupOrders({
    $or: [{ status: "settling" }, { status: "open", campaign: { ends_at: { $lte: now } } }],
  })
  const results = { settled: 0, still_settling: 0, refunded: 0, reattached, freed }
  for (const group of due) {
    try {
      const { result } = await settleGroupOrderWorkflow(container).run({ input: { group_id: group.id } })
      if (result.group.status === "settled") results.settled++
      else results.still_settling++
      results.refunded += result.outcome.refunded
    } catch (error) {
      results.still_settling++
      logger.error(`Settling group ${group.code} failed: ${(error as Error).message}`)
    }
  }
  if (due.length) logger.info(`group orders: ${results.settled} settled, ${results.still_settling} still settling, ${results.refunded} refunds`)
  return results
}

export const config = { name: "settle-due-group-orders", schedule: jobSchedule("*/5 * * * *") }
