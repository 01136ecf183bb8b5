import { generateEntityId } from "@medusajs/framework/utils"
import type { Sql } from "../../../lib/sql"

/** Active entries per entry row of a giveaway, oldest first (what closing entries labels). */
export async function activeEntryRows(sql: Sql, giveawayId: string) {
  const rows = await sql.execute<{ customer_id: string; active: number | string; created_at: Date }>(
    `SELECT customer_id, entries - voided_entries AS active, created_at
     FROM giveaway_entry WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    [giveawayId]
  )
  return rows.map((r) => ({ customer_id: r.customer_id, entries: Number(r.active), entered_at: r.created_at }))
}

/** Who each entrant label is (private: names the winners). */
export async function insertEntrant(sql: Sql, giveawayId: string, entrant: { entrant: string; customer_id: string; entries: number }) {
  await sql.execute<never>(
    `INSERT INTO giveaway_entrant (id, giveaway_id, entrant, customer_id, entries, created_at, updated_at) VALUES (?, ?, ?, ?, ?, now(), now())`,
    [generateEntityId(undefined, "gwetr"), giveawayId, entrant.entrant, entrant.customer_id, entrant.entries]
  )
}

export async function entrantsOfGiveaway(sql: Sql, giveawayId: string) {
  const rows = await sql.execute<{ entrant: string; customer_id: string; entries: number | string }>(
    `SELECT entrant, customer_id, entries FROM giveaway_entrant WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY entrant`,
    [giveawayId]
  )
  return rows.map((r) => ({ entrant: r.entrant, customer_id: r.customer_id, entries: Number(r.entries) }))
}

/** Each customer's latest email and region among their entries (a winner row shows them). */
export async function contactsOfEntrants(sql: Sql, giveawayId: string) {
  const rows = await sql.execute<{ customer_id: string; email: string; region: string | null }>(
    `SELECT customer_id, email, region FROM giveaway_entry WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    [giveawayId]
  )
  const latest = new Map<string, { email: string; region: string | null }>()
  for (const r of rows) latest.set(r.customer_id, { email: r.email, region: r.region ?? latest.get(r.customer_id)?.region ?? null })
  return latest
}
