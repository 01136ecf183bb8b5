import { placeholders, type Sql } from "../../../lib/sql"

/** A plan as checkout reads it before reserving. */
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

/** The active plans of these variants (plain rows: drop-day admission reads them for every buyer). */
export async function activePlansOfVariants(sql: Sql, variantIds: string[]) {
  if (!variantIds.length) return []
  return sql.execute<CheckoutPlan>(
    `SELECT id, variant_id, status, release_date, window_opens_at, window_closes_at, cap, reserved_units, per_customer_limit
       FROM preorder_plan WHERE variant_id IN (${placeholders(variantIds)}) AND status = 'active' AND deleted_at IS NULL`,
    variantIds
  )
}

/**
 * Takes `quantity` units of an active plan's cap when they fit, in one
 * conditional UPDATE (PostgreSQL serialises it per plan row). Returns the
 * plan's per-customer limit, or null when the cap (or the plan's status) refused.
 */
export async function takeCapUnits(sql: Sql, planId: string, quantity: number) {
  const [taken] = await sql.execute<{ id: string; per_customer_limit: number | null }>(
    `UPDATE preorder_plan SET reserved_units = reserved_units + ?, updated_at = now()
     WHERE id = ? AND status = 'active' AND deleted_at IS NULL
       AND (cap IS NULL OR reserved_units + ? <= cap)
     RETURNING id, per_customer_limit`,
    [quantity, planId, quantity]
  )
  return taken ?? null
}

/** A plan's cap and use as they are now (to word a refusal); null when there is no such plan. */
export async function capOf(sql: Sql, planId: string) {
  const [plan] = await sql.execute<{ cap: number | null; reserved_units: number; status: string }>(
    `SELECT cap, reserved_units, status FROM preorder_plan WHERE id = ?`,
    [planId]
  )
  return plan ?? null
}

/**
 * Grants up to `quantity` benefits from the plan's pool, under the plan's row
 * lock: returns how many were granted (0 when the plan has no pool or it is spent).
 */
export async function grantBenefits(sql: Sql, planId: string, quantity: number) {
  const [benefit] = await sql.execute<{ granted: number | string }>(
    `WITH current AS (
       SELECT id, benefit_pool, benefits_given FROM preorder_plan WHERE id = ? FOR UPDATE
     )
     UPDATE preorder_plan p
        SET benefits_given = p.benefits_given + LEAST(?, current.benefit_pool - current.benefits_given)
       FROM current
      WHERE p.id = current.id AND current.benefit_pool IS NOT NULL AND current.benefits_given < current.benefit_pool
     RETURNING LEAST(?, current.benefit_pool - current.benefits_given) AS granted`,
    [planId, quantity, quantity]
  )
  return Number(benefit?.granted ?? 0)
}

/** Gives an item's cap units and benefits back to its plan (floored at 0). */
export async function givePlanUnitsBack(sql: Sql, item: { plan_id: string; quantity: number; benefit_units: number }) {
  await sql.execute<never>(
    `UPDATE preorder_plan SET reserved_units = GREATEST(0, reserved_units - ?),
            benefits_given = GREATEST(0, benefits_given - ?), updated_at = now() WHERE id = ?`,
    [item.quantity, item.benefit_units, item.plan_id]
  )
}

/** Takes an item's cap units and benefits again, past the cap (a compensation). */
export async function takePlanUnitsAgain(sql: Sql, item: { plan_id: string; quantity: number; benefit_units: number }) {
  await sql.execute<never>(
    `UPDATE preorder_plan SET reserved_units = reserved_units + ?, benefits_given = benefits_given + ?, updated_at = now() WHERE id = ?`,
    [item.quantity, item.benefit_units, item.plan_id]
  )
}

/**
 * Locks a live plan's row until the transaction ends (checkouts reserving on
 * it wait); null when there is no such plan.
 */
export async function lockPlan(sql: Sql, planId: string) {
  const [plan] = await sql.execute<{ id: string; status: string; variant_id: string; received_quantity: number | null }>(
    `SELECT id, status, variant_id, received_quantity FROM preorder_plan WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [planId]
  )
  return plan ?? null
}

export async function setReceivedQuantity(sql: Sql, planId: string, received: number | null) {
  await sql.execute<never>(`UPDATE preorder_plan SET received_quantity = ?, updated_at = now() WHERE id = ?`, [received, planId])
}

export async function softDeletePlan(sql: Sql, planId: string) {
  await sql.execute<never>(`UPDATE preorder_plan SET deleted_at = now(), updated_at = now() WHERE id = ?`, [planId])
}

export async function restoreDeletedPlan(sql: Sql, planId: string) {
  await sql.execute<never>(`UPDATE preorder_plan SET deleted_at = NULL, updated_at = now() WHERE id = ?`, [planId])
}
