import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import PreorderItem from "./models/preorder-item"
import PreorderPlan from "./models/preorder-plan"
import PreorderTally from "./models/preorder-tally"
import { placeholders, type SqlManager } from "../../lib/sql"
import { addWithinCap, countOf, giveBack, takeAgain } from "../../lib/capped-counter"
import { preorderTally } from "./repositories/preorder-tally"
import { REFUND_CLAIM_STALE_SECONDS } from "../../lib/refund-claim"
import { allocateFirstComeFirstServed, capRefusal } from "./lib/plan-state"


export type ReserveLine = {
  plan_id: string
  variant_id: string
  quantity: number
  cart_id: string
  cart_line_item_id: string
  email: string
  customer_id: string | null
  release_date: Date
  /** How fans know the line, e.g. `NCT Dream — Hot Sauce (Photo Book "Chilling")`; used in errors. */
  label?: string
}

export type CheckoutPlan = {
  id: string
  variant_id: string
  status: "active"
  release_date: Date
  window_opens_at: Date
  window_closes_at: Date | null
  cap: number | null
  reserved_units: number
  per_customer_limit: number | null
}
export type CheckoutHeldItem = { id: string; status: string; cart_line_item_id: string | null; quantity: number }

export type ReleasedUnits = { id: string; plan_id: string; quantity: number; benefit_units: number }

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** Holders a pre-order counts against: the email, and the customer account when logged in. */
export function holdersOf(line: { email?: string | null; customer_id?: string | null }) {
  const holders: string[] = []
  if (line.email) holders.push(`email:${normalizeEmail(line.email)}`)
  if (line.customer_id) holders.push(`customer:${line.customer_id}`)
  return holders
}

