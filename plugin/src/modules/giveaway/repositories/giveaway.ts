import { placeholders, type Sql } from "../../../lib/sql"
import type { DrawEntry, PublishedDraw } from "../lib/draw"

export type GiveawayStatus = "draft" | "live" | "drawn" | "closed"

/** What earning entries reads of a giveaway: who and what it rewards, and its cap. */
export type EarningRules = {
  id: string
  product_ids: string[] | null
  variant_ids: string[] | null
  eligible_countries: string[] | null
  entries_per_unit: number
  max_entries_per_customer: number | null
  starts_at: Date
  ends_at: Date
}

/**
 * Live giveaways whose open entry window contains `at`, read FOR SHARE: a draw
 * (FOR UPDATE) waits for the caller's transaction, and a caller after a draw finds it drawn.
 */
export async function liveGiveawaysAt(sql: Sql, at: Date) {
  return sql.execute<EarningRules>(
    `SELECT id, product_ids, variant_ids, eligible_countries, entries_per_unit, max_entries_per_customer, starts_at, ends_at
     FROM giveaway WHERE status = 'live' AND deleted_at IS NULL AND starts_at <= ? AND ends_at > ?
       AND entries_closed_at IS NULL
     ORDER BY id FOR SHARE`,
    [at, at]
  )
}

/** Live or drawn giveaways whose window contains `at` but whose entries are already closed. */
export async function closedGiveawaysAt(sql: Sql, at: Date) {
  return sql.execute<Pick<EarningRules, "id" | "product_ids" | "variant_ids" | "eligible_countries">>(
    `SELECT id, product_ids, variant_ids, eligible_countries FROM giveaway
     WHERE status IN ('live', 'drawn') AND deleted_at IS NULL AND starts_at <= ? AND ends_at > ? AND entries_closed_at IS NOT NULL`,
    [at, at]
  )
}

/** Whether each giveaway still takes changes to its entries: live, or frozen ("closed" once its list is committed). */
export async function entryStatesOf(sql: Sql, giveawayIds: string[]) {
  const rows = await sql.execute<{ id: string; status: GiveawayStatus; entries_closed_at: Date | null }>(
    `SELECT id, status, entries_closed_at FROM giveaway WHERE id IN (${placeholders(giveawayIds)}) ORDER BY id FOR SHARE`,
    giveawayIds
  )
  // Entries are frozen from the moment their list is committed, not only from the draw.
  return Object.fromEntries(rows.map((g) => [g.id, g.entries_closed_at ? "closed" : g.status])) as Record<string, GiveawayStatus>
}

/** A giveaway as a free entry checks it. */
export type FreeEntryRules = EarningRules & {
  status: GiveawayStatus
  entries_closed_at: Date | null
  free_entry_enabled: boolean
  free_entries_per_day: number
}

/** A giveaway's free-entry rules, read FOR SHARE (a draw waits); null when there is no such giveaway. */
export async function freeEntryRulesOf(sql: Sql, giveawayId: string) {
  const [g] = await sql.execute<FreeEntryRules>(`SELECT * FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR SHARE`, [giveawayId])
  return g ?? null
}

/** A giveaway row as closing entries and drawing read it. */
export type GiveawayRow = FreeEntryRules & {
  seed: string
  winners_count: number
  alternates_count: number
  claim_days: number
  beacon_provider: string | null
  beacon_chain: string | null
  beacon_round: number | string | null
  beacon_round_at: Date | null
  entries_hash: string | null
  entry_list: DrawEntry[] | null
  drawn_at: Date | null
}

/** Locks a giveaway's row FOR UPDATE (earns, voids and free entries wait); null when there is no such giveaway. */
export async function lockGiveaway(sql: Sql, giveawayId: string) {
  const [g] = await sql.execute<GiveawayRow>(`SELECT * FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [giveawayId])
  return g ?? null
}

/** Locks a giveaway's row FOR UPDATE for a change to its winners; null when there is no such giveaway. */
export async function lockForWinners(sql: Sql, giveawayId: string) {
  const [g] = await sql.execute<{ id: string; status: GiveawayStatus; claim_days: number }>(
    `SELECT id, status, claim_days FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [giveawayId]
  )
  return g ?? null
}

/** Commits the giveaway to another beacon round (the one it had is already due). */
export async function recommitBeacon(
  sql: Sql,
  giveawayId: string,
  next: { beacon_provider: string; beacon_chain: string; beacon_round: number; beacon_round_at: Date }
) {
  await sql.execute<never>(
    `UPDATE giveaway SET beacon_provider = ?, beacon_chain = ?, beacon_round = ?, beacon_round_at = ? WHERE id = ?`,
    [next.beacon_provider, next.beacon_chain, next.beacon_round, next.beacon_round_at, giveawayId]
  )
}

/** Freezes the entry list and its hash. */
export async function closeEntryList(sql: Sql, giveawayId: string, closedAt: Date, hash: string, entries: DrawEntry[]) {
  await sql.execute<never>(
    `UPDATE giveaway SET entries_closed_at = ?, entries_hash = ?, entry_list = ?::jsonb, updated_at = now() WHERE id = ?`,
    [closedAt, hash, JSON.stringify(entries), giveawayId]
  )
}

/** live → drawn with the published draw; false when it was not live and undrawn any more. */
export async function markDrawn(sql: Sql, giveawayId: string, drawnAt: Date, publicValue: string, draw: PublishedDraw) {
  const drawn = await sql.execute<{ id: string }>(
    `UPDATE giveaway SET status = 'drawn', drawn_at = ?, public_value = ?, algorithm = ?, published_draw = ?::jsonb, updated_at = now()
     WHERE id = ? AND status = 'live' AND drawn_at IS NULL RETURNING id`,
    [drawnAt, publicValue, draw.algorithm, JSON.stringify(draw), giveawayId]
  )
  return drawn.length > 0
}

/** drawn → live, the draw forgotten (a compensation). */
export async function unmarkDrawn(sql: Sql, giveawayId: string) {
  await sql.execute<never>(
    `UPDATE giveaway SET status = 'live', drawn_at = NULL, public_value = NULL, algorithm = NULL, published_draw = NULL, updated_at = now()
     WHERE id = ? AND status = 'drawn'`,
    [giveawayId]
  )
}

/** Days a winner has to claim, or null when there is no such giveaway. */
export async function claimDaysOf(sql: Sql, giveawayId: string) {
  const [g] = await sql.execute<{ claim_days: number }>(`SELECT claim_days FROM giveaway WHERE id = ?`, [giveawayId])
  return g ? g.claim_days : null
}
