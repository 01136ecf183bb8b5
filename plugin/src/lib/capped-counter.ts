import { generateEntityId } from "@medusajs/framework/utils"
import type { Sql } from "./sql"

/**
 * A counter table: one row per (scope, holder), e.g. the units a fan holds of a
 * pre-order plan, kept so a limit is one atomic conditional statement instead
 * of a count-then-insert race. The table has a unique index on
 * (scope, holder) WHERE deleted_at IS NULL, which the upserts below conflict on.
 * Names are code constants (never input): they go into the statements as identifiers.
 */
export type CappedCounter<Extra extends string = never> = {
  table: string
  /** Prefix of the ids of new rows (`ptally` → `ptally_01…`). */
  idPrefix: string
  /** The column the counter is per (a plan, a group, a promotion, a giveaway). */
  scope: string
  /** The column naming who holds the count (`email:…`, `customer:…`, a customer id). */
  holder: string
  /** The integer column counted. */
  count: string
  /** Columns written when the row is created; of them, `fillWhenNull` are filled on later adds while still NULL. */
  extra?: readonly Extra[]
  fillWhenNull?: readonly Extra[]
}

export type CounterKey = { scope: string; holder: string }

/** One counter row after a change. */
export type CounterRow = { id: string; count: number }

/** A counter's definition, typed by its extra columns. */
export const defineCounter = <Extra extends string = never>(counter: CappedCounter<Extra>) => counter

/**
 * Adds `n` to the holder's count if the result stays within `cap` (null: no
 * cap), creating the row at `n` when the holder has none yet. One INSERT … ON
 * CONFLICT … DO UPDATE … WHERE: PostgreSQL takes the row's lock and checks the
 * cap in the same step, so parallel adds in any number of processes never pass
 * the cap together. A new row is not checked against the cap: callers refuse
 * `n > cap` before. Returns null, nothing changed, when the cap refused.
 */
export async function addWithinCap<Extra extends string>(
  sql: Sql,
  counter: CappedCounter<Extra>,
  key: CounterKey,
  n: number,
  cap: number | null,
  extra?: Record<Extra, unknown>
): Promise<CounterRow | null> {
  const { table, scope, holder, count } = counter
  const extraColumns = counter.extra ?? []
  const fills = (counter.fillWhenNull ?? []).map((c) => `${c} = COALESCE(${table}.${c}, EXCLUDED.${c}), `).join("")
  const [row] = await sql.execute<{ id: string; count: number }>(
    `INSERT INTO ${table} (id, ${scope}, ${holder}, ${extraColumns.map((c) => `${c}, `).join("")}${count}, created_at, updated_at)
     VALUES (?, ?, ?, ${extraColumns.map(() => "?, ").join("")}?, now(), now())
     ON CONFLICT (${scope}, ${holder}) WHERE deleted_at IS NULL DO UPDATE
       SET ${count} = ${table}.${count} + EXCLUDED.${count}, ${fills}updated_at = now()
       WHERE ?::int IS NULL OR ${table}.${count} + EXCLUDED.${count} <= ?::int
     RETURNING id, ${count} AS count`,
    [
      generateEntityId(undefined, counter.idPrefix),
      key.scope,
      key.holder,
      ...extraColumns.map((c) => extra?.[c] ?? null),
      n,
      cap,
      cap,
    ]
  )
  return row ? { id: row.id, count: Number(row.count) } : null
}

/**
 * Locks the holder's row (creating it at 0) until the transaction ends and
 * returns its count: for callers whose cap check needs more than the count
 * (e.g. a daily limit read from other rows), so check and write are one step.
 */
export async function lockCount(sql: Sql, counter: CappedCounter<string>, key: CounterKey): Promise<number> {
  const { table, scope, holder, count } = counter
  const [row] = await sql.execute<{ count: number }>(
    `INSERT INTO ${table} (id, ${scope}, ${holder}, ${count}, created_at, updated_at)
     VALUES (?, ?, ?, 0, now(), now())
     ON CONFLICT (${scope}, ${holder}) WHERE deleted_at IS NULL DO UPDATE SET updated_at = now()
     RETURNING ${count} AS count`,
    [generateEntityId(undefined, counter.idPrefix), key.scope, key.holder]
  )
  return Number(row.count)
}

/**
 * Moves an existing row's count by `delta` (floored at 0) when the result
 * stays within `cap` (null: no cap); a decrease is always allowed. Returns
 * false, nothing changed, when the row is missing or the cap refused.
 */
export async function shiftWithinCap(sql: Sql, counter: CappedCounter<string>, key: CounterKey, delta: number, cap: number | null) {
  const { table, scope, holder, count } = counter
  const rows = await sql.execute<{ count: number }>(
    `UPDATE ${table} SET ${count} = GREATEST(0, ${count} + ?), updated_at = now()
     WHERE ${scope} = ? AND ${holder} = ? AND deleted_at IS NULL
       AND (?::int IS NULL OR ${count} + ? <= ?::int OR ? < 0)
     RETURNING ${count} AS count`,
    [delta, key.scope, key.holder, cap, delta, cap, delta]
  )
  return rows.length > 0
}

/**
 * Gives `n` back from a holder's count (floored at 0), for a row named by its
 * key or its id. Returns the new count, or null when there was no such row.
 */
export async function giveBack(sql: Sql, counter: CappedCounter<string>, row: CounterKey | { id: string }, n: number) {
  const { table, scope, holder, count } = counter
  const where = "id" in row ? { sql: "id = ?", params: [row.id] } : { sql: `${scope} = ? AND ${holder} = ?`, params: [row.scope, row.holder] }
  const [updated] = await sql.execute<{ count: number }>(
    `UPDATE ${table} SET ${count} = GREATEST(0, ${count} - ?), updated_at = now() WHERE ${where.sql} RETURNING ${count} AS count`,
    [n, ...where.params]
  )
  return updated ? Number(updated.count) : null
}

/** Takes `n` again for a holder, past any cap (a compensation putting back what giveBack returned). */
export async function takeAgain(sql: Sql, counter: CappedCounter<string>, key: CounterKey, n: number) {
  const { table, scope, holder, count } = counter
  await sql.execute<{ count: number }>(
    `UPDATE ${table} SET ${count} = ${count} + ?, updated_at = now() WHERE ${scope} = ? AND ${holder} = ?`,
    [n, key.scope, key.holder]
  )
}

/** The holder's count, 0 when it has no row. */
export async function countOf(sql: Sql, counter: CappedCounter<string>, key: CounterKey) {
  const { table, scope, holder, count } = counter
  const [row] = await sql.execute<{ count: number }>(
    `SELECT ${count} AS count FROM ${table} WHERE ${scope} = ? AND ${holder} = ? AND deleted_at IS NULL`,
    [key.scope, key.holder]
  )
  return row ? Number(row.count) : 0
}
