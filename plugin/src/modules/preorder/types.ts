/** Fields staff set on a plan, at creation and later (see the admin validators). */
export type PreorderPlanFields = {
  window_opens_at?: Date | null
  window_closes_at?: Date | null
  estimated_ship_date?: Date | null
  cap?: number | null
  per_customer_limit?: number | null
  benefit_note?: string | null
  benefit_pool?: number | null
  metadata?: Record<string, unknown> | null
}
