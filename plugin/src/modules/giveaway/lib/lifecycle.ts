/**
 * A giveaway's lifecycle: draft → live → drawn → closed (or closed early
 * without a draw). What fans see (`giveawayState`), which moves are allowed,
 * and which settings may still change once fans hold entries. Pure.
 */
import { inEntryWindow, needsFreeEntryMethod } from "./eligibility"

export type GiveawayStatus = "draft" | "live" | "drawn" | "closed"
/** draft | upcoming (live, window not open yet) | open | ended (awaiting the draw) | drawn | closed */
export type GiveawayState = "draft" | "upcoming" | "open" | "ended" | "drawn" | "closed"

export type GiveawaySettings = {
  status: GiveawayStatus
  title?: string
  prize?: string
  winners_count?: number
  alternates_count?: number
  product_ids?: unknown
  variant_ids?: unknown
  entries_per_unit?: number
  max_entries_per_customer?: number | null
  starts_at: Date | string
  ends_at: Date | string
  eligible_countries?: unknown
  min_age?: number | null
  rules_text?: string | null
  rules_url?: string | null
  free_entry_enabled?: boolean
  free_entries_per_day?: number
  claim_days?: number
  entries_closed_at?: Date | string | null
  [key: string]: unknown
}

export type Problem = { field: string; message: string }

/** A new giveaway's settings where staff give none (the data model's defaults). */
export const GIVEAWAY_DEFAULTS = {
  winners_count: 1,
  alternates_count: 0,
  entries_per_unit: 1,
  free_entry_enabled: false,
  free_entries_per_day: 1,
  claim_days: 14,
} as const

export function giveawayState(g: Pick<GiveawaySettings, "status" | "starts_at" | "ends_at">, now = new Date()): GiveawayState {
  if (g.status !== "live") return g.status
  if (now.getTime() < new Date(g.starts_at).getTime()) return "upcoming"
  return inEntryWindow(g, now) ? "open" : "ended"
}

const MOVES: Record<GiveawayStatus, GiveawayStatus[]> = {
  draft: ["live", "closed"],
  // "drawn" is reached only by the draw itself.
  live: ["closed"],
  drawn: ["closed"],
  closed: [],
}

/**
 * Settings that may change in each status. Once live, fans enter under the
 * published rules: what earns entries, the caps, the window's start and the
 * number of prizes are fixed (ends_at may only move earlier, to close early; that
 * is shown on the giveaway's public page).
 */
const EDITABLE: Record<GiveawayStatus, string[] | "all"> = {
  draft: "all",
  live: ["title", "description", "prize", "rules_text", "rules_url", "claim_days", "ends_at", "metadata", "status"],
  drawn: ["title", "description", "claim_days", "metadata", "status"],
  closed: ["metadata"],
}

/** What must hold before a giveaway goes live (and so before the seed is committed). */
export function goLiveProblems(g: GiveawaySettings, now = new Date()): Problem[] {
  const problems: Problem[] = []
  if (!g.rules_text && !g.rules_url) {
    problems.push({ field: "rules_text", message: "official rules (rules_text or rules_url) are required to go live" })
  }
  if (new Date(g.ends_at).getTime() <= now.getTime()) {
    problems.push({ field: "ends_at", message: "must be in the future to go live" })
  }
  if (needsFreeEntryMethod(g) && !g.free_entry_enabled) {
    problems.push({
      field: "free_entry_enabled",
      message: "a giveaway that rewards purchases and is open to US residents needs a free entry method (no purchase necessary)",
    })
  }
  return problems
}

/**
 * Problems with applying `changes` to a giveaway in its current state (an
 * empty list: fine). A new giveaway is checked as a change to a draft.
 */
export function checkGiveawayChange(current: GiveawaySettings, changes: Partial<GiveawaySettings>, now = new Date()): Problem[] {
  const problems: Problem[] = []
  const editable = EDITABLE[current.status]
  for (const field of Object.keys(changes)) {
    if (changes[field] === undefined || editable === "all" || editable.includes(field)) continue
    if (JSON.stringify(changes[field]) === JSON.stringify(current[field])) continue
    problems.push({ field, message: `cannot change once the giveaway is ${current.status}` })
  }
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as GiveawaySettings
  if (changes.status && changes.status !== current.status && !MOVES[current.status].includes(changes.status)) {
    problems.push({ field: "status", message: `a ${current.status} giveaway cannot become ${changes.status}` })
  }
  if (current.status === "live" && changes.ends_at !== undefined) {
    // Fans entered under the published end, and the draw is committed to a beacon round after it:
    // closing early is allowed (and public), extending or reopening is not.
    if (current.entries_closed_at) problems.push({ field: "ends_at", message: "entries are closed; the entry list is committed" })
    else if (new Date(changes.ends_at).getTime() > new Date(current.ends_at).getTime()) {
      problems.push({ field: "ends_at", message: "can only move earlier once the giveaway is live" })
    }
  }
  if (new Date(next.ends_at).getTime() <= new Date(next.starts_at).getTime()) {
    problems.push({ field: "ends_at", message: "must be after starts_at" })
  }
  if (next.free_entry_enabled && (next.free_entries_per_day ?? 0) < 1) {
    problems.push({ field: "free_entries_per_day", message: "must be at least 1 when free entry is enabled" })
  }
  if (next.status === "live" && current.status === "draft") problems.push(...goLiveProblems(next, now))
  return problems
}

/** `field: message; field: message`, the shape of every 400 we send. */
export const describeProblems = (problems: Problem[]) => problems.map((p) => `${p.field}: ${p.message}`).join("; ")
