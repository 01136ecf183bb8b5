import { generateEntityId } from "@medusajs/framework/utils"
import { placeholders, type Sql } from "../../../lib/sql"

/** A new entry row: one order line's entries, or one free entry. */
export type NewEntry = {
  giveaway_id: string
  customer_id: string
  email: string
  source: "purchase" | "free"
  order_id?: string
  order_line_item_id?: string
  product_id?: string | null
  variant_id?: string | null
  units?: number
  requested_entries: number
  entries: number
  country_code: string | null
  region: string | null
  created_at: Date
}

export async function insertEntry(sql: Sql, row: NewEntry) {
  const id = generateEntityId(undefined, "gwent")
  const columns = ["id", ...Object.keys(row)]
  await sql.execute<never>(
    `INSERT INTO giveaway_entry (${columns.join(", ")}, updated_at) VALUES (${placeholders(columns)}, now())`,
    [id, ...Object.values(row)]
  )
  return id
}

/** Whether an order line already has its entry in a giveaway. */
export async function lineHasEntry(sql: Sql, giveawayId: string, lineId: string) {
  const [existing] = await sql.execute<{ id: string }>(
    `SELECT id FROM giveaway_entry WHERE giveaway_id = ? AND order_line_item_id = ? AND deleted_at IS NULL`,
    [giveawayId, lineId]
  )
  return !!existing
}

/** The order lines of an order that have entries in a giveaway. */
export async function enteredLinesOfOrder(sql: Sql, giveawayId: string, orderId: string) {
  const rows = await sql.execute<{ order_line_item_id: string }>(
    `SELECT order_line_item_id FROM giveaway_entry WHERE giveaway_id = ? AND order_id = ? AND deleted_at IS NULL`,
    [giveawayId, orderId]
  )
  return rows.map((row) => row.order_line_item_id)
}

/** Deletes entries; returns whose active entries they held. */
export async function deleteEntries(sql: Sql, entryIds: string[]) {
  const rows = await sql.execute<{ giveaway_id: string; customer_id: string; active: number }>(
    `DELETE FROM giveaway_entry WHERE id IN (${placeholders(entryIds)}) RETURNING giveaway_id, customer_id, entries - voided_entries AS active`,
    entryIds
  )
  return rows.map((row) => ({ ...row, active: Number(row.active) }))
}

/** Giveaways an order has bought entries in. */
export async function giveawaysOfOrder(sql: Sql, orderId: string) {
  const rows = await sql.execute<{ giveaway_id: string }>(
    `SELECT DISTINCT giveaway_id FROM giveaway_entry WHERE order_id = ? AND source = 'purchase' AND deleted_at IS NULL`,
    [orderId]
  )
  return rows.map((row) => row.giveaway_id)
}

export type PurchaseEntry = {
  id: string
  giveaway_id: string
  customer_id: string
  order_line_item_id: string
  units: number
  returned_units: number
  entries: number
}

/** An order's bought entries, locked FOR UPDATE until the transaction ends. */
export async function lockPurchaseEntriesOfOrder(sql: Sql, orderId: string) {
  return sql.execute<PurchaseEntry>(
    `SELECT id, giveaway_id, customer_id, order_line_item_id, units, returned_units, entries
     FROM giveaway_entry WHERE order_id = ? AND source = 'purchase' AND deleted_at IS NULL
     ORDER BY giveaway_id, id FOR UPDATE`,
    [orderId]
  )
}

/** Voids `count` more entries of a line, now `returnedUnits` of its units are gone. */
export async function voidEntries(sql: Sql, entryId: string, change: { returnedUnits: number; count: number; reason: string }) {
  await sql.execute<never>(
    `UPDATE giveaway_entry SET returned_units = ?, voided_entries = voided_entries + ?, void_reason = ?, voided_at = now(), updated_at = now()
     WHERE id = ?`,
    [change.returnedUnits, change.count, change.reason, entryId]
  )
}

/** Undoes voidEntries when the line is still as it left it; true when it was. */
export async function unvoidEntries(sql: Sql, change: { id: string; returned_units_before: number; returned_units: number; voided: number }) {
  const restored = await sql.execute<{ id: string }>(
    `UPDATE giveaway_entry SET returned_units = ?, voided_entries = GREATEST(0, voided_entries - ?), updated_at = now()
     WHERE id = ? AND returned_units = ? RETURNING id`,
    [change.returned_units_before, change.voided, change.id, change.returned_units]
  )
  return restored.length > 0
}

/** When a customer made their free entries in a giveaway. */
export async function freeEntryTimes(sql: Sql, giveawayId: string, customerId: string) {
  const rows = await sql.execute<{ created_at: Date }>(
    `SELECT created_at FROM giveaway_entry WHERE giveaway_id = ? AND customer_id = ? AND source = 'free' AND deleted_at IS NULL`,
    [giveawayId, customerId]
  )
  return rows.map((row) => new Date(row.created_at))
}

export type EntrySums = { entries: number; purchase_entries: number; free_entries: number; voided_entries: number }

/** Active entries per giveaway, split by source, and voided ones. */
export async function entrySums(sql: Sql, giveawayIds: string[]) {
  return sql.execute<EntrySums & { giveaway_id: string }>(
    `SELECT giveaway_id,
            COALESCE(SUM(entries - voided_entries), 0)::int AS entries,
            COALESCE(SUM(entries - voided_entries) FILTER (WHERE source = 'purchase'), 0)::int AS purchase_entries,
            COALESCE(SUM(entries - voided_entries) FILTER (WHERE source = 'free'), 0)::int AS free_entries,
            COALESCE(SUM(voided_entries), 0)::int AS voided_entries
     FROM giveaway_entry WHERE giveaway_id IN (${placeholders(giveawayIds)}) AND deleted_at IS NULL GROUP BY giveaway_id`,
    giveawayIds
  )
}
