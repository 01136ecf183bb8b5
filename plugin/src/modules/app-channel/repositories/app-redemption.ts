import { MedusaError } from "@medusajs/framework/utils"
import { addWithinCap, giveBack } from "../../../lib/capped-counter"
import { placeholders, type Sql } from "../../../lib/sql"
import { redemptionHolders, redemptionRefusal, type LimitKind } from "../lib/redemption"
import { appRedemptionTally } from "./app-redemption-tally"

export type LimitedPromotion = { promotion_id: string; code: string; per_customer_limit: number | null; per_device_limit: number | null }
export type RedemptionStatus = "reserved" | "placed" | "cancelled"
type LeavingRedemption = { id: string; promotion_id: string; email: string; customer_id: string | null; device_id: string }

/**
 * Counts one use of a promotion against each of its limits (the customer's
 * holders, the device's), by one conditional upsert per holder, in the
 * caller's transaction. Throws NOT_ALLOWED naming the limit that refused (the
 * transaction then rolls back what it counted).
 */
export async function countUse(sql: Sql, promotion: LimitedPromotion, fan: { email: string; customer_id: string | null; device_id: string }) {
  const holders = redemptionHolders(fan)
  const limits: [string[], number | null, LimitKind][] = [
    [holders.customer, promotion.per_customer_limit, "customer"],
    [holders.device, promotion.per_device_limit, "device"],
  ]
  for (const [keys, limit, kind] of limits) {
    if (limit === null) continue
    for (const holder of keys) {
      if (!(await addWithinCap(sql, appRedemptionTally, { scope: promotion.promotion_id, holder }, 1, limit))) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, redemptionRefusal(promotion.code, limit, kind))
      }
    }
  }
}

/**
 * Takes the redemptions still in `statuses` out (deleted, or cancelled) in the
 * statement that checks them, and gives each holder its use back. Returns the
 * redemptions that moved: a second call finds none.
 */
export async function takeRedemptionsOut(sql: Sql, ids: string[], statuses: RedemptionStatus[], remove?: boolean) {
  const rows = remove
    ? await sql.execute<LeavingRedemption>(
        `DELETE FROM app_redemption WHERE id IN (${placeholders(ids)}) AND status IN (${placeholders(statuses)})
         RETURNING id, promotion_id, email, customer_id, device_id`,
        [...ids, ...statuses]
      )
    : await sql.execute<LeavingRedemption>(
        `UPDATE app_redemption SET status = 'cancelled', updated_at = now()
         WHERE id IN (${placeholders(ids)}) AND status IN (${placeholders(statuses)}) AND deleted_at IS NULL
         RETURNING id, promotion_id, email, customer_id, device_id`,
        [...ids, ...statuses]
      )
  for (const row of rows) {
    const holders = redemptionHolders(row)
    for (const holder of [...holders.customer, ...holders.device]) {
      await giveBack(sql, appRedemptionTally, { scope: row.promotion_id, holder }, 1)
    }
  }
  return rows
}

/** Redemptions per promotion and status, counted in PostgreSQL. */
export async function countByPromotionAndStatus(sql: Sql, promotionIds: string[]) {
  return sql.execute<{ promotion_id: string; status: RedemptionStatus; n: number | string }>(
    `SELECT promotion_id, status, count(*)::int AS n FROM app_redemption
     WHERE promotion_id IN (${placeholders(promotionIds)}) AND deleted_at IS NULL GROUP BY promotion_id, status`,
    promotionIds
  )
}
