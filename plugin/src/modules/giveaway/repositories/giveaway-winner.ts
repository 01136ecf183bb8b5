import { generateEntityId } from "@medusajs/framework/utils"
import { placeholders, type Sql } from "../../../lib/sql"

export type WinnerKind = "winner" | "alternate"
export type WinnerStatus = "pending" | "notified" | "claimed" | "disqualified"

export type WinnerRow = {
  id: string
  giveaway_id: string
  customer_id: string
  email: string
  entrant: string
  entries: number
  rank: number
  kind: WinnerKind
  status: WinnerStatus
  claim_deadline: Date | null
  notified_at: Date | null
  claimed_at: Date | null
  disqualified_at: Date | null
  disqualify_reason: string | null
  promoted_at: Date | null
  replaces_winner_id: string | null
}

/** What a compensation needs to put a winner row back. */
export type WinnerSnapshot = Pick<
  WinnerRow,
  "id" | "kind" | "status" | "disqualified_at" | "disqualify_reason" | "promoted_at" | "replaces_winner_id" | "claimed_at" | "notified_at" | "claim_deadline"
>

export async function insertWinner(
  sql: Sql,
  row: Pick<WinnerRow, "giveaway_id" | "customer_id" | "email" | "entrant" | "entries" | "rank" | "kind"> & { public_region: string | null }
) {
  await sql.execute<never>(
    `INSERT INTO giveaway_winner (id, giveaway_id, customer_id, email, entrant, entries, rank, kind, status, public_region, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, now(), now())`,
    [generateEntityId(undefined, "gwwin"), row.giveaway_id, row.customer_id, row.email, row.entrant, row.entries, row.rank, row.kind, row.public_region]
  )
}

export async function deleteWinnersOf(sql: Sql, giveawayId: string) {
  await sql.execute<never>(`DELETE FROM giveaway_winner WHERE giveaway_id = ?`, [giveawayId])
}

/** Locks a winner row FOR UPDATE; null when the giveaway has no such winner. */
export async function lockWinner(sql: Sql, giveawayId: string, winnerId: string) {
  const [w] = await sql.execute<WinnerRow>(`SELECT * FROM giveaway_winner WHERE id = ? AND giveaway_id = ? AND deleted_at IS NULL FOR UPDATE`, [
    winnerId,
    giveawayId,
  ])
  return w ?? null
}

/** Locks the next pending alternate in pick order; null when none is left. */
export async function lockNextAlternate(sql: Sql, giveawayId: string) {
  const [next] = await sql.execute<WinnerRow>(
    `SELECT * FROM giveaway_winner WHERE giveaway_id = ? AND kind = 'alternate' AND status = 'pending' AND deleted_at IS NULL
     ORDER BY rank LIMIT 1 FOR UPDATE`,
    [giveawayId]
  )
  return next ?? null
}

export async function disqualify(sql: Sql, winnerId: string, at: Date, reason: string) {
  await sql.execute<never>(
    `UPDATE giveaway_winner SET status = 'disqualified', disqualified_at = ?, disqualify_reason = ?, updated_at = now() WHERE id = ?`,
    [at, reason, winnerId]
  )
}

export async function promote(sql: Sql, alternateId: string, at: Date, replacesWinnerId: string) {
  await sql.execute<never>(
    `UPDATE giveaway_winner SET kind = 'winner', promoted_at = ?, replaces_winner_id = ?, updated_at = now() WHERE id = ?`,
    [at, replacesWinnerId, alternateId]
  )
}

export async function markClaimed(sql: Sql, winnerId: string, at: Date) {
  await sql.execute<never>(`UPDATE giveaway_winner SET status = 'claimed', claimed_at = ?, updated_at = now() WHERE id = ?`, [at, winnerId])
}

/** pending winners → notified, with their claim deadline; returns only the rows this call moved. */
export async function markNotified(sql: Sql, giveawayId: string, winnerIds: string[], at: Date, deadline: Date) {
  return sql.execute<{ id: string; entrant: string; claim_deadline: Date }>(
    `UPDATE giveaway_winner SET status = 'notified', notified_at = ?, claim_deadline = ?, updated_at = now()
     WHERE giveaway_id = ? AND id IN (${placeholders(winnerIds)}) AND kind = 'winner' AND status = 'pending'
     RETURNING id, entrant, claim_deadline`,
    [at, deadline, giveawayId, ...winnerIds]
  )
}

/** Puts a winner row back as a snapshot had it (a compensation). */
export async function restoreWinner(sql: Sql, s: WinnerSnapshot) {
  await sql.execute<never>(
    `UPDATE giveaway_winner SET kind = ?, status = ?, disqualified_at = ?, disqualify_reason = ?, promoted_at = ?,
            replaces_winner_id = ?, claimed_at = ?, notified_at = ?, claim_deadline = ?, updated_at = now() WHERE id = ?`,
    [s.kind, s.status, s.disqualified_at, s.disqualify_reason, s.promoted_at, s.replaces_winner_id, s.claimed_at, s.notified_at, s.claim_deadline, s.id]
  )
}
