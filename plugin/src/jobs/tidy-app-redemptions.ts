import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { appOfferUses } from "../checkout/reservations"
import { staleBefore } from "../lib/stale-reservations"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 10 minutes: app-offer uses a crashed checkout left reserved are
 * attached to their order if it exists, or given back to the customer's and
 * device's limits. Idempotent.
 */
export default async function tidyAppRedemptions(container: MedusaContainer) {
  if (!enabledFeatures(container).app_promotions) return
  await runAppRedemptionMaintenance(container)
}

export async function runAppRedemptionMaintenance(container: MedusaContainer, now = new Date()) {
  const { stale, reattached, freed } = await appOfferUses.tidy(container, staleBefore(now))
  if (stale) container.resolve(ContainerRegistrationKeys.LOGGER).info(`app offers: re-attached ${reattached}, freed ${freed} stale use(s)`)
  return { reattached, freed }
}

export const config = { name: "tidy-app-redemptions", schedule: jobSchedule("*/10 * * * *") }
