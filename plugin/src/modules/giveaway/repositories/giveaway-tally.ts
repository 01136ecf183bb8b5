import { defineCounter } from "../../../lib/capped-counter"
import { placeholders, type Sql } from "../../../lib/sql"

/** Active entries a customer holds in a giveaway, under its per-customer entry cap. */
export const giveawayTally = defineCounter({
  table: "giveaway_tally",
  idPrefix: "gwtly",
  scope: "giveaway_id",
  holder: "customer_id",
  count: "entries",
})

/** Customers holding any active entries, per giveaway. */
export async function entrantCounts(sql: Sql, giveawayIds: string[]) {
  return sql.execute<{ giveaway_id: string; entrants: number }>(
    `SELECT giveaway_id, COUNT(*)::int AS entrants FROM giveaway_tally
     WHERE giveaway_id IN (${placeholders(giveawayIds)}) AND entries > 0 AND deleted_at IS NULL GROUP BY giveaway_id`,
    giveawayIds
  )
}
