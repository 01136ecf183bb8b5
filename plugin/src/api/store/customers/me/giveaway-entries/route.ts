import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { entryRow } from "../../../../serializers/giveaway"
import type { StoreListMyGiveawayEntriesType } from "../../../../schemas/giveaway"

/**
 * GET /store/customers/me/giveaway-entries: the logged-in customer's own entry
 * rows (newest first), their active entries per giveaway and, once a
 * giveaway's entries have closed, their entrant label and entries in its
 * published entry list (`entrants_by_giveaway`). Never anyone else's.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, StoreListMyGiveawayEntriesType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const customerId = req.auth_context.actor_id
  const filters: Record<string, unknown> = { customer_id: customerId }
  if (q.giveaway_id) filters.giveaway_id = q.giveaway_id
  const [rows, count] = await giveaways.listAndCountGiveawayEntries(filters, {
    skip: q.offset,
    take: q.limit,
    order: { created_at: "DESC", id: "DESC" },
    relations: ["giveaway"],
  })
  const held = await giveaways.entriesHeld(customerId, q.giveaway_id ? [q.giveaway_id] : undefined)
  const entrants = await giveaways.entrantsOf(customerId, q.giveaway_id ? [q.giveaway_id] : undefined)
  res.json({
    giveaway_entries: rows.map((row: any) => {
      const { email: _email, customer_id: _customer, ...mine } = entryRow(row)
      return { ...mine, giveaway: { id: row.giveaway.id, title: row.giveaway.title, status: row.giveaway.status, ends_at: row.giveaway.ends_at } }
    }),
    entries_by_giveaway: held,
    entrants_by_giveaway: entrants,
    count,
    limit: q.limit,
    offset: q.offset,
  })
}
