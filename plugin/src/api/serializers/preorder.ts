import { benefitRemaining, planState, remainingUnits, windowClosesAt } from "../../modules/preorder/lib/plan-state"

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

/** The fan's view of one pre-ordered line. */
export function customerPreorder(item: any) {
  const delayed = new Date(item.release_date).getTime() > new Date(item.ordered_release_date).getTime()
  return {
    id: item.id,
    order_id: item.order_id,
    order_line_item_id: item.order_line_item_id,
    variant_id: item.variant_id,
    quantity: item.quantity,
    status: item.status,
    release_date: item.release_date,
    ordered_release_date: item.ordered_release_date,
    delayed,
    can_cancel: delayed && item.status === "pending",
    benefit_units: item.benefit_units,
    benefit: item.benefit_units > 0 ? item.plan?.benefit_note ?? null : null,
    cancelled_at: item.cancelled_at,
    cancel_reason: item.cancel_reason,
  }
}
