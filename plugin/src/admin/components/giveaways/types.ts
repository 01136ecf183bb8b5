/** The admin API's shapes (src/api/serializers/giveaway.ts), as the pages use them. */
export type GiveawayStatus = "draft" | "live" | "drawn" | "closed"

export type AdminGiveaway = {
  id: string
  title: string
  description: string | null
  prize: string
  status: GiveawayStatus
  state: string
  winners_count: number
  alternates_count: number
  product_ids: string[]
  variant_ids: string[]
  entries_per_unit: number
  max_entries_per_customer: number | null
  starts_at: string
  ends_at: string
  eligible_countries: string[]
  min_age: number | null
  rules_text: string | null
  rules_url: string | null
  free_entry_enabled: boolean
  free_entries_per_day: number
  claim_days: number
  seed_hash: string | null
  /** Committed at go-live: the public beacon round whose randomness the draw uses. */
  beacon: { provider: string; chain_hash: string; round: number; round_time: string; public_url: string } | null
  /** Published when entries close: SHA-256 of the frozen entry list. */
  entries_closed_at: string | null
  entries_hash: string | null
  entrants: number | null
  verifier_url: string
  algorithm: string
  drawn_at: string | null
  went_live_at: string | null
  closed_at: string | null
  created_at: string
  draw: { seed: string; seed_hash: string; public_value: string | null; beacon_round?: number; entries_hash?: string | null; entrants: number; total_entries: number; verify_url: string } | null
  totals: { entries: number; entrants: number; purchase_entries: number; free_entries: number; voided_entries: number }
  [key: string]: unknown
}

export type GiveawayWinner = {
  id: string
  customer_id: string
  email: string
  entrant: string
  entries: number
  rank: number
  kind: "winner" | "alternate"
  status: "pending" | "notified" | "claimed" | "disqualified"
  public_name: string | null
  public_region: string | null
  claim_deadline: string | null
  notified_at: string | null
  claimed_at: string | null
  disqualified_at: string | null
  disqualify_reason: string | null
  replaces_winner_id: string | null
}

export type GiveawayEntry = {
  id: string
  customer_id: string
  email: string
  source: "purchase" | "free"
  order_id: string | null
  units: number | null
  entries: number
  voided_entries: number
  active_entries: number
  void_reason: string | null
  created_at: string
}

export type AuditLog = { id: string; action: string; actor_type: string; actor_id: string | null; details: Record<string, unknown> | null; created_at: string }
