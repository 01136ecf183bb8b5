import type { Context } from "@medusajs/framework/types"
import {
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import GroupCampaign from "./models/group-campaign"
import GroupMember from "./models/group-member"
import GroupOrder from "./models/group-order"
import GroupPurchase from "./models/group-purchase"
import { sqlOf } from "../../lib/sql"
import { memberHolder } from "./lib/membership"
import * as groups from "./repositories/group-order"
import { givePurchasesBack, joinGroup } from "./repositories/group-membership"
import * as purchases from "./repositories/group-purchase"
import { normalizeEmail } from "../../lib/holders"

export { memberHolder }

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

/**
 * Campaigns, groups, members and purchases. The atomic SQL lives in
 * repositories/ (group-membership.ts: the member and group counters); these
 * methods give it a transaction and record purchases through the ORM.
 */
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
    const memberId = await joinGroup(sqlOf(sharedContext), input)
    const [purchase] = await this.createGroupPurchases(
      [
        {
          group_id: input.group_id,
          member_id: memberId,
          cart_id: input.cart_id,
          email: normalizeEmail(input.email),
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
    const sql = sqlOf(sharedContext)
    const rows: (purchases.LeavingPurchase & { status: purchases.PurchaseStatus })[] = []
    for (const status of options.fromStatuses) {
      rows.push(...(await purchases.takePurchasesOut(sql, purchaseIds, status, options.remove)).map((row) => ({ ...row, status })))
    }
    await givePurchasesBack(sql, rows)
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
    const sql = sqlOf(sharedContext)
    const moved = await purchases.placeReservedPurchase(sql, purchaseId, paid)
    if (!moved) return null
    return groups.addPaidUnits(sql, moved.group_id, moved.units)
  }

  /** Claims the announcement of `tier` (true once per tier, however many orders race to it). */
  @InjectTransactionManager()
  async claimTierAnnouncement(groupId: string, tier: number, @MedusaContext() sharedContext: Context = {}) {
    return groups.claimTierAnnouncement(sqlOf(sharedContext), groupId, tier)
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
    return purchases.claimSettlementRefund(sqlOf(sharedContext), purchaseId)
  }

  /** settling → settled; true only for the call that moved it. */
  @InjectTransactionManager()
  async markSettled(groupId: string, @MedusaContext() sharedContext: Context = {}) {
    return groups.markSettled(sqlOf(sharedContext), groupId)
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
    const sql = sqlOf(sharedContext)
    const group = await groups.lockGroup(sql, groupId)
    if (!group) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group order ${groupId} was not found`)
    if (group.status === "open") await groups.startSettling(sql, groupId, finalTier(group.paid_units))
    return group.status
  }
}

export default GroupOrderModuleService
