import type { Sql } from "../../../lib/sql"

export type GroupStatus = "open" | "settling" | "settled" | "cancelled"

/**
 * Adds a checkout's units to an open group and, when it brings a new member
 * (`joins` 1), grows its size within `maxMembers` (null: no limit), in one
 * conditional UPDATE. False, nothing changed, when the group refused.
 */
export async function takeGroupUnits(sql: Sql, groupId: string, units: number, joins: 0 | 1, maxMembers: number | null) {
  const rows = await sql.execute<{ id: string }>(
    `UPDATE group_order SET held_units = held_units + ?, member_count = member_count + ?, updated_at = now()
     WHERE id = ? AND status = 'open' AND deleted_at IS NULL
       AND (? = 0 OR ?::int IS NULL OR member_count + 1 <= ?::int)
     RETURNING id`,
    [units, joins, groupId, joins, maxMembers, maxMembers]
  )
  return rows.length > 0
}

/** A group's status, or null when there is no such group. */
export async function groupStatus(sql: Sql, groupId: string) {
  const [group] = await sql.execute<{ status: GroupStatus }>(`SELECT status FROM group_order WHERE id = ?`, [groupId])
  return group?.status ?? null
}

/** Gives a leaving purchase's units back (paid ones from the paid units too) and its member's place when they `leave` (1). */
export async function giveGroupUnitsBack(sql: Sql, groupId: string, units: { held: number; paid: number; leaves: 0 | 1 }) {
  await sql.execute<never>(
    `UPDATE group_order SET held_units = GREATEST(0, held_units - ?),
            paid_units = GREATEST(0, paid_units - ?), member_count = GREATEST(0, member_count - ?), updated_at = now()
     WHERE id = ?`,
    [units.held, units.paid, units.leaves, groupId]
  )
}

/** Adds placed units to what the group's tier counts; returns the new paid units. */
export async function addPaidUnits(sql: Sql, groupId: string, units: number) {
  const [group] = await sql.execute<{ paid_units: number }>(
    `UPDATE group_order SET paid_units = paid_units + ?, updated_at = now() WHERE id = ? RETURNING paid_units`,
    [units, groupId]
  )
  return group.paid_units
}

/** Raises the announced tier to `tier`; true once per tier, however many calls race to it. */
export async function claimTierAnnouncement(sql: Sql, groupId: string, tier: number) {
  const rows = await sql.execute<{ id: string }>(
    `UPDATE group_order SET announced_tier = ?, updated_at = now() WHERE id = ? AND announced_tier < ? RETURNING id`,
    [tier, groupId, tier]
  )
  return rows.length > 0
}

/** settling → settled; true only for the call that moved it. */
export async function markSettled(sql: Sql, groupId: string) {
  const rows = await sql.execute<{ id: string }>(
    `UPDATE group_order SET status = 'settled', settled_at = now(), updated_at = now() WHERE id = ? AND status = 'settling' RETURNING id`,
    [groupId]
  )
  return rows.length > 0
}

/** Locks a group's row until the transaction ends; null when there is no such group. */
export async function lockGroup(sql: Sql, groupId: string) {
  const [group] = await sql.execute<{ id: string; status: GroupStatus; paid_units: number }>(
    `SELECT id, status, paid_units FROM group_order WHERE id = ? FOR UPDATE`,
    [groupId]
  )
  return group ?? null
}

/** open → settling with its final tier (the caller holds the group's row lock). */
export async function startSettling(sql: Sql, groupId: string, final: { tier: number; percent: number }) {
  await sql.execute<never>(
    `UPDATE group_order SET status = 'settling', final_tier = ?, final_percent = ?, raw_final_percent = ?, updated_at = now() WHERE id = ?`,
    [final.tier, final.percent, JSON.stringify({ value: String(final.percent), precision: 20 }), groupId]
  )
}
