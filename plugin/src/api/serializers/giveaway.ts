import { DRAW_ALGORITHM } from "../../modules/giveaway/lib/draw"
import { beaconPublicUrl } from "../../modules/giveaway/lib/beacon"
import { giveawayState } from "../../modules/giveaway/lib/lifecycle"

/**
 * Every field a giveaway shows, named one by one: `seed` is not among them.
 * The seed is published only inside the draw, after it happened.
 */
function giveawayFields(g: any, now: Date) {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    prize: g.prize,
    status: g.status,
    state: giveawayState(g, now),
    winners_count: g.winners_count,
    alternates_count: g.alternates_count,
    product_ids: g.product_ids ?? [],
    variant_ids: g.variant_ids ?? [],
    entries_per_unit: g.entries_per_unit,
    max_entries_per_customer: g.max_entries_per_customer,
    starts_at: g.starts_at,
    ends_at: g.ends_at,
    eligible_countries: g.eligible_countries ?? [],
    min_age: g.min_age,
    rules_text: g.rules_text,
    rules_url: g.rules_url,
    free_entry_enabled: g.free_entry_enabled,
    free_entries_per_day: g.free_entries_per_day,
    claim_days: g.claim_days,
    /** The commitment, public from go-live: SHA-256 of the secret seed's bytes. */
    seed_hash: g.seed_hash,
    /** Also committed at go-live: the public beacon round whose randomness the draw will use. */
    beacon: g.beacon_round
      ? {
          provider: g.beacon_provider,
          chain_hash: g.beacon_chain,
          round: g.beacon_round,
          round_time: g.beacon_round_at,
          public_url: beaconPublicUrl(g.beacon_provider, g.beacon_chain, g.beacon_round),
        }
      : null,
    /** Published when entries close, before the beacon round exists: SHA-256 of the frozen entry list. */
    entries_closed_at: g.entries_closed_at ?? null,
    entries_hash: g.entries_hash ?? null,
    entrants: Array.isArray(g.entry_list) ? g.entry_list.length : null,
    algorithm: g.algorithm ?? DRAW_ALGORITHM,
    verifier_url: `/store/giveaways/${g.id}/verifier.js`,
    drawn_at: g.drawn_at,
    draw: g.published_draw
      ? {
          seed: g.published_draw.seed,
          seed_hash: g.published_draw.seed_hash,
          public_value: g.published_draw.public_value,
          beacon_round: g.published_draw.beacon?.round ?? null,
          entries_hash: g.published_draw.entries_hash ?? null,
          algorithm: g.published_draw.algorithm,
          entrants: g.published_draw.entries.length,
          total_entries: g.published_draw.entries.reduce((sum: number, e: { entries: number }) => sum + e.entries, 0),
          verify_url: `/store/giveaways/${g.id}/draw`,
        }
      : null,
  }
}

/** Audit actions fans see on the giveaway's page, with only these details. */
const PUBLIC_HISTORY: Record<string, string[]> = {
  went_live: ["seed_hash", "beacon_round", "beacon_round_at"],
  entries_closed: ["entries_hash", "entrants", "total_entries", "beacon_round"],
  beacon_recommitted: ["from_round", "to_round", "to_round_at", "reason"],
  drawn: ["beacon_round", "entries_hash", "winners", "alternates"],
  closed: ["from"],
}

/**
 * The giveaway's public history, oldest first: go-live commitments, every
 * move of ends_at, entries closing, re-commitments, the draw, closing (with or
 * without a draw). Details are allow-listed: staff ids and private data never show.
 */
export function publicHistory(rows: { action: string; details: any; created_at: Date | string }[]) {
  const history: { action: string; at: string; details: Record<string, unknown> }[] = []
  for (const row of rows) {
    const at = new Date(row.created_at).toISOString()
    if (row.action === "updated" && row.details?.changes?.ends_at) {
      const { from, to } = row.details.changes.ends_at
      history.push({ action: "ends_at_moved", at, details: { from, to } })
      continue
    }
    const fields = PUBLIC_HISTORY[row.action]
    if (!fields) continue
    const details = Object.fromEntries(fields.filter((f) => row.details?.[f] !== undefined).map((f) => [f, row.details[f]]))
    if (row.action === "closed") details.without_draw = row.details?.from !== "drawn"
    history.push({ action: row.action, at, details })
  }
  return history
}

/** What fans see of a winner: rank, entrant label, first name + last initial, state/region. */
export function publicWinner(w: any) {
  return {
    rank: w.rank,
    entrant: w.entrant,
    name: w.public_name,
    region: w.public_region,
    claimed: w.status === "claimed",
    promoted: !!w.replaces_winner_id,
  }
}

export function storeGiveaway(g: any, now = new Date()) {
  return giveawayFields(g, now)
}

export type EntryTotals = { entries: number; entrants: number; purchase_entries: number; free_entries: number; voided_entries: number }

export function adminGiveaway(g: any, totals: EntryTotals | undefined, now = new Date()) {
  return {
    ...giveawayFields(g, now),
    went_live_at: g.went_live_at,
    closed_at: g.closed_at,
    created_at: g.created_at,
    updated_at: g.updated_at,
    metadata: g.metadata,
    totals: totals ?? { entries: 0, entrants: 0, purchase_entries: 0, free_entries: 0, voided_entries: 0 },
  }
}

/** One entry row as staff (and, for their own rows, the fan) see it. */
export function entryRow(e: any) {
  return {
    id: e.id,
    giveaway_id: e.giveaway_id ?? e.giveaway?.id,
    customer_id: e.customer_id,
    email: e.email,
    source: e.source,
    order_id: e.order_id,
    order_line_item_id: e.order_line_item_id,
    product_id: e.product_id,
    variant_id: e.variant_id,
    units: e.units,
    returned_units: e.returned_units,
    requested_entries: e.requested_entries,
    entries: e.entries,
    voided_entries: e.voided_entries,
    active_entries: e.entries - e.voided_entries,
    void_reason: e.void_reason,
    country_code: e.country_code,
    region: e.region,
    created_at: e.created_at,
  }
}
