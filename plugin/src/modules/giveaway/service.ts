import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { anonymiseEntrants, entriesEarned, entriesToVoid, freeEntryAllowed } from "./lib/entries"
import { entriesHash, publishedDraw, type DrawEntry, type PublishedDraw } from "./lib/draw"
import { roundProblem, type BeaconRound } from "./lib/beacon"
import DrandBeaconProvider from "./providers/drand"
import type { BeaconProvider } from "./providers/types"
import { countryEligible, inEntryWindow, lineEligible } from "./lib/eligibility"
import Giveaway from "./models/giveaway"
import GiveawayAuditLog from "./models/giveaway-audit-log"
import GiveawayEntrant from "./models/giveaway-entrant"
import GiveawayEntry from "./models/giveaway-entry"
import GiveawayTally from "./models/giveaway-tally"
import GiveawayWinner from "./models/giveaway-winner"
import { placeholders, type SqlManager } from "../../lib/sql"
import { giveBack, lockCount, shiftWithinCap } from "../../lib/capped-counter"
import { giveawayTally } from "./repositories/giveaway-tally"
import path from "node:path"


export type Actor = { type: "user" | "system" | "customer"; id: string | null }

export type OrderForEntries = {
  order_id: string
  customer_id: string
  email: string
  placed_at: Date
  country_code: string | null
  region: string | null
  lines: { id: string; product_id: string | null; variant_id: string | null; quantity: number }[]
}

export type EarnedEntry = {
  id: string
  giveaway_id: string
  customer_id: string
  order_line_item_id: string
  units: number
  requested_entries: number
  entries: number
}

export type VoidChange = {
  id: string
  giveaway_id: string
  customer_id: string
  returned_units_before: number
  returned_units: number
  voided: number
}

export type FreeEntryInput = {
  giveaway_id: string
  customer_id: string
  email: string
  country_code: string | null
  region: string | null
  now?: Date
}

export type FreeEntryRefusal = {
  reason: "not_open" | "free_entry_disabled" | "not_eligible" | "daily_limit" | "entry_cap"
  message: string
  retry_at: Date | null
}

export type WinnerSnapshot = {
  id: string
  kind: string
  status: string
  disqualified_at: Date | null
  disqualify_reason: string | null
  promoted_at: Date | null
  replaces_winner_id: string | null
  claimed_at: Date | null
  notified_at: Date | null
  claim_deadline: Date | null
}
const DAY_MS = 86_400_000

export type GiveawayModuleOptions = {
  /** The public randomness beacon draws commit to (default: drand quicknet over HTTPS). */
  beacon?: { id: string; resolve?: string; options?: Record<string, unknown> }
  /**
   * Seconds between ends_at and the committed beacon round (default 600): the
   * time entries have to close, and their hash to be published, before the
   * round's value exists.
   */
  beacon_delay_seconds?: number
  /** Through the plugin: the same two options under its `giveaways` section. */
  giveaways?: { beacon?: GiveawayModuleOptions["beacon"]; beacon_delay_seconds?: number }
}

/** What go-live commits to besides the seed: the beacon round whose value will be the draw's public value. */
export type BeaconCommitment = { beacon_provider: string; beacon_chain: string; beacon_round: number; beacon_round_at: Date }

export type ClosedEntries = {
  giveaway_id: string
  /** True when this call closed them (false: they were already closed, or the giveaway is drawn). */
  closed_now: boolean
  drawn: boolean
  beacon_round: number | null
  beacon_round_at: Date | null
}

