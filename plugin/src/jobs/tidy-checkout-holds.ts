import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkoutSettings } from "../lib/checkout-line"
import { preorderUnits } from "../checkout/reservations"

/**
 * Every minute: pre-order units admitted at checkout for a cart that never
 * became an order within COMEBACK_CHECKOUT_HOLD_S (default 3 minutes) go back
 * on sale, so a drop's last units are not lost to a fan who left a busy line
 * or to a crashed server. (The 10-minute pre-order job does the same with the
 * 30-minute horizon every checkout reservation has.)
 */
export default async function tidyCheckoutHoldsJob(container: MedusaContainer) {
  if (!enabledFeatures(container).preorders) return
  await tidyCheckoutHolds(container)
}

export async function tidyCheckoutHolds(container: MedusaContainer, now = new Date()) {
  const { holdMs } = checkoutSettings()
  const { stale, reattached, freed } = await preorderUnits.tidy(container, new Date(now.getTime() - holdMs))
  if (stale) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`checkout holds: re-attached ${reattached}, freed ${freed} expired hold(s)`)
  }
  return { reattached, freed }
}

export const config = {
  name: "tidy-checkout-holds",
  schedule: "* * * * *",
}
