import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { preorderUnits } from "../checkout/reservations"
import { finishClaimedPreorderRefundWorkflow } from "../workflows/preorder/finish-claimed-refund"
import { releasePreorderPlanWorkflow } from "../workflows/preorder/release-preorder-plan"
import { staleBefore } from "../lib/stale-reservations"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 10 minutes: releases every active plan whose release date has come,
 * and tidies reservations a crashed checkout left behind (attaching them to
 * their order if the order exists, giving the units back otherwise), and
 * finishes refunds a crashed cancellation claimed but never recorded. Every
 * part is idempotent, so overlapping or repeated runs change nothing twice.
 */
export default async function releaseDuePreorders(container: MedusaContainer) {
  if (!enabledFeatures(container).preorders) return
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

  const { stale, reattached, freed } = await preorderUnits.tidy(container, staleBefore(now))
  let refundsFinished = 0
  for (const { id } of await preorders.staleRefundClaims()) {
    try {
      const { result } = await finishClaimedPreorderRefundWorkflow(container).run({ input: { item_id: id } })
      if (result.outcome !== "taken_by_another_run") refundsFinished++
    } catch (error) {
      logger.error(`Finishing the refund of pre-order ${id} failed (retried next run): ${(error as Error).message}`)
    }
  }
  if (due.length || stale || refundsFinished) {
    logger.info(
      `pre-orders: released ${due.length} plan(s) (${released} item(s)), re-attached ${reattached}, freed ${freed} stale reservation(s), finished ${refundsFinished} claimed refund(s)`
    )
  }
  return { plans_released: due.length, items_released: released, reattached, freed, refunds_finished: refundsFinished }
}

export const config = {
  name: "release-due-preorders",
  schedule: jobSchedule("*/10 * * * *"),
}
