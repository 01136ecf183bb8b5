import type { Context } from "@medusajs/framework/types"
import {
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import GroupCampaign from "./models/group-campaign"
import GroupMember from "./models/group-member"
import GroupOrder from "./models/group-order"
import GroupPurchase from "./models/group-purchase"
import { placeholders, type SqlManager } from "../../lib/sql"
import { addWithinCap, countOf, giveBack } from "../../lib/capped-counter"
import { groupMember } from "./repositories/group-member"
import { REFUND_CLAIM_STALE_SECONDS } from "../../lib/refund-claim"


export type ReserveMembershipInput = {
  group_id: string
  code: string
  cart_id: string
  email: string
  customer_id: string | null
  units: number
  max_units_per_member: number | null
  max_members: number | null
}

export type ReleasedPurchase = { id: string; group_id: string; member_id: string; units: number; status: string }

export const memberHolder = (email: string) => `email:${email.trim().toLowerCase()}`

class GroupOrderModuleService extends MedusaService({ GroupCampaign, GroupOrder, GroupMember, GroupPurchase }) {
  /**
   * A checkout joins its group: the member's units (per-member limit), the
   * group's size (member limit) and held units move by conditional statements
   * in one transaction, and a `reserved` purchase records the cart. PostgreSQL
   * serialises the statements per row, so limits hold across any number of
   * concurrent checkouts and server processes. Throws NOT_ALLOWED, nothing changed.
   */
  @InjectTransactionManager()
  async reserveMembership(input: ReserveMembershipInput, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const perMember = input.max_units_per_member
    if (perMember !== null && input.units > perMember) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Each member of group ${input.code} may buy up to ${perMember} units; this cart has ${input.units}.`
      )
    }
    const holder = memberHolder(input.email)
    const email = input.email.trim().toLowerCase()
    const member = await addWithinCap(sql, groupMember, { scope: input.group_id, holder }, input.units, perMember, {
      email,
      customer_id: input.customer_id,
    })
    if (!member) {
      const has = await countOf(sql, groupMember, { scope: input.group_id, holder })
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Each member of group ${input.code} may buy up to ${perMember} units; you have ${has} already and can add ${Math.max(0, perMember! - has)} more.`
      )
    }
    const joins = member.count === input.units ? 1 : 0
    const [group] = await sql.execute(
      `UPDATE group_order SET held_units = held_units + ?, member_count = member_count + ?, updated_at = now()
       WHERE id = ? AND status = 'open' AND deleted_at IS NULL
         AND (? = 0 OR ?::int IS NULL OR member_count + 1 <= ?::int)
       RETURNING id`,
      [input.units, joins, input.group_id, joins, input.max_members, input.max_members]
    )
    if (!group) {
      const [current] = await sql.execute(`SELECT status FROM group_order WHERE id = ?`, [input.group_id])
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        current?.status === "open"
          ? `Group ${input.code} is full: it already has ${input.max_members} members.`
          : `Group ${input.code} is ${current?.status ?? "gone"} and takes no new orders.`
      )
    }
    const [purchase] = await this.createGroupPurchases(
      [
        {
          group_id: input.group_id,
          member_id: member.id,
          cart_id: input.cart_id,
          email: input.email.trim().toLowerCase(),
          customer_id: input.customer_id,
          units: input.units,
          status: "reserved",
        },
      ],
      sharedContext
    )
    return purchase
  }

  /**
   * Takes purchases out of the group (a failed checkout, a cancelled order):
   * only purchases still in `fromStatuses` move, and they leave those statuses in
   * the same statement, so a duplicate event gives nothing back twice. Members
   * left with no units stop counting toward the group's size.
   */
  @InjectTransactionManager()
  async releasePurchases(
    purchaseIds: string[],
    options: { fromStatuses: ("reserved" | "placed")[]; remove?: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReleasedPurchase[]> {
    if (!purchaseIds.length) return []
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows: ReleasedPurchase[] = []
    for (const status of options.fromStatuses) {
      const moved = options.remove
        ? await sql.execute(
            `DELETE FROM group_purchase WHERE id IN (${placeholders(purchaseIds)}) AND status = ? RETURNING id, group_id, member_id, units`,
            [...purchaseIds, status]
          )
        : await sql.execute(
            `UPDATE group_purchase SET status = 'cancelled', updated_at = now()
             WHERE id IN (${placeholders(purchaseIds)}) AND status = ? AND deleted_at IS NULL RETURNING id, group_id, member_id, units`,
            [...purchaseIds, status]
          )
      rows.push(...moved.map((row) => ({ ...row, status })))
    }
    for (const row of rows) {
      const units = await giveBack(sql, groupMember, { id: row.member_id }, row.units)
      const leaves = units === 0 ? 1 : 0
      await sql.execute(
        `UPDATE group_order SET held_units = GREATEST(0, held_units - ?),
                paid_units = GREATEST(0, paid_units - ?), member_count = GREATEST(0, member_count - ?), updated_at = now()
         WHERE id = ?`,
        [row.units, row.status === "placed" ? row.units : 0, leaves, row.group_id]
      )
    }
    return rows
  }

  /**
   * A reserved purchase becomes placed with its order and what was paid; the
   * group's paid units grow. Returns the group's new paid units, or null when
   * the purchase was not reserved any more (a duplicate order.placed).
   */
  @InjectTransactionManager()
  async placePurchase(
    purchaseId: string,
    paid: { order_id: string; paid_percent: string; eligible_subtotal: string; discount_paid: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number | null> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const [moved] = await sql.execute(
      `UPDATE group_purchase SET status = 'placed', order_id = ?, paid_percent = ?, raw_paid_percent = ?,
              eligible_subtotal = ?, raw_eligible_subtotal = ?, discount_paid = ?, raw_discount_paid = ?, updated_at = now()
       WHERE id = ? AND status = 'reserved' RETURNING group_id, units`,
      [
        paid.order_id,
        paid.paid_percent,
        JSON.stringify({ value: paid.paid_percent, precision: 20 }),
        paid.eligible_subtotal,
        JSON.stringify({ value: paid.eligible_subtotal, precision: 20 }),
        paid.discount_paid,
        JSON.stringify({ value: paid.discount_paid, precision: 20 }),
        purchaseId,
      ]
    )
    if (!moved) return null
    const [group] = await sql.execute(
      `UPDATE group_order SET paid_units = paid_units + ?, updated_at = now() WHERE id = ? RETURNING paid_units`,
      [moved.units, moved.group_id]
    )
    return group.paid_units
  }

  /** Claims the announcement of `tier` (true once per tier, however many orders race to it). */
  @InjectTransactionManager()
  async claimTierAnnouncement(groupId: string, tier: number, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows = await sql.execute(
      `UPDATE group_order SET announced_tier = ?, updated_at = now() WHERE id = ? AND announced_tier < ? RETURNING id`,
      [tier, groupId, tier]
    )
    return rows.length > 0
  }

  /**
   * Claims a placed purchase's settlement refund for this run: pending or failed
   * (or refunding, claimed by a run that died more than
   * REFUND_CLAIM_STALE_SECONDS ago) → refunding, in one conditional statement.
   * Exactly one of any number of concurrent runs, in any processes, gets true;
   * only it may call the payment provider.
   */
  @InjectTransactionManager()
  async claimSettlementRefund(purchaseId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows = await sql.execute(
      `UPDATE group_purchase SET refund_status = 'refunding', refund_claimed_at = now(), updated_at = now()
       WHERE id = ? AND status = 'placed' AND deleted_at IS NULL
         AND (refund_status IN ('pending', 'failed')
              OR (refund_status = 'refunding' AND refund_claimed_at < now() - make_interval(secs => ?)))
       RETURNING id`,
      [purchaseId, REFUND_CLAIM_STALE_SECONDS]
    )
    return rows.length > 0
  }

  /** settling → settled; true only for the call that moved it. */
  @InjectTransactionManager()
  async markSettled(groupId: string, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows = await sql.execute(
      `UPDATE group_order SET status = 'settled', settled_at = now(), updated_at = now() WHERE id = ? AND status = 'settling' RETURNING id`,
      [groupId]
    )
    return rows.length > 0
  }

  /**
   * Locks a group for settlement: open → settling, with the final tier taken
   * from its paid units at this moment. A group already settling (a run that
   * died halfway) is returned as it is, so a retry finishes the same settlement.
   */
  @InjectTransactionManager()
  async lockForSettlement(
    groupId: string,
    finalTier: (paidUnits: number) => { tier: number; percent: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const [group] = await sql.execute(`SELECT id, status, paid_units FROM group_order WHERE id = ? FOR UPDATE`, [groupId])
    if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group order ${groupId} was not found`)
    if (group.status === "open") {
      const final = finalTier(group.paid_units)
      await sql.execute(
        `UPDATE group_order SET status = 'settling', final_tier = ?, final_percent = ?, raw_final_percent = ?, updated_at = now() WHERE id = ?`,
        [final.tier, final.percent, JSON.stringify({ value: String(final.percent), precision: 20 }), groupId]
      )
    }
    return group.status as "open" | "settling" | "settled" | "cancelled"
  }
}

export default GroupOrderModuleService
