import { MedusaError } from "@medusajs/framework/utils"
import { addWithinCap, countOf, giveBack } from "../../../lib/capped-counter"
import type { Sql } from "../../../lib/sql"
import { groupRefusal, joinsGroup, memberHolder, perMemberRefusal } from "../lib/membership"
import { giveGroupUnitsBack, groupStatus, takeGroupUnits } from "./group-order"
import { groupMember } from "./group-member"
import type { LeavingPurchase, PurchaseStatus } from "./group-purchase"
import { normalizeEmail } from "../../../lib/holders"

export type JoinInput = {
  group_id: string
  code: string
  email: string
  customer_id: string | null
  units: number
  max_units_per_member: number | null
  max_members: number | null
}

/**
 * A checkout's units join the group, in the caller's transaction: the
 * member's units within the per-member limit (one conditional upsert), then
 * the group's held units and, for a new member, its size within the member
 * limit (one conditional UPDATE). Throws NOT_ALLOWED when either refuses (the
 * transaction then rolls back what it took). Returns the member's id.
 */
export async function joinGroup(sql: Sql, input: JoinInput) {
  const perMember = input.max_units_per_member
  if (perMember !== null && input.units > perMember) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, perMemberRefusal(input.code, perMember, { cart: input.units }))
  }
  const key = { scope: input.group_id, holder: memberHolder(input.email) }
  const member = await addWithinCap(sql, groupMember, key, input.units, perMember, {
    email: normalizeEmail(input.email),
    customer_id: input.customer_id,
  })
  if (!member) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, perMemberRefusal(input.code, perMember, { held: await countOf(sql, groupMember, key) }))
  }
  const joins = joinsGroup(member.count, input.units) ? 1 : 0
  if (!(await takeGroupUnits(sql, input.group_id, input.units, joins, input.max_members))) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, groupRefusal(input.code, await groupStatus(sql, input.group_id), input.max_members))
  }
  return member.id
}

/** Gives leaving purchases' units back to their members and groups; a member left with none stops counting toward the size. */
export async function givePurchasesBack(sql: Sql, leaving: (LeavingPurchase & { status: PurchaseStatus })[]) {
  for (const purchase of leaving) {
    const units = await giveBack(sql, groupMember, { id: purchase.member_id }, purchase.units)
    await giveGroupUnitsBack(sql, purchase.group_id, {
      held: purchase.units,
      paid: purchase.status === "placed" ? purchase.units : 0,
      leaves: units === 0 ? 1 : 0,
    })
  }
}
