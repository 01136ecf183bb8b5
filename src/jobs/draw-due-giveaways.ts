import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GIVEAWAY_MODULE } from "../modules/giveaway"
import type GiveawayModuleService from "../modules/giveaway/service"
import { drawGiveawayWorkflow } from "../workflows/giveaway/draw-giveaway"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 5 minutes: draws every live giveaway whose entry window has closed.
 * The draw itself is idempotent and serialised per giveaway, so overlapping
 * runs (or an admin drawing at the same moment) draw each giveaway once.
 */
export default async function drawDueGiveaways(container: MedusaContainer) {
  await runDueGiveawayDraws(container)
}

export async function runDueGiveawayDraws(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
  const due = await giveaways.listGiveaways({ status: ["live"], ends_at: { $lte: now } }, { select: ["id"], order: { ends_at: "ASC" } })
  const drawn: string[] = []
  const failed: { id: string; error: string }[] = []
  for (const giveaway of due) {
    try {
      const { result } = await drawGiveawayWorkflow(container).run({
        input: { giveaway_id: giveaway.id, actor: { type: "system", id: "draw-due-giveaways" }, now },
      })
      if (result.first_draw) drawn.push(giveaway.id)
    } catch (error) {
      // One giveaway failing must not keep the others from their draw.
      failed.push({ id: giveaway.id, error: (error as Error).message })
      logger.error(`giveaways: drawing ${giveaway.id} failed: ${(error as Error).message}`)
    }
  }
  if (due.length) logger.info(`giveaways: drew ${drawn.length} of ${due.length} due giveaway(s)`)
  return { due: due.length, drawn, failed }
}

export const config = {
  name: "draw-due-giveaways",
  schedule: jobSchedule("*/5 * * * *"),
}
