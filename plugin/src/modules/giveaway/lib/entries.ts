/**
 * Pure giveaway entry rules: entries an order earns under the per-customer cap,
 * entries a return voids, whether a free (no purchase necessary) entry is
 * allowed today, and the anonymised entrant list the draw runs on.
 * Integers only; no I/O, so workflows do the reading and writing around them.
 */
import type { DrawEntry } from "./draw"

const DAY_MS = 86_400_000

function assertCount(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}.`)
  }
}

export type EarnInput = {
  units: number
  entriesPerUnit: number
  /** Active entries the customer already holds in this giveaway: other orders and free entries. */
  alreadyHeld: number
  /** null = no cap. */
  maxPerCustomer: number | null
}

/** units x entriesPerUnit, cut to what is left under the customer's cap; never negative. */
export function entriesEarned({ units, entriesPerUnit, alreadyHeld, maxPerCustomer }: EarnInput): number {
  assertCount(units, "Units")
  assertCount(entriesPerUnit, "Entries per unit")
  assertCount(alreadyHeld, "Entries already held")
  const earned = units * entriesPerUnit
  if (!Number.isSafeInteger(earned)) throw new Error("Entries earned are too large.")
  if (maxPerCustomer === null) return earned
  assertCount(maxPerCustomer, "Max entries per customer")
  // A cap lowered below what someone holds grants nothing more, and takes nothing back.
  return Math.min(earned, Math.max(0, maxPerCustomer - alreadyHeld))
}

export type VoidInput = {
  /** Entries the line was granted when ordered (before any voiding). */
  lineEntries: number
  /** Units on the line when ordered. */
  lineUnits: number
  /** Units cancelled or returned now. */
  returnedUnits: number
  /** Units of this line cancelled or returned before (their entries are already void). */
  previouslyReturnedUnits?: number
}

/** Entries voided once `returned` of the line's units are gone: floor(entries x returned / units). */
function voidedAfter(lineEntries: number, lineUnits: number, returned: number): number {
  // BigInt keeps the product exact whatever its size.
  return Number((BigInt(lineEntries) * BigInt(returned)) / BigInt(lineUnits))
}

/**
 * Entries to void for units cancelled or returned from one line.
 *
 * Proportional, rounded down: after k of U units are gone, floor(E x k / U) of the
 * line's E entries are void, so the fan keeps ceil(E x (U - k) / U). Why this way:
 * - the kept entries never exceed what the kept units would earn on their own
 *   (E <= U x entriesPerUnit, so ceil(E x (U - k) / U) <= (U - k) x entriesPerUnit),
 *   and otherwise the rounding favours the fan (a capped line of 1 entry for
 *   2 units keeps its entry while 1 unit is kept);
 * - returning every unit voids every entry (k = U voids E);
 * - it is computed on the running total of returned units, so returning units
 *   one by one voids exactly what returning them at once would.
 * Units beyond the line (a duplicate return) void nothing more.
 */
export function entriesToVoid({ lineEntries, lineUnits, returnedUnits, previouslyReturnedUnits = 0 }: VoidInput): number {
  assertCount(lineEntries, "Line entries")
  assertCount(lineUnits, "Line units")
  assertCount(returnedUnits, "Returned units")
  assertCount(previouslyReturnedUnits, "Previously returned units")
  if (lineUnits === 0) return 0
  const before = Math.min(lineUnits, previouslyReturnedUnits)
  const after = Math.min(lineUnits, before + returnedUnits)
  return voidedAfter(lineEntries, lineUnits, after) - voidedAfter(lineEntries, lineUnits, before)
}

export type FreeEntryInput = {
  /** When the customer's earlier free entries to this giveaway were made. */
  lastEntries: Date[]
  now: Date
  /** Free entries allowed per customer per UTC day. */
  perDay: number
  /** Active entries the customer holds (orders and free); free entries count toward the same cap. */
  held?: number
  maxPerCustomer?: number | null
}

export type FreeEntryCheck =
  | { allowed: true }
  | { allowed: false; reason: "daily_limit" | "entry_cap"; retry_at: Date | null }

/** Days since the epoch; UTC so the limit resets at the same moment for every fan, wherever they are. */
export const utcDay = (at: Date) => Math.floor(at.getTime() / DAY_MS)

/** Whether one more free entry is allowed now, and if not, why and when to try again (null = never). */
export function freeEntryAllowed({ lastEntries, now, perDay, held = 0, maxPerCustomer = null }: FreeEntryInput): FreeEntryCheck {
  assertCount(perDay, "Free entries per day")
  assertCount(held, "Entries held")
  if (maxPerCustomer !== null) {
    assertCount(maxPerCustomer, "Max entries per customer")
    if (held + 1 > maxPerCustomer) return { allowed: false, reason: "entry_cap", retry_at: null }
  }
  const today = utcDay(now)
  const usedToday = lastEntries.filter((at) => utcDay(at) === today).length
  if (usedToday >= perDay) {
    return { allowed: false, reason: "daily_limit", retry_at: perDay === 0 ? null : new Date((today + 1) * DAY_MS) }
  }
  return { allowed: true }
}

export type EntryRow = {
  customer_id: string
  /** Active (not voided) entries of this row: one order line or one free entry. */
  entries: number
  entered_at: Date | string
}

export type AnonymisedEntrants = {
  /** The list to publish and draw on. */
  entries: DrawEntry[]
  /** Entrant id -> customer id; kept private, used to name the winners. */
  customers: Record<string, string>
}

/**
 * One entrant per customer with active entries, labelled E0001, E0002, … in
 * order of their first active entry (ties by customer id). Labels follow what
 * fans did, not a choice made at draw time, so whoever holds the seed cannot
 * reshuffle labels to steer the result.
 */
export function anonymiseEntrants(rows: EntryRow[]): AnonymisedEntrants {
  const byCustomer = new Map<string, { entries: number; first: number }>()
  for (const row of rows) {
    assertCount(row.entries, `Entries of ${row.customer_id}`)
    if (row.entries === 0) continue
    const at = new Date(row.entered_at).getTime()
    if (Number.isNaN(at)) throw new Error(`Entry time of ${row.customer_id} is not a date.`)
    const seen = byCustomer.get(row.customer_id)
    byCustomer.set(row.customer_id, {
      entries: (seen?.entries ?? 0) + row.entries,
      first: Math.min(seen?.first ?? at, at),
    })
  }
  const ordered = [...byCustomer.entries()].sort(
    ([a, x], [b, y]) => x.first - y.first || (a < b ? -1 : a > b ? 1 : 0)
  )
  // One width for the whole list, so ids sort in label order.
  const width = Math.max(4, String(ordered.length).length)
  const entries: DrawEntry[] = []
  const customers: Record<string, string> = {}
  ordered.forEach(([customer_id, { entries: n }], i) => {
    const entrant = `E${String(i + 1).padStart(width, "0")}`
    entries.push({ entrant, entries: n })
    customers[entrant] = customer_id
  })
  return { entries, customers }
}
