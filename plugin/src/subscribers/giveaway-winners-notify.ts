import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { GIVEAWAY_DRAWN_EVENT, GIVEAWAY_WINNER_DISQUALIFIED_EVENT } from "../modules/giveaway/events"
import { enabledFeatures } from "../hooks/features"
import { notifyGiveawayWinnersWorkflow } from "../workflows/giveaway/notify-giveaway-winners"

/** giveaway.drawn / giveaway.winner_disqualified → winners not yet told (incl. a promoted alternate) are notified. */
export default async function giveawayWinnersNotify({
  event,
  container,
}: SubscriberArgs<{ id?: string; giveaway_id?: string }>) {
  if (!enabledFeatures(container).giveaways) return
  const giveawayId = event.data.giveaway_id ?? event.data.id
  if (!giveawayId) return
  await notifyGiveawayWinnersWorkflow(container).run({ input: { giveaway_id: giveawayId } })
}

export const config: SubscriberConfig = {
  event: [GIVEAWAY_DRAWN_EVENT, GIVEAWAY_WINNER_DISQUALIFIED_EVENT],
  context: { subscriberId: "giveaway-winners-notify" },
}
