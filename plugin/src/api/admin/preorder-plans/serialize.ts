import { benefitRemaining, planState, remainingUnits, windowClosesAt } from "../../../modules/preorder/lib/plan-state"

/** What fans see of a plan. */
export function storePlan(plan: any, now = new Date()) {
  return {
    id: plan.id,
    product_id: plan.product_id,
    variant_id: plan.variant_id,
    state: planState(plan, now),
    release_date: plan.release_date,
    window_opens_at: plan.window_opens_at,
    window_closes_at: windowClosesAt(plan),
    estimated_ship_date: plan.estimated_ship_date,
    remaining_units: remainingUnits(plan),
    sold_out: remainingUnits(plan) === 0,
    per_customer_limit: plan.per_customer_limit,
    benefit_note: plan.benefit_note,
    benefit_remaining: benefitRemaining(plan),
  }
}

/** What staff see: everything, plus the counts a progress bar needs. */
export function adminPlan(plan: any, units: Record<string, number> | undefined, now = new Date()) {
  return {
    ...plan,
    state: planState(plan, now) ?? plan.status,
    window_closes_at_effective: windowClosesAt(plan),
    remaining_units: remainingUnits(plan),
    benefit_remaining: benefitRemaining(plan),
    units: units ?? { reserved: 0, pending: 0, ready: 0, cancelled: 0 },
  }
}
