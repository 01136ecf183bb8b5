import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderIdOfCart, staleBefore } from "../lib/stale-reservations"
import { attachAppRedemptions } from "../workflows/app-channel/attach-app-redemptions"
import { appChannels } from "../workflows/app-channel/app-context"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 10 minutes: app-offer uses a crashed checkout left reserved are
 * attached to their order if it exists, or given back to the customer's and
 * device's limits. Idempotent.
 */
export default async function tidyAppRedemptions(container: MedusaContainer) {
  await runAppRedemptionMaintenance(container)
}

export async function runAppRedemptionMaintenance(container: MedusaContainer, now = new Date()) {
  const service = appChannels(container)
  const stale = await service.listAppRedemptions({ status: ["reserved"], created_at: { $lt: staleBefore(now) } })
  let reattached = 0
  let freed = 0
  for (const cartId of new Set(stale.map((r) => r.cart_id))) {
    const orderId = await orderIdOfCart(container, cartId)
    if (orderId) {
      await attachAppRedemptions(container, orderId)
      reattached++
    } else {
      const ids = stale.filter((r) => r.cart_id === cartId).map((r) => r.id)
      freed += (await service.releaseRedemptions(ids, { fromStatuses: ["reserved"], remove: true })).length
    }
  }
  if (stale.length) container.resolve(ContainerRegistrationKeys.LOGGER).info(`app offers: re-attached ${reattached}, freed ${freed} stale use(s)`)
  return { reattached, freed }
}

export const config = { name: "tidy-app-redemptions", schedule: jobSchedule("*/10 * * * *") }
