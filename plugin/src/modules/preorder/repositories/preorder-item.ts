import { REFUND_CLAIM_STALE_SECONDS } from "../../../lib/refund-claim"
import { placeholders, type Sql } from "../../../lib/sql"

/** An item leaving its units: what its plan and its holders' tallies get back. */
export type LeavingItem = { id: string; plan_id: string; quantity: number; benefit_units: number; email: string; customer_id: string | null }

export type CheckoutHeldItem = { id: string; status: string; cart_line_item_id: string | null; quantity: number }

const LEAVING = "id, plan_id, quantity, benefit_units, email, customer_id"

/**
 * Takes items still in `statuses` out: deleted (`remove`) or cancelled with
 * `reason`, in the statement that checks their status, so a second call finds
 * nothing. Returns the items that moved.
 */
export async function takeItemsOut(sql: Sql, itemIds: string[], options: { statuses: string[]; reason: string; remove?: boolean }) {
  const statuses = options.statuses
  return options.remove
    ? sql.execute<LeavingItem>(
        `DELETE FROM preorder_item WHERE id IN (${placeholders(itemIds)}) AND status IN (${placeholders(statuses)})
         RETURNING ${LEAVING}`,
        [...itemIds, ...statuses]
      )
    : sql.execute<LeavingItem>(
        `UPDATE preorder_item SET status = 'cancelled', cancelled_at = now(), cancel_reason = ?, updated_at = now()
         WHERE id IN (${placeholders(itemIds)}) AND status IN (${placeholders(statuses)}) AND deleted_at IS NULL
         RETURNING ${LEAVING}`,
        [options.reason, ...itemIds, ...statuses]
      )
}

/**
 * Cancels a pending item and, when a refund is owed, claims it (status
 * claimed, payment, amount) in the same statement. Returns the item, or null
 * when it was no longer pending.
 */
export async function cancelPendingClaimingRefund(
  sql: Sql,
  itemId: string,
  reason: string,
  refund: { payment_id: string; amount: string } | null
) {
  const [item] = await sql.execute<LeavingItem>(
    `UPDATE preorder_item SET status = 'cancelled', cancelled_at = now(), cancel_reason = ?, updated_at = now(),
            refund_status = ?, refund_payment_id = ?, refund_amount = ?, raw_refund_amount = ?::jsonb,
            refund_claimed_at = CASE WHEN ?::text IS NULL THEN NULL ELSE now() END
     WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
     RETURNING ${LEAVING}`,
    [
      reason,
      refund ? "claimed" : null,
      refund?.payment_id ?? null,
      refund?.amount ?? null,
      refund ? JSON.stringify({ value: refund.amount, precision: 20 }) : null,
      refund?.payment_id ?? null,
      itemId,
    ]
  )
  return item ?? null
}

/** Renews a refund claim older than REFUND_CLAIM_STALE_SECONDS; true for the one caller that did. */
export async function renewStaleRefundClaim(sql: Sql, itemId: string) {
  const rows = await sql.execute<{ id: string }>(
    `UPDATE preorder_item SET refund_claimed_at = now(), updated_at = now()
     WHERE id = ? AND refund_status = 'claimed' AND refund_claimed_at < now() - make_interval(secs => ?) AND deleted_at IS NULL
     RETURNING id`,
    [itemId, REFUND_CLAIM_STALE_SECONDS]
  )
  return rows.length > 0
}

/** Items whose refund claim is stale: cancelled, refund owed, never recorded; oldest claim first. */
export async function staleRefundClaims(sql: Sql) {
  return sql.execute<{ id: string }>(
    `SELECT id FROM preorder_item WHERE refund_status = 'claimed' AND deleted_at IS NULL
       AND refund_claimed_at < now() - make_interval(secs => ?) ORDER BY refund_claimed_at`,
    [REFUND_CLAIM_STALE_SECONDS]
  )
}

/** A cart's pre-order items (plain rows). */
export async function itemsOfCart(sql: Sql, cartId: string) {
  return sql.execute<CheckoutHeldItem>(
    `SELECT id, status, cart_line_item_id, quantity FROM preorder_item WHERE cart_id = ? AND deleted_at IS NULL`,
    [cartId]
  )
}

/** Puts a cancelled item back in `status`, its refund claim cleared; null when it was not cancelled. */
export async function uncancelItem(sql: Sql, itemId: string, status: string) {
  const [item] = await sql.execute<{ email: string; customer_id: string | null }>(
    `UPDATE preorder_item SET status = ?, cancelled_at = NULL, cancel_reason = NULL, updated_at = now(),
            refund_status = NULL, refund_payment_id = NULL, refund_amount = NULL, raw_refund_amount = NULL, refund_claimed_at = NULL
     WHERE id = ? AND status = 'cancelled' RETURNING email, customer_id`,
    [status, itemId]
  )
  return item ?? null
}

export type PendingItem = { id: string; quantity: number; created_at: Date; order_id: string | null; email: string; allocated_units: number | null }

