import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../modules/giveaway"
import { freeEntryAllowed } from "../../../../modules/giveaway/lib/entries"
import type GiveawayModuleService from "../../../../modules/giveaway/service"
import { publicHistory, publicWinner, storeGiveaway } from "../../../serializers/giveaway"
import { loadPublicGiveaway } from "../../../utils/giveaways"

/**
 * GET /store/giveaways/:id: the rules and commitment; with a customer's token,
 * their active entries and whether a free entry is available today; after the
 * draw, the winners (first name, last initial, state/region). `history` is the
 * public record: commitments, moves of ends_at, entries closing, the draw, closing.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadPublicGiveaway(giveaways, req.params.id)
  const now = new Date()
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  let mine: Record<string, unknown> | null = null
  if (customerId) {
    const held = (await giveaways.entriesHeld(customerId, [giveaway.id]))[giveaway.id] ?? 0
    const free = await giveaways.listGiveawayEntries(
      { giveaway_id: giveaway.id, customer_id: customerId, source: "free" },
      { select: ["created_at"] }
    )
    const check = giveaway.free_entry_enabled
      ? freeEntryAllowed({
          lastEntries: free.map((e) => new Date(e.created_at)),
          now,
          perDay: giveaway.free_entries_per_day,
          held,
          maxPerCustomer: giveaway.max_entries_per_customer,
        })
      : null
    const frozen = giveaway.entries_closed_at ? (await giveaways.entrantsOf(customerId, [giveaway.id]))[giveaway.id] ?? null : null
    mine = {
      entries: held,
      /** After entries close: the fan's label in the published entry list and the entries it holds there. */
      entrant: frozen?.entrant ?? null,
      drawn_entries: frozen?.entries ?? null,
      free_entries: free.length,
      free_entry_available: !!check?.allowed && giveaway.status === "live",
      free_entry_retry_at: check && !check.allowed ? check.retry_at : null,
    }
  }
  const winners = giveaway.drawn_at
    ? (await giveaways.listGiveawayWinners({ giveaway_id: giveaway.id, kind: "winner" }, { order: { rank: "ASC" } }))
        .filter((w) => w.status !== "disqualified")
        .map(publicWinner)
    : null
  const audit = await giveaways.listGiveawayAuditLogs(
    { giveaway_id: giveaway.id, action: ["went_live", "updated", "entries_closed", "beacon_recommitted", "drawn", "closed"] },
    { order: { created_at: "ASC", id: "ASC" }, take: 200 }
  )
  res.json({ giveaway: { ...storeGiveaway(giveaway, now), my_entries: mine, winners, history: publicHistory(audit) } })
}
