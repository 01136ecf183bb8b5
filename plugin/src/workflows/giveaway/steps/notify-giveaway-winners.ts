import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import { notifyCustomers } from "../../../lib/notify"

export const GIVEAWAY_WINNER_TEMPLATE = "giveaway-winner"
const DAY_MS = 86_400_000

/**
 * Tells every winner not yet told (after the draw, or an alternate just
 * promoted) through the Notification module, then starts their claim
 * deadline. One idempotency key per winner: a retry sends nothing twice.
 */
export const notifyGiveawayWinnersStep = createStep(
  "notify-giveaway-winners",
  async (input: { giveaway_id: string }, { container }) => {
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const [giveaway] = await giveaways.listGiveaways({ id: input.giveaway_id })
    if (!giveaway || giveaway.status !== "drawn") return new StepResponse([] as string[])
    const pending = await giveaways.listGiveawayWinners({ giveaway_id: giveaway.id, kind: "winner", status: "pending" })
    if (!pending.length) return new StepResponse([] as string[])
    const now = new Date()
    const claimDeadline = new Date(now.getTime() + giveaway.claim_days * DAY_MS).toISOString()
    for (const winner of pending) {
      await notifyCustomers(
        container,
        GIVEAWAY_WINNER_TEMPLATE,
        [
          {
            email: winner.email,
            data: {
              giveaway_id: giveaway.id,
              winner_id: winner.id,
              title: giveaway.title,
              prize: giveaway.prize,
              rank: winner.rank,
              promoted: !!winner.replaces_winner_id,
              claim_deadline: claimDeadline,
              rules_url: giveaway.rules_url,
            },
          },
        ],
        `giveaway-winner:${winner.id}`
      )
    }
    const notified = await giveaways.markWinnersNotified(giveaway.id, pending.map((w) => w.id), now)
    return new StepResponse(notified)
  }
)