export async function pendingItemsOfPlan(sql: Sql, planId: string) {
  return sql.execute<PendingItem>(
    `SELECT id, quantity, created_at, order_id, email, allocated_units FROM preorder_item
     WHERE plan_id = ? AND status = 'pending' AND deleted_at IS NULL`,
    [planId]
  )
}

export async function setAllocatedUnits(sql: Sql, itemId: string, units: number | null) {
  await sql.execute<never>(`UPDATE preorder_item SET allocated_units = ?, updated_at = now() WHERE id = ?`, [units, itemId])
}

/** Live (reserved, pending or ready) items of a plan. */
export async function countLiveItems(sql: Sql, planId: string) {
  const [{ held }] = await sql.execute<{ held: number }>(
    `SELECT COUNT(*)::int AS held FROM preorder_item WHERE plan_id = ? AND status IN ('reserved', 'pending', 'ready') AND deleted_at IS NULL`,
    [planId]
  )
  return held
}

export type ReadyItem = { id: string; order_id: string; order_line_item_id: string; customer_id: string | null; email: string; quantity: number }

/** Moves a plan's pending items to ready; returns only the items this call moved. */
export async function markPlanItemsReady(sql: Sql, planId: string) {
  return sql.execute<ReadyItem>(
    `UPDATE preorder_item SET status = 'ready', released_at = now(), updated_at = now()
     WHERE plan_id = ? AND status = 'pending' AND deleted_at IS NULL
     RETURNING id, order_id, order_line_item_id, customer_id, email, quantity`,
    [planId]
  )
}

/** Units per plan and status. */
export async function unitsByPlanAndStatus(sql: Sql, planIds: string[]) {
  return sql.execute<{ plan_id: string; status: string; units: number }>(
    `SELECT plan_id, status, SUM(quantity)::int AS units FROM preorder_item
     WHERE plan_id IN (${placeholders(planIds)}) AND deleted_at IS NULL GROUP BY plan_id, status`,
    planIds
  )
}

export type DailyUnits = { day: string; units: number; cancelled_units: number; orders: number; cumulative_units: number }

/** Units, cancelled units and orders per day in `timeZone`, with the running total (ordered items only). */
export async function dailyUnits(sql: Sql, planIds: string[], range: { timeZone: string; from?: Date; to?: Date }): Promise<DailyUnits[]> {
  const bounds: string[] = []
  const params: unknown[] = [range.timeZone, ...planIds]
  if (range.from) bounds.push("AND created_at >= ?") && params.push(range.from)
  if (range.to) bounds.push("AND created_at < ?") && params.push(range.to)
  const rows = await sql.execute<{ day: string; units: number | null; cancelled_units: number; orders: number; cumulative_units: number | null }>(
    `SELECT day, units, cancelled_units, orders, SUM(units) OVER (ORDER BY day)::int AS cumulative_units
     FROM (
       SELECT to_char(created_at AT TIME ZONE ?, 'YYYY-MM-DD') AS day,
              SUM(quantity) FILTER (WHERE status <> 'cancelled')::int AS units,
              COALESCE(SUM(quantity) FILTER (WHERE status = 'cancelled'), 0)::int AS cancelled_units,
              COUNT(DISTINCT order_id)::int AS orders
       FROM preorder_item
       WHERE plan_id IN (${placeholders(planIds)}) AND status <> 'reserved' AND deleted_at IS NULL ${bounds.join(" ")}
       GROUP BY 1
     ) d
     ORDER BY day`,
    params
  )
  return rows.map((r) => ({ day: r.day, units: r.units ?? 0, cancelled_units: r.cancelled_units, orders: r.orders, cumulative_units: r.cumulative_units ?? 0 }))
}

/** Units and orders per minute from `since` to `until`, every minute present (ordered items only). */
export async function unitsPerMinute(sql: Sql, planIds: string[], since: Date, until: Date) {
  const rows = await sql.execute<{ minute: Date; units: number; orders: number }>(
    `SELECT m.minute, COALESCE(i.units, 0)::int AS units, COALESCE(i.orders, 0)::int AS orders
     FROM generate_series(date_trunc('minute', ?::timestamptz), date_trunc('minute', ?::timestamptz), interval '1 minute') AS m(minute)
     LEFT JOIN (
       SELECT date_trunc('minute', created_at) AS minute, SUM(quantity) AS units, COUNT(DISTINCT order_id) AS orders
       FROM preorder_item
       WHERE plan_id IN (${placeholders(planIds)}) AND status <> 'reserved' AND deleted_at IS NULL
         AND created_at >= date_trunc('minute', ?::timestamptz) AND created_at < date_trunc('minute', ?::timestamptz) + interval '1 minute'
       GROUP BY 1
     ) i ON i.minute = m.minute
     ORDER BY m.minute`,
    [since, until, ...planIds, since, until]
  )
  return rows.map((r) => ({ minute: new Date(r.minute).toISOString(), units: r.units, orders: r.orders }))
}
