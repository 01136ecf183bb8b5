import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GIVEAWAY_MODULE } from "../modules/giveaway"
import type GiveawayModuleService from "../modules/giveaway/service"
import { drawGiveawayWorkflow } from "../workflows/giveaway/draw-giveaway"
import { notifyGiveawayWinnersWorkflow } from "../workflows/giveaway/notify-giveaway-winners"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every minute: for every live giveaway whose entry window has closed, closes
 * and commits its entry list (well before its beacon round: the round is
 * committed `beacon_delay_seconds` after ends_at), then draws it once the
 * committed beacon round is published. The draw is idempotent and serialised
 * per giveaway, so overlapping runs (or an admin at the same moment) draw
 * each giveaway once. Then tells winners a crashed draw left untold.
 */
export default async function drawDueGiveaways(container: MedusaContainer) {
  if (!enabledFeatures(container).giveaways) return
  await runDueGiveawayDraws(container)
}

export async function runDueGiveawayDraws(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
  const due = await giveaways.listGiveaways({ status: ["live"], ends_at: { $lte: now } }, { select: ["id"], order: { ends_at: "ASC" } })
  const drawn: string[] = []
  const waiting: { id: string; beacon_round: number; available_at: string; beacon_error: string | null }[] = []
  const failed: { id: string; error: string }[] = []
  for (const giveaway of due) {
    try {
      const { result } = await drawGiveawayWorkflow(container).run({
        input: { giveaway_id: giveaway.id, actor: { type: "system", id: "draw-due-giveaways" }, now },
      })
      if (result.waiting) waiting.push({ id: giveaway.id, ...result.waiting })
      else if (result.first_draw) drawn.push(giveaway.id)
    } catch (error) {
      // One giveaway failing (e.g. the beacon unreachable) must not keep the others from their draw.
      failed.push({ id: giveaway.id, error: (error as Error).message })
      logger.error(`giveaways: drawing ${giveaway.id} failed: ${(error as Error).message}`)
    }
  }
  if (due.length) logger.info(`giveaways: drew ${drawn.length} of ${due.length} due giveaway(s), ${waiting.length} waiting for their beacon round`)
  const told = await tellUntoldWinners(container)
  return { due: due.length, drawn, waiting, failed, told }
}

/** How long a named winner may wait for `giveaway.drawn`'s subscriber before the job tells them itself. */
const UNTOLD_GRACE_MS = 30_000

/**
 * Winners named but never told: the draw's events go out when its workflow
 * ends, so a process that died between committing the draw and that moment
 * (seen in `npm run topology`'s killed worker) left `giveaway.drawn` unsent.
 * Told here instead; the notify workflow's lock and per-winner idempotency
 * keys mean a winner the subscriber is telling right now is told once.
 */
async function tellUntoldWinners(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
  const untold = await giveaways.listGiveawayWinners(
    { kind: "winner", status: "pending", updated_at: { $lt: new Date(Date.now() - UNTOLD_GRACE_MS) } },
    { select: ["giveaway_id"] }
  )
  let told = 0
  for (const giveawayId of new Set(untold.map((w) => w.giveaway_id))) {
    try {
      const { result } = await notifyGiveawayWinnersWorkflow(container).run({ input: { giveaway_id: giveawayId } })
      told += result.length
    } catch (error) {
      logger.error(`giveaways: telling the winners of ${giveawayId} failed (retried next run): ${(error as Error).message}`)
    }
  }
  if (told) logger.info(`giveaways: told ${told} winner(s) a draw had left untold`)
  return told
}

export const config = {
  name: "draw-due-giveaways",
  schedule: jobSchedule("* * * * *"),
}
