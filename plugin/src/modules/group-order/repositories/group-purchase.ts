import { REFUND_CLAIM_STALE_SECONDS } from "../../../lib/refund-claim"
import { placeholders, type Sql } from "../../../lib/sql"

export type PurchaseStatus = "reserved" | "placed"
export type LeavingPurchase = { id: string; group_id: string; member_id: string; units: number }

/** Takes the purchases still in `status` out: deleted (`remove`) or cancelled, in the statement that checks it. */
export async function takePurchasesOut(sql: Sql, purchaseIds: string[], status: PurchaseStatus, remove?: boolean) {
  return remove
    ? sql.execute<LeavingPurchase>(
        `DELETE FROM group_purchase WHERE id IN (${placeholders(purchaseIds)}) AND status = ? RETURNING id, group_id, member_id, units`,
        [...purchaseIds, status]
      )
    : sql.execute<LeavingPurchase>(
        `UPDATE group_purchase SET status = 'cancelled', updated_at = now()
         WHERE id IN (${placeholders(purchaseIds)}) AND status = ? AND deleted_at IS NULL RETURNING id, group_id, member_id, units`,
        [...purchaseIds, status]
      )
}

export type PaidPurchase = { order_id: string; paid_percent: string; eligible_subtotal: string; discount_paid: string }

const bigNumber = (value: string) => JSON.stringify({ value, precision: 20 })

/** reserved → placed with its order and what was paid; null when it was not reserved any more. */
export async function placeReservedPurchase(sql: Sql, purchaseId: string, paid: PaidPurchase) {
  const [moved] = await sql.execute<{ group_id: string; units: number }>(
    `UPDATE group_purchase SET status = 'placed', order_id = ?, paid_percent = ?, raw_paid_percent = ?,
            eligible_subtotal = ?, raw_eligible_subtotal = ?, discount_paid = ?, raw_discount_paid = ?, updated_at = now()
     WHERE id = ? AND status = 'reserved' RETURNING group_id, units`,
    [
      paid.order_id,
      paid.paid_percent,
      bigNumber(paid.paid_percent),
      paid.eligible_subtotal,
      bigNumber(paid.eligible_subtotal),
      paid.discount_paid,
      bigNumber(paid.discount_paid),
      purchaseId,
    ]
  )
  return moved ?? null
}

/**
 * Claims a placed purchase's settlement refund: pending or failed (or a
 * refunding claim older than REFUND_CLAIM_STALE_SECONDS) → refunding. True
 * for exactly one of any number of concurrent callers.
 */
export async function claimSettlementRefund(sql: Sql, purchaseId: string) {
  const rows = await sql.execute<{ id: string }>(
    `UPDATE group_purchase SET refund_status = 'refunding', refund_claimed_at = now(), updated_at = now()
     WHERE id = ? AND status = 'placed' AND deleted_at IS NULL
       AND (refund_status IN ('pending', 'failed')
            OR (refund_status = 'refunding' AND refund_claimed_at < now() - make_interval(secs => ?)))
     RETURNING id`,
    [purchaseId, REFUND_CLAIM_STALE_SECONDS]
  )
  return rows.length > 0
}