class PreorderModuleService extends MedusaService({ PreorderPlan, PreorderItem, PreorderTally }) {
  /**
   * Reserves cap units, per-customer units and benefits for a cart's pre-order
   * lines, and records them as `reserved` items, in one transaction. Every
   * counter moves by a conditional UPDATE that PostgreSQL serialises per row,
   * so no interleaving of requests, in one process or many, can oversell.
   * Throws NOT_ALLOWED (nothing changed) when a line does not fit.
   */
  @InjectTransactionManager()
  async reserveUnits(lines: ReserveLine[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const created: { id: string }[] = []
    for (const line of lines) {
      const capped = await sql.execute(
        `UPDATE preorder_plan SET reserved_units = reserved_units + ?, updated_at = now()
         WHERE id = ? AND status = 'active' AND deleted_at IS NULL
           AND (cap IS NULL OR reserved_units + ? <= cap)
         RETURNING id, per_customer_limit`,
        [line.quantity, line.plan_id, line.quantity]
      )
      const name = line.label ?? `variant ${line.variant_id}`
      if (!capped.length) {
        const [plan] = await sql.execute(`SELECT cap, reserved_units, status FROM preorder_plan WHERE id = ?`, [line.plan_id])
        // An uncapped plan refuses only when it stopped being active: sold out as far as this cart goes.
        const left = plan && plan.cap !== null ? Math.max(0, plan.cap - plan.reserved_units) : 0
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          capRefusal({ cap: left, reserved_units: 0 }, line.quantity, name) ?? `${name} is sold out for pre-order.`
        )
      }
      const limit: number | null = capped[0].per_customer_limit
      if (limit !== null) {
        if (line.quantity > limit) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Pre-orders of ${name} are limited to ${limit} per customer.`)
        }
        for (const holder of holdersOf(line)) {
          const counted = await addWithinCap(sql, preorderTally, { scope: line.plan_id, holder }, line.quantity, limit)
          if (!counted) {
            const units = await countOf(sql, preorderTally, { scope: line.plan_id, holder })
            throw new MedusaError(
              MedusaError.Types.NOT_ALLOWED,
              `Pre-orders of ${name} are limited to ${limit} per customer; ` +
                `you have ${units} already and can add ${Math.max(0, limit - units)} more.`
            )
          }
        }
      }
      const [benefit] = await sql.execute(
        `WITH current AS (
           SELECT id, benefit_pool, benefits_given FROM preorder_plan WHERE id = ? FOR UPDATE
         )
         UPDATE preorder_plan p
            SET benefits_given = p.benefits_given + LEAST(?, current.benefit_pool - current.benefits_given)
           FROM current
          WHERE p.id = current.id AND current.benefit_pool IS NOT NULL AND current.benefits_given < current.benefit_pool
         RETURNING LEAST(?, current.benefit_pool - current.benefits_given) AS granted`,
        [line.plan_id, line.quantity, line.quantity]
      )
      const [item] = await this.createPreorderItems(
        [
          {
            plan_id: line.plan_id,
            variant_id: line.variant_id,
            cart_id: line.cart_id,
            cart_line_item_id: line.cart_line_item_id,
            customer_id: line.customer_id,
            email: normalizeEmail(line.email),
            quantity: line.quantity,
            status: "reserved",
            release_date: line.release_date,
            ordered_release_date: line.release_date,
            benefit_units: Number(benefit?.granted ?? 0),
          },
        ],
        sharedContext
      )
      created.push({ id: item.id })
    }
    return created
  }

  /**
   * Gives back the units of the given items: cap units, per-customer units and
   * benefits. Only items still in `fromStatuses` are touched, and they leave
   * those statuses in the same statement, so calling this twice (a retried job,
   * a duplicate event) gives nothing back twice. `remove` deletes the rows
   * (a checkout that failed); otherwise they are marked cancelled.
   */
  @InjectTransactionManager()
  async returnUnits(
    itemIds: string[],
    options: { fromStatuses: string[]; reason: string; remove?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReleasedUnits[]> {
    if (!itemIds.length) return []
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const statuses = options.fromStatuses
    const rows: any[] = options.remove
      ? await sql.execute(
          `DELETE FROM preorder_item WHERE id IN (${placeholders(itemIds)}) AND status IN (${placeholders(statuses)})
           RETURNING id, plan_id, quantity, benefit_units, email, customer_id`,
          [...itemIds, ...statuses]
        )
      : await sql.execute(
          `UPDATE preorder_item SET status = 'cancelled', cancelled_at = now(), cancel_reason = ?, updated_at = now()
           WHERE id IN (${placeholders(itemIds)}) AND status IN (${placeholders(statuses)}) AND deleted_at IS NULL
           RETURNING id, plan_id, quantity, benefit_units, email, customer_id`,
          [options.reason, ...itemIds, ...statuses]
        )
    return this.giveBack(sql, rows)
  }

  /**
   * Cancels one pending item and, when a refund is owed, claims it in the same
   * statement (refund_status claimed, with the payment and amount): the item's
   * status is the claim, so of any number of concurrent cancellations in any
   * processes exactly one gets the item back and may call the payment provider.
   * Returns null when the item was no longer pending (nothing changed).
   */
  @InjectTransactionManager()
  async cancelClaimingRefund(
    itemId: string,
    options: { reason: string; refund: { payment_id: string; amount: string } | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReleasedUnits | null> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const refund = options.refund
    const rows = await sql.execute(
      `UPDATE preorder_item SET status = 'cancelled', cancelled_at = now(), cancel_reason = ?, updated_at = now(),
              refund_status = ?, refund_payment_id = ?, refund_amount = ?, raw_refund_amount = ?::jsonb,
              refund_claimed_at = CASE WHEN ?::text IS NULL THEN NULL ELSE now() END
       WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
       RETURNING id, plan_id, quantity, benefit_units, email, customer_id`,
      [
        options.reason,
        refund ? "claimed" : null,
        refund?.payment_id ?? null,
        refund?.amount ?? null,
        refund ? JSON.stringify({ value: refund.amount, precision: 20 }) : null,
        refund?.payment_id ?? null,
        itemId,
      ]
    )
    return (await this.giveBack(sql, rows))[0] ?? null
  }

  /**
   * Takes over a refund claim a crashed run left behind (claimed longer than
   * REFUND_CLAIM_STALE_SECONDS ago): true for the one caller that renewed it.
   */
  @InjectTransactionManager()
  async reclaimStaleRefund(itemId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows = await sql.execute(
      `UPDATE preorder_item SET refund_claimed_at = now(), updated_at = now()
       WHERE id = ? AND refund_status = 'claimed' AND refund_claimed_at < now() - make_interval(secs => ?) AND deleted_at IS NULL
       RETURNING id`,
      [itemId, REFUND_CLAIM_STALE_SECONDS]
    )
    return rows.length > 0
  }

  /** Items whose refund claim is stale: cancelled, refund owed, never recorded. */
  /**
   * What checkout needs before it reserves, in two plain statements (no ORM
   * hydration: drop-day admission runs this for every buyer): the active plans
   * of these variants and the cart's pre-order items.
   */
  @InjectManager()
  async checkoutView(cartId: string, variantIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.manager as unknown as SqlManager
    const plans: CheckoutPlan[] = variantIds.length
      ? await sql.execute(
          `SELECT id, variant_id, status, release_date, window_opens_at, window_closes_at, cap, reserved_units, per_customer_limit
             FROM preorder_plan WHERE variant_id IN (${placeholders(variantIds)}) AND status = 'active' AND deleted_at IS NULL`,
          variantIds
        )
      : []
    const held: CheckoutHeldItem[] = plans.length
      ? await sql.execute(
          `SELECT id, status, cart_line_item_id, quantity FROM preorder_item WHERE cart_id = ? AND deleted_at IS NULL`,
          [cartId]
        )
      : []
    return { plans, held }
  }

  @InjectManager()
  async staleRefundClaims(@MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.manager as unknown as SqlManager
    return (await sql.execute(
      `SELECT id FROM preorder_item WHERE refund_status = 'claimed' AND deleted_at IS NULL
         AND refund_claimed_at < now() - make_interval(secs => ?) ORDER BY refund_claimed_at`,
      [REFUND_CLAIM_STALE_SECONDS]
    )) as { id: string }[]
  }

  private async giveBack(sql: SqlManager, rows: any[]): Promise<ReleasedUnits[]> {
    for (const row of rows) {
      await sql.execute(
        `UPDATE preorder_plan SET reserved_units = GREATEST(0, reserved_units - ?),
                benefits_given = GREATEST(0, benefits_given - ?), updated_at = now() WHERE id = ?`,
        [row.quantity, row.benefit_units, row.plan_id]
      )
      for (const holder of holdersOf(row)) {
        await giveBack(sql, preorderTally, { scope: row.plan_id, holder }, row.quantity)
      }
    }
    return rows.map((row) => ({ id: row.id, plan_id: row.plan_id, quantity: row.quantity, benefit_units: row.benefit_units }))
  }

  /** Undoes returnUnits (a compensation): items go back to their status and take their units again. */
  @InjectTransactionManager()
  async retakeUnits(
    items: (ReleasedUnits & { status: string })[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    for (const item of items) {
      const [row] = await sql.execute(
        `UPDATE preorder_item SET status = ?, cancelled_at = NULL, cancel_reason = NULL, updated_at = now(),
                refund_status = NULL, refund_payment_id = NULL, refund_amount = NULL, raw_refund_amount = NULL, refund_claimed_at = NULL
         WHERE id = ? AND status = 'cancelled' RETURNING email, customer_id`,
        [item.status, item.id]
      )
      if (!row) continue
      await sql.execute(
        `UPDATE preorder_plan SET reserved_units = reserved_units + ?, benefits_given = benefits_given + ?, updated_at = now() WHERE id = ?`,
        [item.quantity, item.benefit_units, item.plan_id]
      )
      for (const holder of holdersOf(row)) {
        await takeAgain(sql, preorderTally, { scope: item.plan_id, holder }, item.quantity)
      }
    }
  }

  /**
   * Short supply: allocates `received` units to the plan's pending items first
   * come, first served, and records the received quantity, in one transaction
   * holding the plan's row: two allocations (or an allocation and a checkout
   * reserving on the plan) never interleave, and items and plan always agree.
   * Returns what was there before too, so a compensation can put it back.
   */
  @InjectTransactionManager()
  async allocate(planId: string, received: number, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const [plan] = await sql.execute(`SELECT id, received_quantity FROM preorder_plan WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [planId])
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${planId} was not found`)
    const items = await sql.execute(
      `SELECT id, quantity, created_at, order_id, email, allocated_units FROM preorder_item
       WHERE plan_id = ? AND status = 'pending' AND deleted_at IS NULL`,
      [planId]
    )
    const result = allocateFirstComeFirstServed(
      items.map((i) => ({ id: i.id, quantity: i.quantity, ordered_at: i.created_at as Date, order_id: i.order_id as string | null, email: i.email as string })),
      received
    )
    for (const a of result.allocations) {
      await sql.execute(`UPDATE preorder_item SET allocated_units = ?, updated_at = now() WHERE id = ?`, [a.allocated, a.item.id])
    }
    await sql.execute(`UPDATE preorder_plan SET received_quantity = ?, updated_at = now() WHERE id = ?`, [received, planId])
    return {
      ...result,
      previous: {
        received_quantity: plan.received_quantity as number | null,
        allocated_units: items.map((i) => ({ id: i.id as string, allocated_units: i.allocated_units as number | null })),
      },
    }
  }

  /**
   * Soft-deletes a plan nobody holds units of, in one transaction holding the
   * plan's row: a checkout reserving on the plan either committed first (then
   * its item is counted and the delete refused) or waits and then finds the
   * plan gone. Throws NOT_ALLOWED naming the live items; returns the plan's status before.
   */
  @InjectTransactionManager()
  async deleteUnusedPlan(planId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const [plan] = await sql.execute(`SELECT id, status, variant_id FROM preorder_plan WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [planId])
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${planId} was not found`)
    const [{ held }] = await sql.execute(
      `SELECT COUNT(*)::int AS held FROM preorder_item WHERE plan_id = ? AND status IN ('reserved', 'pending', 'ready') AND deleted_at IS NULL`,
      [planId]
    )
    if (held > 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Plan ${planId} has ${held} live pre-order item(s); set status "cancelled" instead of deleting it`)
    }
    await sql.execute(`UPDATE preorder_plan SET deleted_at = now(), updated_at = now() WHERE id = ?`, [planId])
    return { id: plan.id as string, status: plan.status as string, variant_id: plan.variant_id as string }
  }

  /** Undoes deleteUnusedPlan (a compensation). */
  @InjectTransactionManager()
  async restoreDeletedPlan(planId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    await sql.execute(`UPDATE preorder_plan SET deleted_at = NULL, updated_at = now() WHERE id = ?`, [planId])
  }

  /** Undoes allocate (a compensation). */
  @InjectTransactionManager()
  async restoreAllocation(
    planId: string,
    previous: { received_quantity: number | null; allocated_units: { id: string; allocated_units: number | null }[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    for (const item of previous.allocated_units) {
      await sql.execute(`UPDATE preorder_item SET allocated_units = ?, updated_at = now() WHERE id = ?`, [item.allocated_units, item.id])
    }
    await sql.execute(`UPDATE preorder_plan SET received_quantity = ?, updated_at = now() WHERE id = ?`, [previous.received_quantity, planId])
  }

  /** Moves a plan's pending items to ready; returns only the items this call moved. */
  @InjectTransactionManager()
  async markReady(planId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    return (await sql.execute(
      `UPDATE preorder_item SET status = 'ready', released_at = now(), updated_at = now()
       WHERE plan_id = ? AND status = 'pending' AND deleted_at IS NULL
       RETURNING id, order_id, order_line_item_id, customer_id, email, quantity`,
      [planId]
    )) as { id: string; order_id: string; order_line_item_id: string; customer_id: string | null; email: string; quantity: number }[]
  }

  /** Units per status for each plan, e.g. { pplan_1: { pending: 12, ready: 0, ... } }: what a progress bar shows. */
  @InjectManager()
  async unitsByStatus(planIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const result: Record<string, Record<string, number>> = {}
    for (const id of planIds) result[id] = { reserved: 0, pending: 0, ready: 0, cancelled: 0 }
    if (!planIds.length) return result
    const sql = sharedContext.manager as unknown as SqlManager
    const rows = await sql.execute(
      `SELECT plan_id, status, SUM(quantity)::int AS units FROM preorder_item
       WHERE plan_id IN (${placeholders(planIds)}) AND deleted_at IS NULL GROUP BY plan_id, status`,
      planIds
    )
    for (const row of rows) result[row.plan_id][row.status] = row.units
    return result
  }

  /**
   * Pre-ordered units and orders per calendar day (in `timeZone`) for plans, by
   * when the fan ordered, with the running total: what a drop's chart shows.
   * Aggregated in PostgreSQL; items still `reserved` (checkout under way) are not
   * orders yet, cancelled units are counted apart.
   */
  @InjectManager()
  async dailyUnits(
    planIds: string[],
    range: { timeZone: string; from?: Date; to?: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!planIds.length) return []
    const sql = sharedContext.manager as unknown as SqlManager
    const bounds: string[] = []
    const params: unknown[] = [range.timeZone, ...planIds]
    if (range.from) bounds.push("AND created_at >= ?") && params.push(range.from)
    if (range.to) bounds.push("AND created_at < ?") && params.push(range.to)
    const rows = await sql.execute(
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
    return rows.map((r) => ({ day: r.day as string, units: r.units ?? 0, cancelled_units: r.cancelled_units, orders: r.orders, cumulative_units: r.cumulative_units ?? 0 }))
  }

  /**
   * Orders and units per minute from `since` to `until` (every minute present,
   * zeros included) for plans: the live view of a drop's opening hour.
   */
  @InjectManager()
  async unitsPerMinute(planIds: string[], since: Date, until: Date, @MedusaContext() sharedContext: Context = {}) {
    if (!planIds.length) return []
    const sql = sharedContext.manager as unknown as SqlManager
    const rows = await sql.execute(
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

  /** Units a holder already has on a plan (for friendly checks before checkout). */
  async unitsHeld(planId: string, line: { email?: string | null; customer_id?: string | null }) {
    const holders = holdersOf(line)
    if (!holders.length) return 0
    const tallies = await this.listPreorderTallies({ plan_id: planId, holder: holders })
    return Math.max(0, ...tallies.map((t) => t.units))
  }
}

export default PreorderModuleService
