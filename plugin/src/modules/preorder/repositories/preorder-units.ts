import { MedusaError } from "@medusajs/framework/utils"
import { addWithinCap, countOf, giveBack, takeAgain } from "../../../lib/capped-counter"
import type { Sql } from "../../../lib/sql"
import { holdersOf } from "../lib/holders"
import { capRefusedReason, perCustomerRefusal } from "../lib/plan-state"
import { capOf, givePlanUnitsBack, grantBenefits, takeCapUnits, takePlanUnitsAgain } from "./preorder-plan"
import type { LeavingItem } from "./preorder-item"
import { preorderTally } from "./preorder-tally"

/**
 * The units a pre-order line holds, taken in the caller's transaction: cap
 * units of the plan, then the line's holders' per-customer units, then
 * benefits. Each counter moves by one conditional statement PostgreSQL
 * serialises per row, so no interleaving of checkouts, in one process or
 * many, can oversell. Throws NOT_ALLOWED when the line does not fit (the
 * transaction then rolls back what it took). Returns the benefits granted.
 */
export async function takeLineUnits(
  sql: Sql,
  line: { plan_id: string; quantity: number; email: string; customer_id: string | null },
  label: string
) {
  const taken = await takeCapUnits(sql, line.plan_id, line.quantity)
  if (!taken) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, capRefusedReason(await capOf(sql, line.plan_id), line.quantity, label))
  }
  const limit = taken.per_customer_limit
  if (limit !== null) {
    if (line.quantity > limit) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, perCustomerRefusal(label, limit))
    for (const holder of holdersOf(line)) {
      const key = { scope: line.plan_id, holder }
      if (!(await addWithinCap(sql, preorderTally, key, line.quantity, limit))) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, perCustomerRefusal(label, limit, await countOf(sql, preorderTally, key)))
      }
    }
  }
  return grantBenefits(sql, line.plan_id, line.quantity)
}

/** Gives leaving items' units back: the plan's cap units and benefits, and each holder's tally. */
export async function giveItemUnitsBack(sql: Sql, items: LeavingItem[]) {
  for (const item of items) {
    await givePlanUnitsBack(sql, item)
    for (const holder of holdersOf(item)) await giveBack(sql, preorderTally, { scope: item.plan_id, holder }, item.quantity)
  }
}

/** Takes an item's units again (a compensation of giveItemUnitsBack): past the cap and the limits. */
export async function takeItemUnitsAgain(
  sql: Sql,
  item: { plan_id: string; quantity: number; benefit_units: number },
  holder: { email: string; customer_id: string | null }
) {
  await takePlanUnitsAgain(sql, item)
  for (const key of holdersOf(holder)) await takeAgain(sql, preorderTally, { scope: item.plan_id, holder: key }, item.quantity)
}
