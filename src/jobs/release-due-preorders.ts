import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { attachPreorderItemsWorkflow } from "../workflows/preorder/attach-preorder-items"
import { releasePreorderPlanWorkflow } from "../workflows/preorder/release-preorder-plan"
import { orderIdOfCart, staleBefore } from "../lib/stale-reservations"
import { jobSchedule } from "../lib/job-schedule"


/**
 * Every 10 minutes: releases every active plan whose release date has come,
 * and tidies reservations a crashed checkout left behind (attaching them to
 * their order if the order exists, giving the units back otherwise). Every
 * part is idempotent, so overlapping or repeated runs change nothing twice.
 */
export default async function releaseDuePreorders(container: MedusaContainer) {
  await runPreorderMaintenance(container)
}

export async function runPreorderMaintenance(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const due = await preorders.listPreorderPlans({ status: ["active"], release_date: { $lte: now } })
  let released = 0
  for (const plan of due) {
    const { result } = await releasePreorderPlanWorkflow(container).run({ input: { plan_id: plan.id } })
    released += result.items.length
  }

  const stale = await preorders.listPreorderItems({ status: ["reserved"], created_at: { $lt: staleBefore(now) } })
  let reattached = 0
  let freed = 0
  for (const cartId of new Set(stale.map((i) => i.cart_id))) {
    const orderId = await orderIdOfCart(container, cartId)
    if (orderId) {
      const { result } = await attachPreorderItemsWorkflow(container).run({ input: { order_id: orderId } })
      reattached += result.length
    } else {
      const ids = stale.filter((i) => i.cart_id === cartId).map((i) => i.id)
      freed += (await preorders.returnUnits(ids, { fromStatuses: ["reserved"], reason: "checkout abandoned", remove: true })).length
    }
  }
  if (due.length || stale.length) {
    logger.info(`pre-orders: released ${due.length} plan(s) (${released} item(s)), re-attached ${reattached}, freed ${freed} stale reservation(s)`)
  }
  return { plans_released: due.length, items_released: released, reattached, freed }
}

export const config = {
  name: "release-due-preorders",
  schedule: jobSchedule("*/10 * * * *"),
}
