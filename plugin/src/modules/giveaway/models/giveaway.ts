import { model } from "@medusajs/framework/utils"
import GiveawayEntry from "./giveaway-entry"
import GiveawayWinner from "./giveaway-winner"

/**
 * A giveaway (sweepstakes): what can be won, which purchases earn entries and
 * how many, the entry window, eligibility, the official rules and the free
 * (no purchase necessary) entry method.
 *
 * Commit-reveal: going live stores a secret 32-byte `seed` and publishes
 * `seed_hash` (its SHA-256). The seed is never returned by any API before the
 * draw; the draw publishes it in `published_draw` so anyone can re-run it.
 * Going live also commits to a future public beacon round (`beacon_round`),
 * whose randomness is the draw's public value; closing entries freezes the
 * entry list and publishes its hash (`entries_hash`) before that round exists.
 */
const Giveaway = model
  .define("giveaway", {
    id: model.id({ prefix: "gway" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    prize: model.text(),
    winners_count: model.number().default(1),
    alternates_count: model.number().default(0),
    /** Eligible products and variants (string arrays); a line earns if either lists it. */
    product_ids: model.json().nullable(),
    variant_ids: model.json().nullable(),
    entries_per_unit: model.number().default(1),
    /** Null: no cap. Free entries count toward it too. */
    max_entries_per_customer: model.number().nullable(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    /** ISO 3166-1 alpha-2 codes, lower case (string array); null: anywhere. */
    eligible_countries: model.json().nullable(),
    /** The minimum age the rules state; free entrants confirm it. */
    min_age: model.number().nullable(),
    rules_text: model.text().nullable(),
    rules_url: model.text().nullable(),
    free_entry_enabled: model.boolean().default(false),
    free_entries_per_day: model.number().default(1),
    /** Days a notified winner has to claim the prize. */
    claim_days: model.number().default(14),
    status: model.enum(["draft", "live", "drawn", "closed"]).default("draft"),
    /** Secret until the draw. Never serialise this field directly. */
    seed: model.text().nullable(),
    seed_hash: model.text().nullable(),
    public_value: model.text().nullable(),
    /** The beacon round the draw uses, committed at go-live (lib/beacon.ts, providers/). */
    beacon_provider: model.text().nullable(),
    beacon_chain: model.text().nullable(),
    beacon_round: model.number().nullable(),
    beacon_round_at: model.dateTime().nullable(),
    /** Set when entries close: the frozen public entry list and its SHA-256 (lib/draw.ts entriesHash). */
    entries_closed_at: model.dateTime().nullable(),
    entries_hash: model.text().nullable(),
    entry_list: model.json().nullable(),
    algorithm: model.text().nullable(),
    went_live_at: model.dateTime().nullable(),
    drawn_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    /** The PublishedDraw (lib/draw.ts) exactly as the standalone verifier (verifier/verify-draw.js) reads it. */
    published_draw: model.json().nullable(),
    entries: model.hasMany(() => GiveawayEntry, { mappedBy: "giveaway" }),
    winners: model.hasMany(() => GiveawayWinner, { mappedBy: "giveaway" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["status", "ends_at"] }])

export default Giveaway
