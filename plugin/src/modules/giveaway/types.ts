/** Settings staff set on a giveaway, at creation and later (see the admin validators and lib/lifecycle.ts). */
export type GiveawayFields = {
  title?: string
  description?: string | null
  prize?: string
  winners_count?: number
  alternates_count?: number
  product_ids?: string[] | null
  variant_ids?: string[] | null
  entries_per_unit?: number
  max_entries_per_customer?: number | null
  starts_at?: Date
  ends_at?: Date
  eligible_countries?: string[] | null
  min_age?: number | null
  rules_text?: string | null
  rules_url?: string | null
  free_entry_enabled?: boolean
  free_entries_per_day?: number
  claim_days?: number
  metadata?: Record<string, unknown> | null
}

