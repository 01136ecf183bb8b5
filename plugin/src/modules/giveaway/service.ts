import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
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
import { sqlOf, type Sql } from "../../lib/sql"
import { giveBack, lockCount, shiftWithinCap } from "../../lib/capped-counter"
import * as gwAudit from "./repositories/giveaway-audit-log"
import * as gwEntries from "./repositories/giveaway-entry"
import * as gws from "./repositories/giveaway"
import { entrantCounts, giveawayTally } from "./repositories/giveaway-tally"
import * as entrantsRepo from "./repositories/giveaway-entrant"
import * as winners from "./repositories/giveaway-winner"
import path from "node:path"


export type { Actor } from "./repositories/giveaway-audit-log"
type Actor = gwAudit.Actor

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

export type { WinnerSnapshot } from "./repositories/giveaway-winner"
type WinnerSnapshot = winners.WinnerSnapshot
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
  private async lockTally(sql: Sql, giveawayId: string, customerId: string): Promise<number> {
    return lockCount(sql, giveawayTally, { scope: giveawayId, holder: customerId })
  }

  private async addToTally(sql: Sql, giveawayId: string, customerId: string, delta: number, cap: number | null) {
    if (delta === 0) return
    // Unreachable while callers hold the tally lock; refuse rather than exceed the cap.
    if (!(await shiftWithinCap(sql, giveawayTally, { scope: giveawayId, holder: customerId }, delta, cap))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Entry cap of giveaway ${giveawayId} would be exceeded`)
    }
  }

  /** Appends an audit row (repositories/giveaway-audit-log.ts); returns its id. */
  private async audit(sql: Sql, giveawayId: string, actor: Actor, action: string, details: Record<string, unknown>) {
    return gwAudit.appendAudit(sql, giveawayId, actor, action, details)
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
    const sql = sqlOf(sharedContext)
    const giveaways = await gws.liveGiveawaysAt(sql, order.placed_at)
    const earned: EarnedEntry[] = []
    for (const g of giveaways) {
      if (!countryEligible(g, order.country_code)) continue
      const lines = order.lines.filter((line) => line.quantity > 0 && lineEligible(g, line)).sort((a, b) => (a.id < b.id ? -1 : 1))
      if (!lines.length) continue
      let held = await this.lockTally(sql, g.id, order.customer_id)
      let granted = 0
      for (const line of lines) {
        if (await gwEntries.lineHasEntry(sql, g.id, line.id)) continue
        const requested = entriesEarned({ units: line.quantity, entriesPerUnit: g.entries_per_unit, alreadyHeld: 0, maxPerCustomer: null })
        const entries = entriesEarned({
          units: line.quantity,
          entriesPerUnit: g.entries_per_unit,
          alreadyHeld: held,
          maxPerCustomer: g.max_entries_per_customer,
        })
        const id = await gwEntries.insertEntry(sql, {
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
  private async recordEntriesAfterClose(sql: Sql, order: OrderForEntries) {
    const closed = await gws.closedGiveawaysAt(sql, order.placed_at)
    for (const g of closed) {
      if (!countryEligible(g, order.country_code)) continue
      const lines = order.lines.filter((line) => line.quantity > 0 && lineEligible(g, line))
      if (!lines.length) continue
      const entered = await gwEntries.enteredLinesOfOrder(sql, g.id, order.order_id)
      const missing = lines.filter((line) => !entered.includes(line.id))
      if (!missing.length) continue
      if (await gwAudit.auditedForOrder(sql, g.id, "entries_not_earned_after_close", order.order_id)) continue
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
    const sql = sqlOf(sharedContext)
    for (const row of await gwEntries.deleteEntries(sql, entryIds)) {
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
    const sql = sqlOf(sharedContext)
    const ids = await gwEntries.giveawaysOfOrder(sql, orderId)
    if (!ids.length) return { voided: [], frozen: [] }
    const statusOf = await gws.entryStatesOf(sql, ids)
    const rows = await gwEntries.lockPurchaseEntriesOfOrder(sql, orderId)
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
      await gwEntries.voidEntries(sql, row.id, { returnedUnits: target, count, reason })
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
    const sql = sqlOf(sharedContext)
    for (const change of changes) {
      if (await gwEntries.unvoidEntries(sql, change)) await this.addToTally(sql, change.giveaway_id, change.customer_id, change.voided, null)
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
    const sql = sqlOf(sharedContext)
    const now = input.now ?? new Date()
    const g = await gws.freeEntryRulesOf(sql, input.giveaway_id)
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
    const check = freeEntryAllowed({
      lastEntries: await gwEntries.freeEntryTimes(sql, g.id, input.customer_id),
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
    const entry_id = await gwEntries.insertEntry(sql, {
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
    const sql = sqlOf(sharedContext)
    const now = options.now ?? new Date()
    const g = await gws.lockGiveaway(sql, giveawayId)
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
    const { entries, customers } = anonymiseEntrants(await entrantsRepo.activeEntryRows(sql, g.id))
    for (const { entrant, entries: n } of entries) {
      await entrantsRepo.insertEntrant(sql, g.id, { entrant, customer_id: customers[entrant], entries: n })
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
      await gws.recommitBeacon(sql, g.id, next)
    }
    await gws.closeEntryList(sql, g.id, now, hash, entries)
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
    const sql = sqlOf(sharedContext)
    const now = options.now ?? new Date()
    const g = await gws.lockGiveaway(sql, giveawayId)
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
    const entrants = await entrantsRepo.entrantsOfGiveaway(sql, g.id)
    const entries: DrawEntry[] = g.entry_list ?? []
    // The private rows and the published list were written together; refuse to draw if they ever differ.
    if (entriesHash(entrants.map((e) => ({ entrant: e.entrant, entries: e.entries }))) !== g.entries_hash || entriesHash(entries) !== g.entries_hash) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `entries: the frozen entry list of ${g.id} does not match its published hash`)
    }
    const customers: Record<string, string> = Object.fromEntries(entrants.map((e) => [e.entrant, e.customer_id]))
    const publicValue = options.beacon.randomness
    const draw: PublishedDraw = publishedDraw(
      { seed: g.seed, publicValue, entries, winners: g.winners_count, alternates: g.alternates_count },
      {
        giveaway_id: g.id,
        beacon: {
          // Committed together with beacon_chain, checked above.
          provider: g.beacon_provider!,
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
    if (!(await gws.markDrawn(sql, g.id, now, publicValue, draw))) return { giveaway_id: g.id, first_draw: false, audit_id: null }

    const latest = await entrantsRepo.contactsOfEntrants(sql, g.id)
    const entriesOf = Object.fromEntries(entries.map((e) => [e.entrant, e.entries]))
    const picks: (readonly [winners.WinnerKind, string])[] = [...draw.winners.map((e) => ["winner", e] as const), ...draw.alternates.map((e) => ["alternate", e] as const)]
    for (const [index, [kind, entrant]] of picks.entries()) {
      const customerId = customers[entrant]
      await winners.insertWinner(sql, {
        giveaway_id: g.id,
        customer_id: customerId,
        email: latest.get(customerId)!.email,
        entrant,
        entries: entriesOf[entrant],
        rank: index + 1,
        kind,
        public_region: latest.get(customerId)!.region,
      })
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
    const sql = sqlOf(sharedContext)
    await winners.deleteWinnersOf(sql, giveawayId)
    await gws.unmarkDrawn(sql, giveawayId)
    if (auditId) await gwAudit.deleteAuditRows(sql, [auditId])
  }

  /** The frozen entrant label and entries of one customer, per giveaway whose entries have closed. */
  async entrantsOf(customerId: string, giveawayIds?: string[]) {
    const rows = await this.listGiveawayEntrants({ customer_id: customerId, ...(giveawayIds ? { giveaway_id: giveawayIds } : {}) })
    return Object.fromEntries(rows.map((r) => [r.giveaway_id, { entrant: r.entrant, entries: r.entries }]))
  }

  private async lockDrawnGiveaway(sql: Sql, giveawayId: string) {
    const g = await gws.lockForWinners(sql, giveawayId)
    if (!g) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${giveawayId} was not found`)
    if (g.status !== "drawn") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: the giveaway is ${g.status}, not drawn`)
    return g
  }

  private async lockWinner(sql: Sql, giveawayId: string, winnerId: string) {
    const w = await winners.lockWinner(sql, giveawayId, winnerId)
    if (!w) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Winner ${winnerId} of giveaway ${giveawayId} was not found`)
    return w
  }

  private snapshot(w: winners.WinnerRow): WinnerSnapshot {
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
    const sql = sqlOf(sharedContext)
    const now = input.now ?? new Date()
    await this.lockDrawnGiveaway(sql, input.giveaway_id)
    const w = await this.lockWinner(sql, input.giveaway_id, input.winner_id)
    if (w.status === "disqualified" || w.status === "claimed") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This ${w.kind} is already ${w.status}`)
    }
    const previous = [this.snapshot(w)]
    await winners.disqualify(sql, w.id, now, input.reason)
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
      const next = await winners.lockNextAlternate(sql, input.giveaway_id)
      if (next) {
        previous.push(this.snapshot(next))
        await winners.promote(sql, next.id, now, w.id)
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
    return { disqualified: w.id, promoted, previous, audit_ids }
  }

  /** Marks a winner's prize claimed (staff, once the winner has answered). */
  @InjectTransactionManager()
  async claimPrize(
    input: { giveaway_id: string; winner_id: string; note?: string | null; actor: Actor; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    const now = input.now ?? new Date()
    await this.lockDrawnGiveaway(sql, input.giveaway_id)
    const w = await this.lockWinner(sql, input.giveaway_id, input.winner_id)
    if (w.kind !== "winner") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "An alternate has no prize to claim until promoted")
    if (w.status !== "pending" && w.status !== "notified") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This winner is already ${w.status}`)
    }
    await winners.markClaimed(sql, w.id, now)
    const late = !!w.claim_deadline && new Date(w.claim_deadline).getTime() < now.getTime()
    const audit_id = await this.audit(sql, input.giveaway_id, input.actor, "prize_claimed", {
      winner_id: w.id,
      entrant: w.entrant,
      note: input.note ?? null,
      after_deadline: late,
    })
    return { winner_id: w.id, previous: [this.snapshot(w)], audit_ids: [audit_id] }
  }

  /**
   * Marks pending winners notified and starts their claim deadline (now +
   * claim_days). Only rows still pending are touched, and returned.
   */
  @InjectTransactionManager()
  async markWinnersNotified(giveawayId: string, winnerIds: string[], now: Date, @MedusaContext() sharedContext: Context = {}) {
    if (!winnerIds.length) return []
    const sql = sqlOf(sharedContext)
    const deadline = new Date(now.getTime() + Number((await gws.claimDaysOf(sql, giveawayId)) ?? 14) * DAY_MS)
    const rows = await winners.markNotified(sql, giveawayId, winnerIds, now, deadline)
    if (rows.length) {
      await this.audit(sql, giveawayId, { type: "system", id: null }, "winners_notified", {
        winners: rows.map((r) => ({ winner_id: r.id, entrant: r.entrant, claim_deadline: deadline.toISOString() })),
      })
    }
    return rows.map((r) => r.id)
  }

  /** Puts winner rows back as they were (a compensation), removing the audit rows of the undone action. */
  @InjectTransactionManager()
  async restoreWinners(snapshots: WinnerSnapshot[], auditIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const sql = sqlOf(sharedContext)
    for (const snapshot of snapshots) await winners.restoreWinner(sql, snapshot)
    if (auditIds.length) await gwAudit.deleteAuditRows(sql, auditIds)
  }

  /** Appends rows to the audit log (staff actions outside the methods above). */
  @InjectTransactionManager()
  async recordAudit(
    rows: { giveaway_id: string; actor: Actor; action: string; details: Record<string, unknown> }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    const ids: string[] = []
    for (const row of rows) ids.push(await this.audit(sql, row.giveaway_id, row.actor, row.action, row.details))
    return ids
  }

  @InjectTransactionManager()
  async deleteAuditRows(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return
    await gwAudit.deleteAuditRows(sqlOf(sharedContext), ids)
  }

  /** Per giveaway: active entries, entrants holding any, and how they split (what an admin list shows). */
  @InjectManager()
  async entryTotals(giveawayIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const result: Record<string, { entries: number; entrants: number; purchase_entries: number; free_entries: number; voided_entries: number }> = {}
    for (const id of giveawayIds) result[id] = { entries: 0, entrants: 0, purchase_entries: 0, free_entries: 0, voided_entries: 0 }
    if (!giveawayIds.length) return result
    const sql = sqlOf(sharedContext, "manager")
    for (const { giveaway_id, ...sums } of await gwEntries.entrySums(sql, giveawayIds)) Object.assign(result[giveaway_id], sums)
    for (const row of await entrantCounts(sql, giveawayIds)) result[row.giveaway_id].entrants = row.entrants
    return result
  }

  /** Active entries each of these customers holds, per giveaway: { [giveaway_id]: entries }. */
  async entriesHeld(customerId: string, giveawayIds?: string[]) {
    const tallies = await this.listGiveawayTallies({ customer_id: customerId, ...(giveawayIds ? { giveaway_id: giveawayIds } : {}) })
    return Object.fromEntries(tallies.map((t) => [t.giveaway_id, t.entries]))
  }
}

export default GiveawayModuleService