class GiveawayModuleService extends MedusaService({
  Giveaway,
  GiveawayEntry,
  GiveawayWinner,
  GiveawayAuditLog,
  GiveawayTally,
  GiveawayEntrant,
}) {
  protected readonly beacon_: BeaconProvider
  protected readonly beaconDelayMs_: number

  constructor(container: Record<string, unknown>, moduleOptions: GiveawayModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const options = moduleOptions.giveaways ?? moduleOptions
    const config = options.beacon ?? { id: "drand", options: {} }
    if (!config.resolve && config.id === "drand") {
      this.beacon_ = new DrandBeaconProvider(config.options as any)
    } else {
      // A beacon of the operator's own (e.g. NIST's): its module's default export.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const loaded = require(path.resolve(process.cwd(), config.resolve ?? ""))
      const Provider = loaded.default ?? loaded
      this.beacon_ = new Provider(config.options ?? {})
    }
    const delay = options.beacon_delay_seconds ?? 600
    if (!Number.isFinite(delay) || delay < 0) throw new Error(`giveaway: beacon_delay_seconds must be a number of seconds >= 0, got ${delay}`)
    this.beaconDelayMs_ = delay * 1000
  }

  beacon(): BeaconProvider {
    return this.beacon_
  }

  /** The round a giveaway ending at `endsAt` commits to at go-live: the first after endsAt + the delay. */
  beaconCommitment(endsAt: Date): BeaconCommitment {
    const round = this.beacon_.roundAfter(new Date(new Date(endsAt).getTime() + this.beaconDelayMs_))
    return {
      beacon_provider: this.beacon_.id,
      beacon_chain: this.beacon_.chain.chain_hash,
      beacon_round: round,
      beacon_round_at: this.beacon_.roundTime(round),
    }
  }

  /** Reads the committed round from the beacon; null while it is not published yet. */
  async fetchBeaconRound(round: number): Promise<BeaconRound | null> {
    return this.beacon_.fetchRound(round)
  }
  /**
   * Locks the customer's tally row of a giveaway (creating it at 0) until the
   * transaction ends and returns the active entries it holds. Every change to
   * a customer's entries takes this lock first, so the cap check and the
   * write are one step for PostgreSQL, across any number of processes.
   */
  private async lockTally(sql: SqlManager, giveawayId: string, customerId: string): Promise<number> {
    return lockCount(sql, giveawayTally, { scope: giveawayId, holder: customerId })
  }

  private async addToTally(sql: SqlManager, giveawayId: string, customerId: string, delta: number, cap: number | null) {
    if (delta === 0) return
    // Unreachable while callers hold the tally lock; refuse rather than exceed the cap.
    if (!(await shiftWithinCap(sql, giveawayTally, { scope: giveawayId, holder: customerId }, delta, cap))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Entry cap of giveaway ${giveawayId} would be exceeded`)
    }
  }

  private async insertEntry(sql: SqlManager, row: Record<string, unknown>) {
    const id = generateEntityId(undefined, "gwent")
    const columns = ["id", ...Object.keys(row)]
    await sql.execute(
      `INSERT INTO giveaway_entry (${columns.join(", ")}, updated_at) VALUES (${placeholders(columns)}, now())`,
      [id, ...Object.values(row)]
    )
    return id
  }

  /** clock_timestamp(), not now(): rows written in one transaction keep their order. */
  private async audit(sql: SqlManager, giveawayId: string, actor: Actor, action: string, details: Record<string, unknown>) {
    const id = generateEntityId(undefined, "gwlog")
    await sql.execute(
      `INSERT INTO giveaway_audit_log (id, giveaway_id, actor_type, actor_id, action, details, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?::jsonb, clock_timestamp(), clock_timestamp())`,
      [id, giveawayId, actor.type, actor.id, action, JSON.stringify(details)]
    )
    return id
  }

  /**
   * Entries an order earns in every live giveaway whose window contains the
   * order's placement: one entry row per eligible line, units × entries per
   * unit cut to the customer's cap (lib/entries.ts). A line that already has
   * its entry is skipped, so a repeated order.placed earns nothing twice.
   * Giveaways are read FOR SHARE: a draw (FOR UPDATE) waits for this and an
   * earn after a draw finds the giveaway drawn, so entries freeze at the draw.
   */
  @InjectTransactionManager()
  async earnEntries(order: OrderForEntries, @MedusaContext() sharedContext: Context = {}): Promise<EarnedEntry[]> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const giveaways = await sql.execute(
      `SELECT id, product_ids, variant_ids, eligible_countries, entries_per_unit, max_entries_per_customer, starts_at, ends_at
       FROM giveaway WHERE status = 'live' AND deleted_at IS NULL AND starts_at <= ? AND ends_at > ?
         AND entries_closed_at IS NULL
       ORDER BY id FOR SHARE`,
      [order.placed_at, order.placed_at]
    )
    const earned: EarnedEntry[] = []
    for (const g of giveaways) {
      if (!countryEligible(g, order.country_code)) continue
      const lines = order.lines.filter((line) => line.quantity > 0 && lineEligible(g, line)).sort((a, b) => (a.id < b.id ? -1 : 1))
      if (!lines.length) continue
      let held = await this.lockTally(sql, g.id, order.customer_id)
      let granted = 0
      for (const line of lines) {
        const [existing] = await sql.execute(
          `SELECT id FROM giveaway_entry WHERE giveaway_id = ? AND order_line_item_id = ? AND deleted_at IS NULL`,
          [g.id, line.id]
        )
        if (existing) continue
        const requested = entriesEarned({ units: line.quantity, entriesPerUnit: g.entries_per_unit, alreadyHeld: 0, maxPerCustomer: null })
        const entries = entriesEarned({
          units: line.quantity,
          entriesPerUnit: g.entries_per_unit,
          alreadyHeld: held,
          maxPerCustomer: g.max_entries_per_customer,
        })
        const id = await this.insertEntry(sql, {
          giveaway_id: g.id,
          customer_id: order.customer_id,
          email: order.email,
          source: "purchase",
          order_id: order.order_id,
          order_line_item_id: line.id,
          product_id: line.product_id,
          variant_id: line.variant_id,
          units: line.quantity,
          requested_entries: requested,
          entries,
          country_code: order.country_code,
          region: order.region,
          created_at: order.placed_at,
        })
        held += entries
        granted += entries
        earned.push({
          id,
          giveaway_id: g.id,
          customer_id: order.customer_id,
          order_line_item_id: line.id,
          units: line.quantity,
          requested_entries: requested,
          entries,
        })
      }
      await this.addToTally(sql, g.id, order.customer_id, granted, g.max_entries_per_customer)
    }
    await this.recordEntriesAfterClose(sql, order)
    return earned
  }

  /**
   * An order placed inside a window whose entries were already closed (its
   * order.placed was handled after the list was committed) earns nothing: the
   * committed list is final. Staff see it in the audit log, once per order.
   */
  private async recordEntriesAfterClose(sql: SqlManager, order: OrderForEntries) {
    const closed = await sql.execute(
      `SELECT id, product_ids, variant_ids, eligible_countries FROM giveaway
       WHERE status IN ('live', 'drawn') AND deleted_at IS NULL AND starts_at <= ? AND ends_at > ? AND entries_closed_at IS NOT NULL`,
      [order.placed_at, order.placed_at]
    )
    for (const g of closed) {
      if (!countryEligible(g, order.country_code)) continue
      const lines = order.lines.filter((line) => line.quantity > 0 && lineEligible(g, line))
      if (!lines.length) continue
      const existing = await sql.execute(
        `SELECT order_line_item_id FROM giveaway_entry WHERE giveaway_id = ? AND order_id = ? AND deleted_at IS NULL`,
        [g.id, order.order_id]
      )
      const missing = lines.filter((line) => !existing.some((row) => row.order_line_item_id === line.id))
      if (!missing.length) continue
      const [seen] = await sql.execute(
        `SELECT id FROM giveaway_audit_log WHERE giveaway_id = ? AND action = 'entries_not_earned_after_close' AND details->>'order_id' = ?`,
        [g.id, order.order_id]
      )
      if (seen) continue
      await this.audit(sql, g.id, { type: "system", id: null }, "entries_not_earned_after_close", {
        order_id: order.order_id,
        customer_id: order.customer_id,
        order_line_item_ids: missing.map((line) => line.id),
        units: missing.reduce((sum, line) => sum + line.quantity, 0),
      })
    }
  }

  /** Undoes earnEntries (a compensation): removes the rows and their entries from the tallies. */
  @InjectTransactionManager()
  async removeEarnedEntries(entryIds: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!entryIds.length) return
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const rows = await sql.execute(
      `DELETE FROM giveaway_entry WHERE id IN (${placeholders(entryIds)}) RETURNING giveaway_id, customer_id, entries - voided_entries AS active`,
      entryIds
    )
    for (const row of rows) {
      await giveBack(sql, giveawayTally, { scope: row.giveaway_id, holder: row.customer_id }, row.active)
    }
  }

  /**
   * Brings an order's entries in line with the units it has lost: `goneByLine`
   * maps order line ids to the units cancelled, refunded or returned so far
   * (running totals, not deltas). Each line voids entriesToVoid(…) of what
   * it has not voided yet, so replaying an event voids nothing twice. Lines of
   * giveaways already drawn are frozen: they are reported, not changed.
   */
  @InjectTransactionManager()
  async voidOrderEntries(
    orderId: string,
    goneByLine: Record<string, number>,
    reason: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ voided: VoidChange[]; frozen: { id: string; giveaway_id: string }[] }> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const ids = (await sql.execute(
      `SELECT DISTINCT giveaway_id FROM giveaway_entry WHERE order_id = ? AND source = 'purchase' AND deleted_at IS NULL`,
      [orderId]
    )).map((r) => r.giveaway_id as string)
    if (!ids.length) return { voided: [], frozen: [] }
    const statuses = await sql.execute(
      `SELECT id, status, entries_closed_at FROM giveaway WHERE id IN (${placeholders(ids)}) ORDER BY id FOR SHARE`,
      ids
    )
    // Entries are frozen from the moment their list is committed, not only from the draw.
    const statusOf = Object.fromEntries(statuses.map((g) => [g.id, g.entries_closed_at ? "closed" : g.status]))
    const rows = await sql.execute(
      `SELECT id, giveaway_id, customer_id, order_line_item_id, units, returned_units, entries
       FROM giveaway_entry WHERE order_id = ? AND source = 'purchase' AND deleted_at IS NULL
       ORDER BY giveaway_id, id FOR UPDATE`,
      [orderId]
    )
    const voided: VoidChange[] = []
    const frozen: { id: string; giveaway_id: string }[] = []
    for (const row of rows) {
      const target = Math.min(row.units, Math.max(0, Math.floor(goneByLine[row.order_line_item_id] ?? 0)))
      if (target <= row.returned_units) continue
      if (statusOf[row.giveaway_id] !== "live") {
        frozen.push({ id: row.id, giveaway_id: row.giveaway_id })
        continue
      }
      const count = entriesToVoid({
        lineEntries: row.entries,
        lineUnits: row.units,
        returnedUnits: target - row.returned_units,
        previouslyReturnedUnits: row.returned_units,
      })
      await sql.execute(
        `UPDATE giveaway_entry SET returned_units = ?, voided_entries = voided_entries + ?, void_reason = ?, voided_at = now(), updated_at = now()
         WHERE id = ?`,
        [target, count, reason, row.id]
      )
      await this.addToTally(sql, row.giveaway_id, row.customer_id, -count, null)
      voided.push({
        id: row.id,
        giveaway_id: row.giveaway_id,
        customer_id: row.customer_id,
        returned_units_before: row.returned_units,
        returned_units: target,
        voided: count,
      })
    }
    for (const giveawayId of [...new Set(frozen.map((f) => f.giveaway_id))]) {
      await this.audit(sql, giveawayId, { type: "system", id: null }, "entries_not_voided_after_draw", {
        order_id: orderId,
        reason,
        entry_ids: frozen.filter((f) => f.giveaway_id === giveawayId).map((f) => f.id),
      })
    }
    return { voided, frozen }
  }

  /** Undoes voidOrderEntries (a compensation). */
  @InjectTransactionManager()
  async restoreVoidedEntries(changes: VoidChange[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    for (const change of changes) {
      const restored = await sql.execute(
        `UPDATE giveaway_entry SET returned_units = ?, voided_entries = GREATEST(0, voided_entries - ?), updated_at = now()
         WHERE id = ? AND returned_units = ? RETURNING id`,
        [change.returned_units_before, change.voided, change.id, change.returned_units]
      )
      if (restored.length) await this.addToTally(sql, change.giveaway_id, change.customer_id, change.voided, null)
    }
  }

  /**
   * A free (no purchase necessary) entry: one entry, same odds as a bought
   * one. The daily limit and the cap are checked under the customer's tally
   * lock, so parallel requests cannot both take the last slot. Returns the
   * refusal (with its reason) instead of throwing: nothing to undo then.
   */
  @InjectTransactionManager()
  async enterFree(
    input: FreeEntryInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entry_id: string; refused?: undefined } | { entry_id?: undefined; refused: FreeEntryRefusal }> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const now = input.now ?? new Date()
    const [g] = await sql.execute(`SELECT * FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR SHARE`, [input.giveaway_id])
    if (!g) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${input.giveaway_id} was not found`)
    const refuse = (reason: FreeEntryRefusal["reason"], message: string, retry_at: Date | null = null) => ({
      refused: { reason, message, retry_at },
    })
    if (g.status !== "live" || g.entries_closed_at || !inEntryWindow(g, now)) return refuse("not_open", "This giveaway is not open for entries.")
    if (!g.free_entry_enabled) return refuse("free_entry_disabled", "This giveaway has no free entry method.")
    if (!countryEligible(g, input.country_code)) {
      return refuse("not_eligible", `This giveaway is open to residents of ${(g.eligible_countries ?? []).join(", ").toUpperCase()} only.`)
    }
    const held = await this.lockTally(sql, g.id, input.customer_id)
    const earlier = await sql.execute(
      `SELECT created_at FROM giveaway_entry WHERE giveaway_id = ? AND customer_id = ? AND source = 'free' AND deleted_at IS NULL`,
      [g.id, input.customer_id]
    )
    const check = freeEntryAllowed({
      lastEntries: earlier.map((r) => new Date(r.created_at)),
      now,
      perDay: g.free_entries_per_day,
      held,
      maxPerCustomer: g.max_entries_per_customer,
    })
    if (!check.allowed) {
      return check.reason === "entry_cap"
        ? refuse("entry_cap", `You hold the maximum of ${g.max_entries_per_customer} entries for this giveaway.`)
        : refuse(
            "daily_limit",
            `Free entries are limited to ${g.free_entries_per_day} per day` +
              (check.retry_at ? `; enter again after ${check.retry_at.toISOString()}.` : "."),
            check.retry_at
          )
    }
    const entry_id = await this.insertEntry(sql, {
      giveaway_id: g.id,
      customer_id: input.customer_id,
      email: input.email,
      source: "free",
      requested_entries: 1,
      entries: 1,
      country_code: input.country_code,
      region: input.region,
      created_at: now,
    })
    await this.addToTally(sql, g.id, input.customer_id, 1, g.max_entries_per_customer)
    return { entry_id }
  }

  /**
   * Closes entries, once: locks the giveaway (FOR UPDATE, so earns, voids and
   * free entries wait and then find it closed), labels the entrants
   * (anonymiseEntrants), stores who is who (giveaway_entrant, private) and the
   * public list with its SHA-256 (`entries_hash`), all in one transaction.
   * The list must be fixed before the committed beacon round exists: if the
   * round is already due (the store was down past the delay), the draw
   * re-commits to the first round after now + the delay, and the audit log
   * (public on the giveaway's page) says so.
   */
  @InjectTransactionManager()
  async closeEntries(giveawayId: string, options: { actor: Actor; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<ClosedEntries> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const now = options.now ?? new Date()
    const [g] = await sql.execute(`SELECT * FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [giveawayId])
    if (!g) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${giveawayId} was not found`)
    const result = (closed_now: boolean, round = g.beacon_round, at = g.beacon_round_at): ClosedEntries => ({
      giveaway_id: g.id,
      closed_now,
      drawn: !!g.drawn_at,
      beacon_round: round === null ? null : Number(round),
      beacon_round_at: at ? new Date(at) : null,
    })
    if (g.drawn_at || g.entries_closed_at) return result(false)
    if (g.status !== "live") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: a ${g.status} giveaway cannot be drawn`)
    if (new Date(g.ends_at).getTime() > now.getTime()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `ends_at: entries are open until ${new Date(g.ends_at).toISOString()}; draw after the entry window closes`
      )
    }
    const rows = await sql.execute(
      `SELECT customer_id, entries - voided_entries AS active, created_at
       FROM giveaway_entry WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
      [g.id]
    )
    const { entries, customers } = anonymiseEntrants(
      rows.map((r) => ({ customer_id: r.customer_id, entries: Number(r.active), entered_at: r.created_at }))
    )
    for (const { entrant, entries: n } of entries) {
      await sql.execute(
        `INSERT INTO giveaway_entrant (id, giveaway_id, entrant, customer_id, entries, created_at, updated_at) VALUES (?, ?, ?, ?, ?, now(), now())`,
        [generateEntityId(undefined, "gwetr"), g.id, entrant, customers[entrant], n]
      )
    }
    const hash = entriesHash(entries)
    let round = g.beacon_round === null ? null : Number(g.beacon_round)
    let roundAt = g.beacon_round_at ? new Date(g.beacon_round_at) : null
    if (round === null || !roundAt || roundAt.getTime() <= now.getTime()) {
      const next = this.beaconCommitment(now)
      await this.audit(sql, g.id, options.actor, "beacon_recommitted", {
        from_round: round,
        to_round: next.beacon_round,
        to_round_at: next.beacon_round_at.toISOString(),
        reason:
          round === null
            ? "the giveaway went live before draws committed to a beacon round"
            : `entries closed at ${now.toISOString()}, after round ${round} was published`,
      })
      round = next.beacon_round
      roundAt = next.beacon_round_at
      await sql.execute(
        `UPDATE giveaway SET beacon_provider = ?, beacon_chain = ?, beacon_round = ?, beacon_round_at = ? WHERE id = ?`,
        [next.beacon_provider, next.beacon_chain, round, roundAt, g.id]
      )
    }
    await sql.execute(
      `UPDATE giveaway SET entries_closed_at = ?, entries_hash = ?, entry_list = ?::jsonb, updated_at = now() WHERE id = ?`,
      [now, hash, JSON.stringify(entries), g.id]
    )
    await this.audit(sql, g.id, options.actor, "entries_closed", {
      entries_hash: hash,
      entrants: entries.length,
      total_entries: entries.reduce((sum, e) => sum + e.entries, 0),
      beacon_round: round,
    })
    return result(true, round, roundAt)
  }

  /**
   * The draw, once: locks the giveaway row (FOR UPDATE, so a concurrent draw
   * waits), runs the commit-reveal draw (lib/draw.ts) on exactly the entry
   * list committed when entries closed, with the committed beacon round's
   * randomness as the public value, stores the published draw and one winner
   * row per pick, and writes the audit row, all in one transaction.
   * A giveaway already drawn returns `first_draw: false` and changes nothing.
   */
  @InjectTransactionManager()
  async drawGiveaway(
    giveawayId: string,
    options: { beacon: BeaconRound; actor: Actor; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ giveaway_id: string; first_draw: boolean; audit_id: string | null }> {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const now = options.now ?? new Date()
    const [g] = await sql.execute(`SELECT * FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [giveawayId])
    if (!g) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${giveawayId} was not found`)
    if (g.drawn_at) return { giveaway_id: g.id, first_draw: false, audit_id: null }
    if (g.status !== "live") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: a ${g.status} giveaway cannot be drawn`)
    }
    if (!g.entries_closed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "entries: close entries before the draw")
    const round = Number(g.beacon_round)
    const problem = roundProblem(this.beacon_.chain, round, options.beacon)
    if (problem || g.beacon_chain !== this.beacon_.chain.chain_hash) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `public_value: the draw uses only the randomness of committed beacon round ${round}: ${problem ?? "the beacon chain changed"}`
      )
    }
    const entrants = await sql.execute(
      `SELECT entrant, customer_id, entries FROM giveaway_entrant WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY entrant`,
      [g.id]
    )
    const entries: DrawEntry[] = g.entry_list
    // The private rows and the published list were written together; refuse to draw if they ever differ.
    if (entriesHash(entrants.map((e) => ({ entrant: e.entrant, entries: Number(e.entries) }))) !== g.entries_hash || entriesHash(entries) !== g.entries_hash) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `entries: the frozen entry list of ${g.id} does not match its published hash`)
    }
    const customers: Record<string, string> = Object.fromEntries(entrants.map((e) => [e.entrant, e.customer_id]))
    const publicValue = options.beacon.randomness
    const draw: PublishedDraw = publishedDraw(
      { seed: g.seed, publicValue, entries, winners: g.winners_count, alternates: g.alternates_count },
      {
        giveaway_id: g.id,
        beacon: {
          provider: g.beacon_provider,
          chain_hash: this.beacon_.chain.chain_hash,
          genesis_time: this.beacon_.chain.genesis_time,
          period: this.beacon_.chain.period,
          round,
          round_time: this.beacon_.roundTime(round).toISOString(),
          randomness: options.beacon.randomness,
          signature: options.beacon.signature,
          url: this.beacon_.publicUrl(round),
        },
        entries_hash: g.entries_hash,
        entries_closed_at: new Date(g.entries_closed_at).toISOString(),
      }
    )
    const drawn = await sql.execute(
      `UPDATE giveaway SET status = 'drawn', drawn_at = ?, public_value = ?, algorithm = ?, published_draw = ?::jsonb, updated_at = now()
       WHERE id = ? AND status = 'live' AND drawn_at IS NULL RETURNING id`,
      [now, publicValue, draw.algorithm, JSON.stringify(draw), g.id]
    )
    if (!drawn.length) return { giveaway_id: g.id, first_draw: false, audit_id: null }

    const rows = await sql.execute(
      `SELECT customer_id, email, region FROM giveaway_entry WHERE giveaway_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
      [g.id]
    )
    const latest = new Map<string, { email: string; region: string | null }>()
    for (const r of rows) latest.set(r.customer_id, { email: r.email, region: r.region ?? latest.get(r.customer_id)?.region ?? null })
    const entriesOf = Object.fromEntries(entries.map((e) => [e.entrant, e.entries]))
    const picks = [...draw.winners.map((e) => ["winner", e]), ...draw.alternates.map((e) => ["alternate", e])]
    for (const [index, [kind, entrant]] of picks.entries()) {
      const customerId = customers[entrant]
      await sql.execute(
        `INSERT INTO giveaway_winner (id, giveaway_id, customer_id, email, entrant, entries, rank, kind, status, public_region, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, now(), now())`,
        [
          generateEntityId(undefined, "gwwin"),
          g.id,
          customerId,
          latest.get(customerId)!.email,
          entrant,
          entriesOf[entrant],
          index + 1,
          kind,
          latest.get(customerId)!.region,
        ]
      )
    }
    const total = entries.reduce((sum, e) => sum + e.entries, 0)
    const audit_id = await this.audit(sql, g.id, options.actor, "drawn", {
      algorithm: draw.algorithm,
      seed_hash: draw.seed_hash,
      public_value: publicValue,
      beacon_round: round,
      entries_hash: g.entries_hash,
      entrants: entries.length,
      total_entries: total,
      winners: draw.winners,
      alternates: draw.alternates,
    })
    return { giveaway_id: g.id, first_draw: true, audit_id }
  }

  /** Undoes a first draw (a compensation: a later step of the draw failed). Closed entries stay closed. */
  @InjectTransactionManager()
  async undoDraw(giveawayId: string, auditId: string | null, @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    await sql.execute(`DELETE FROM giveaway_winner WHERE giveaway_id = ?`, [giveawayId])
    await sql.execute(
      `UPDATE giveaway SET status = 'live', drawn_at = NULL, public_value = NULL, algorithm = NULL, published_draw = NULL, updated_at = now()
       WHERE id = ? AND status = 'drawn'`,
      [giveawayId]
    )
    if (auditId) await sql.execute(`DELETE FROM giveaway_audit_log WHERE id = ?`, [auditId])
  }

  /** The frozen entrant label and entries of one customer, per giveaway whose entries have closed. */
  async entrantsOf(customerId: string, giveawayIds?: string[]) {
    const rows = await this.listGiveawayEntrants({ customer_id: customerId, ...(giveawayIds ? { giveaway_id: giveawayIds } : {}) })
    return Object.fromEntries(rows.map((r) => [r.giveaway_id, { entrant: r.entrant, entries: r.entries }]))
  }

  private async lockDrawnGiveaway(sql: SqlManager, giveawayId: string) {
    const [g] = await sql.execute(`SELECT id, status, claim_days FROM giveaway WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [giveawayId])
    if (!g) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${giveawayId} was not found`)
    if (g.status !== "drawn") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: the giveaway is ${g.status}, not drawn`)
    return g
  }

  private async lockWinner(sql: SqlManager, giveawayId: string, winnerId: string) {
    const [w] = await sql.execute(
      `SELECT * FROM giveaway_winner WHERE id = ? AND giveaway_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [winnerId, giveawayId]
    )
    if (!w) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Winner ${winnerId} of giveaway ${giveawayId} was not found`)
    return w
  }

  private snapshot(w: any): WinnerSnapshot {
    return {
      id: w.id,
      kind: w.kind,
      status: w.status,
      disqualified_at: w.disqualified_at,
      disqualify_reason: w.disqualify_reason,
      promoted_at: w.promoted_at,
      replaces_winner_id: w.replaces_winner_id,
      claimed_at: w.claimed_at,
      notified_at: w.notified_at,
      claim_deadline: w.claim_deadline,
    }
  }

  /**
   * Disqualifies a winner (or an alternate) with a reason. A disqualified
   * winner's prize goes to the next pending alternate in pick order, who
   * becomes a winner (and is notified by the caller's workflow).
   */
  @InjectTransactionManager()
  async disqualifyWinner(
    input: { giveaway_id: string; winner_id: string; reason: string; actor: Actor; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const now = input.now ?? new Date()
    await this.lockDrawnGiveaway(sql, input.giveaway_id)
    const w = await this.lockWinner(sql, input.giveaway_id, input.winner_id)
    if (w.status === "disqualified" || w.status === "claimed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This ${w.kind} is already ${w.status}`)
    }
    const previous = [this.snapshot(w)]
    await sql.execute(
      `UPDATE giveaway_winner SET status = 'disqualified', disqualified_at = ?, disqualify_reason = ?, updated_at = now() WHERE id = ?`,
      [now, input.reason, w.id]
    )
    const audit_ids = [
      await this.audit(sql, input.giveaway_id, input.actor, "winner_disqualified", {
        winner_id: w.id,
        entrant: w.entrant,
        kind: w.kind,
        rank: w.rank,
        reason: input.reason,
      }),
    ]
    let promoted: string | null = null
    if (w.kind === "winner") {
      const [next] = await sql.execute(
        `SELECT * FROM giveaway_winner WHERE giveaway_id = ? AND kind = 'alternate' AND status = 'pending' AND deleted_at IS NULL
         ORDER BY rank LIMIT 1 FOR UPDATE`,
        [input.giveaway_id]
      )
      if (next) {
        previous.push(this.snapshot(next))
        await sql.execute(
          `UPDATE giveaway_winner SET kind = 'winner', promoted_at = ?, replaces_winner_id = ?, updated_at = now() WHERE id = ?`,
          [now, w.id, next.id]
        )
        promoted = next.id
        audit_ids.push(
          await this.audit(sql, input.giveaway_id, input.actor, "alternate_promoted", {
            winner_id: next.id,
            entrant: next.entrant,
            rank: next.rank,
            replaces_winner_id: w.id,
          })
        )
      } else {
        audit_ids.push(await this.audit(sql, input.giveaway_id, input.actor, "no_alternate_left", { replaces_winner_id: w.id }))
      }
    }
    return { disqualified: w.id as string, promoted, previous, audit_ids }
  }

  /** Marks a winner's prize claimed (staff, once the winner has answered). */
  @InjectTransactionManager()
  async claimPrize(
    input: { giveaway_id: string; winner_id: string; note?: string | null; actor: Actor; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const now = input.now ?? new Date()
    await this.lockDrawnGiveaway(sql, input.giveaway_id)
    const w = await this.lockWinner(sql, input.giveaway_id, input.winner_id)
    if (w.kind !== "winner") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "An alternate has no prize to claim until promoted")
    if (w.status !== "pending" && w.status !== "notified") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This winner is already ${w.status}`)
    }
    await sql.execute(`UPDATE giveaway_winner SET status = 'claimed', claimed_at = ?, updated_at = now() WHERE id = ?`, [now, w.id])
    const late = !!w.claim_deadline && new Date(w.claim_deadline).getTime() < now.getTime()
    const audit_id = await this.audit(sql, input.giveaway_id, input.actor, "prize_claimed", {
      winner_id: w.id,
      entrant: w.entrant,
      note: input.note ?? null,
      after_deadline: late,
    })
    return { winner_id: w.id as string, previous: [this.snapshot(w)], audit_ids: [audit_id] }
  }

  /**
   * Marks pending winners notified and starts their claim deadline (now +
   * claim_days). Only rows still pending are touched, and returned.
   */
  @InjectTransactionManager()
  async markWinnersNotified(giveawayId: string, winnerIds: string[], now: Date, @MedusaContext() sharedContext: Context = {}) {
    if (!winnerIds.length) return []
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const [g] = await sql.execute(`SELECT claim_days FROM giveaway WHERE id = ?`, [giveawayId])
    const deadline = new Date(now.getTime() + Number(g?.claim_days ?? 14) * DAY_MS)
    const rows = await sql.execute(
      `UPDATE giveaway_winner SET status = 'notified', notified_at = ?, claim_deadline = ?, updated_at = now()
       WHERE giveaway_id = ? AND id IN (${placeholders(winnerIds)}) AND kind = 'winner' AND status = 'pending'
       RETURNING id, entrant, claim_deadline`,
      [now, deadline, giveawayId, ...winnerIds]
    )
    if (rows.length) {
      await this.audit(sql, giveawayId, { type: "system", id: null }, "winners_notified", {
        winners: rows.map((r) => ({ winner_id: r.id, entrant: r.entrant, claim_deadline: deadline.toISOString() })),
      })
    }
    return rows.map((r) => r.id as string)
  }

  /** Puts winner rows back as they were (a compensation), removing the audit rows of the undone action. */
  @InjectTransactionManager()
  async restoreWinners(snapshots: WinnerSnapshot[], auditIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    for (const s of snapshots) {
      await sql.execute(
        `UPDATE giveaway_winner SET kind = ?, status = ?, disqualified_at = ?, disqualify_reason = ?, promoted_at = ?,
                replaces_winner_id = ?, claimed_at = ?, notified_at = ?, claim_deadline = ?, updated_at = now() WHERE id = ?`,
        [s.kind, s.status, s.disqualified_at, s.disqualify_reason, s.promoted_at, s.replaces_winner_id, s.claimed_at, s.notified_at, s.claim_deadline, s.id]
      )
    }
    if (auditIds.length) await sql.execute(`DELETE FROM giveaway_audit_log WHERE id IN (${placeholders(auditIds)})`, auditIds)
  }

  /** Appends rows to the audit log (staff actions outside the methods above). */
  @InjectTransactionManager()
  async recordAudit(
    rows: { giveaway_id: string; actor: Actor; action: string; details: Record<string, unknown> }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sharedContext.transactionManager as unknown as SqlManager
    const ids: string[] = []
    for (const row of rows) ids.push(await this.audit(sql, row.giveaway_id, row.actor, row.action, row.details))
    return ids
  }

  @InjectTransactionManager()
  async deleteAuditRows(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    const sql = sharedContext.transactionManager as unknown as SqlManager
    await sql.execute(`DELETE FROM giveaway_audit_log WHERE id IN (${placeholders(ids)})`, ids)
  }

  /** Per giveaway: active entries, entrants holding any, and how they split (what an admin list shows). */
  @InjectManager()
  async entryTotals(giveawayIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const result: Record<string, { entries: number; entrants: number; purchase_entries: number; free_entries: number; voided_entries: number }> = {}
    for (const id of giveawayIds) result[id] = { entries: 0, entrants: 0, purchase_entries: 0, free_entries: 0, voided_entries: 0 }
    if (!giveawayIds.length) return result
    const sql = sharedContext.manager as unknown as SqlManager
    const rows = await sql.execute(
      `SELECT giveaway_id,
              COALESCE(SUM(entries - voided_entries), 0)::int AS entries,
              COALESCE(SUM(entries - voided_entries) FILTER (WHERE source = 'purchase'), 0)::int AS purchase_entries,
              COALESCE(SUM(entries - voided_entries) FILTER (WHERE source = 'free'), 0)::int AS free_entries,
              COALESCE(SUM(voided_entries), 0)::int AS voided_entries
       FROM giveaway_entry WHERE giveaway_id IN (${placeholders(giveawayIds)}) AND deleted_at IS NULL GROUP BY giveaway_id`,
      giveawayIds
    )
    for (const { giveaway_id, ...sums } of rows) Object.assign(result[giveaway_id], sums)
    const entrants = await sql.execute(
      `SELECT giveaway_id, COUNT(*)::int AS entrants FROM giveaway_tally
       WHERE giveaway_id IN (${placeholders(giveawayIds)}) AND entries > 0 AND deleted_at IS NULL GROUP BY giveaway_id`,
      giveawayIds
    )
    for (const row of entrants) result[row.giveaway_id].entrants = row.entrants
    return result
  }

  /** Active entries each of these customers holds, per giveaway: { [giveaway_id]: entries }. */
  async entriesHeld(customerId: string, giveawayIds?: string[]) {
    const tallies = await this.listGiveawayTallies({ customer_id: customerId, ...(giveawayIds ? { giveaway_id: giveawayIds } : {}) })
    return Object.fromEntries(tallies.map((t) => [t.giveaway_id, t.entries]))
  }
}

export default GiveawayModuleService
