import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import PreorderItem from "./models/preorder-item"
import PreorderPlan from "./models/preorder-plan"
import PreorderTally from "./models/preorder-tally"
import { sqlOf } from "../../lib/sql"
import { holdersOf, normalizeEmail } from "./lib/holders"
import { allocateFirstComeFirstServed } from "./lib/plan-state"
import * as items from "./repositories/preorder-item"
import * as plans from "./repositories/preorder-plan"
import { giveItemUnitsBack, takeItemUnitsAgain, takeLineUnits } from "./repositories/preorder-units"

export { holdersOf, normalizeEmail }
export type { CheckoutPlan } from "./repositories/preorder-plan"
export type { CheckoutHeldItem } from "./repositories/preorder-item"

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

export type ReleasedUnits = { id: string; plan_id: string; quantity: number; benefit_units: number }

const released = (item: items.LeavingItem): ReleasedUnits => ({
  id: item.id,
  plan_id: item.plan_id,
  quantity: item.quantity,
  benefit_units: item.benefit_units,
})

/**
 * Plans, items and per-holder tallies. The atomic SQL lives in repositories/
 * (one conditional statement per counter, see preorder-units.ts); these
 * methods give it a transaction and record items through the ORM.
 */
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
    const sql = sqlOf(sharedContext)
    const created: { id: string }[] = []
    for (const line of lines) {
      const benefitUnits = await takeLineUnits(sql, line, line.label ?? `variant ${line.variant_id}`)
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
            benefit_units: benefitUnits,
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
    const sql = sqlOf(sharedContext)
    const leaving = await items.takeItemsOut(sql, itemIds, { statuses: options.fromStatuses, reason: options.reason, remove: options.remove })
    await giveItemUnitsBack(sql, leaving)
    return leaving.map(released)
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
    const sql = sqlOf(sharedContext)
    const item = await items.cancelPendingClaimingRefund(sql, itemId, options.reason, options.refund)
    if (!item) return null
    await giveItemUnitsBack(sql, [item])
    return released(item)
  }

  /**
   * Takes over a refund claim a crashed run left behind (claimed longer than
   * REFUND_CLAIM_STALE_SECONDS ago): true for the one caller that renewed it.
   */
  @InjectTransactionManager()
  async reclaimStaleRefund(itemId: string, @MedusaContext() sharedContext: Context = {}) {
    return items.renewStaleRefundClaim(sqlOf(sharedContext), itemId)
  }

  /**
   * What checkout needs before it reserves, in two plain statements (no ORM
   * hydration: drop-day admission runs this for every buyer): the active plans
   * of these variants and the cart's pre-order items.
   */
  @InjectManager()
  async checkoutView(cartId: string, variantIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sqlOf(sharedContext, "manager")
    const found = await plans.activePlansOfVariants(sql, variantIds)
    const held = found.length ? await items.itemsOfCart(sql, cartId) : []
    return { plans: found, held }
  }

  /** Items whose refund claim is stale: cancelled, refund owed, never recorded. */
  @InjectManager()
  async staleRefundClaims(@MedusaContext() sharedContext: Context = {}) {
    return items.staleRefundClaims(sqlOf(sharedContext, "manager"))
  }

  /** Undoes returnUnits (a compensation): items go back to their status and take their units again. */
  @InjectTransactionManager()
  async retakeUnits(
    retaken: (ReleasedUnits & { status: string })[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    for (const item of retaken) {
      const holder = await items.uncancelItem(sql, item.id, item.status)
      if (holder) await takeItemUnitsAgain(sql, item, holder)
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
    const sql = sqlOf(sharedContext)
    const plan = await plans.lockPlan(sql, planId)
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${planId} was not found`)
    const pending = await items.pendingItemsOfPlan(sql, planId)
    const result = allocateFirstComeFirstServed(
      pending.map((i) => ({ id: i.id, quantity: i.quantity, ordered_at: i.created_at, order_id: i.order_id, email: i.email })),
      received
    )
    for (const a of result.allocations) await items.setAllocatedUnits(sql, a.item.id, a.allocated)
    await plans.setReceivedQuantity(sql, planId, received)
    return {
      ...result,
      previous: {
        received_quantity: plan.received_quantity,
        allocated_units: pending.map((i) => ({ id: i.id, allocated_units: i.allocated_units })),
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
    const sql = sqlOf(sharedContext)
    const plan = await plans.lockPlan(sql, planId)
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${planId} was not found`)
    const held = await items.countLiveItems(sql, planId)
    if (held > 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Plan ${planId} has ${held} live pre-order item(s); set status "cancelled" instead of deleting it`)
    }
    await plans.softDeletePlan(sql, planId)
    return { id: plan.id, status: plan.status, variant_id: plan.variant_id }
  }

  /** Undoes deleteUnusedPlan (a compensation). */
  @InjectTransactionManager()
  async restoreDeletedPlan(planId: string, @MedusaContext() sharedContext: Context = {}) {
    await plans.restoreDeletedPlan(sqlOf(sharedContext), planId)
  }

  /** Undoes allocate (a compensation). */
  @InjectTransactionManager()
  async restoreAllocation(
    planId: string,
    previous: { received_quantity: number | null; allocated_units: { id: string; allocated_units: number | null }[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    for (const item of previous.allocated_units) await items.setAllocatedUnits(sql, item.id, item.allocated_units)
    await plans.setReceivedQuantity(sql, planId, previous.received_quantity)
  }

  /** Moves a plan's pending items to ready; returns only the items this call moved. */
  @InjectTransactionManager()
  async markReady(planId: string, @MedusaContext() sharedContext: Context = {}) {
    return items.markPlanItemsReady(sqlOf(sharedContext), planId)
  }

  /** Units per status for each plan, e.g. { pplan_1: { pending: 12, ready: 0, ... } }: what a progress bar shows. */
  @InjectManager()
  async unitsByStatus(planIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const result: Record<string, Record<string, number>> = {}
    for (const id of planIds) result[id] = { reserved: 0, pending: 0, ready: 0, cancelled: 0 }
    if (!planIds.length) return result
    for (const row of await items.unitsByPlanAndStatus(sqlOf(sharedContext, "manager"), planIds)) result[row.plan_id][row.status] = row.units
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
    return items.dailyUnits(sqlOf(sharedContext, "manager"), planIds, range)
  }

  /**
   * Orders and units per minute from `since` to `until` (every minute present,
   * zeros included) for plans: the live view of a drop's opening hour.
   */
  @InjectManager()
  async unitsPerMinute(planIds: string[], since: Date, until: Date, @MedusaContext() sharedContext: Context = {}) {
    if (!planIds.length) return []
    return items.unitsPerMinute(sqlOf(sharedContext, "manager"), planIds, since, until)
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
