/**
 * The verifiable giveaway draw, algorithm "comeback-draw-v1".
 *
 * Pure and self-contained (imports only node:crypto). Outsiders re-implement it
 * from this comment (the standalone verifier, ../verifier/verify-draw.js, is one
 * such re-implementation), so it is exact:
 *
 * Inputs
 *   seed          32 random bytes, published as 64 hex characters (either case).
 *   seed_hash     lowercase hex SHA-256 of the 32 seed BYTES (not of the hex text);
 *                 published at go-live, before any entry exists.
 *                 Shell: printf %s "$SEED" | xxd -r -p | sha256sum
 *   public_value  a string, used as its UTF-8 bytes exactly as published: no
 *                 Unicode normalisation, no trimming ("é" precomposed and "e" +
 *                 U+0301 are different values). The store draws with the
 *                 `randomness` (64 lowercase hex) of the public randomness beacon
 *                 round committed at go-live (lib/beacon.ts); "" when none.
 *   entries       [{ entrant, entries }]; entrant matches /^[A-Za-z0-9_-]{1,64}$/,
 *                 entries is a non-negative integer.
 *
 * 1. Canonical list: sum the entries of each entrant id, drop entrants with 0,
 *    sort by entrant id ascending (byte order; ids are ASCII).
 * 2. Random stream: candidate number c (c = 0, 1, 2, … over the whole draw,
 *    incremented for every candidate, accepted or rejected) is
 *        x_c = first 8 bytes, as an unsigned big-endian 64-bit integer, of
 *              HMAC-SHA256(key = seed bytes, message = UTF-8(public_value + ":" + c))
 *    with c in decimal without leading zeros. (The counter follows the LAST
 *    ":", so the message is unambiguous even if public_value contains ":".)
 * 3. Uniform integer below n (rejection sampling, no modulo bias): take the next
 *    x_c; if x_c >= 2^64 - (2^64 mod n) reject it and take the next; otherwise
 *    the result is x_c mod n.
 * 4. Picks: while picks < winners + alternates and entrants remain:
 *    T = sum of remaining entries; r = uniform below T; walk the remaining
 *    entrants in canonical order adding up entries; pick the first entrant whose
 *    running sum exceeds r; remove it (the others keep their order).
 *    One prize per entrant: a picked entrant can't be picked again.
 * 5. The first `winners` picks are the winners in pick order, the following
 *    picks the alternates in pick order. Fewer entrants => fewer picks.
 *
 * Entry-list hash (published when entries close, before the beacon round exists):
 *   lowercase hex SHA-256 of the UTF-8 text made of one line "<entrant>:<entries>\n"
 *   per row of the canonical list (step 1), in order; every line ends with "\n".
 *   Shell: jq -r '.entries[] | "\(.entrant):\(.entries)"' draw.json | sha256sum
 *
 * The standalone verifier (../verifier/verify-draw.js) re-implements all of this
 * from this comment, without importing it; a unit test keeps the two in step.
 */
import { createHash, createHmac } from "node:crypto"

export const DRAW_ALGORITHM = "comeback-draw-v1"

export type DrawEntry = { entrant: string; entries: number }

export type DrawInput = {
  seed: string
  publicValue?: string | null
  entries: DrawEntry[]
  winners: number
  alternates: number
}

/** One random number of the stream and what step 3 did with it (test vectors). */
export type DrawTraceStep = {
  counter: number
  message: string
  hmac: string
  x: string
  below: number
  limit: string
  accepted: boolean
  value: number | null
}

export type DrawResult = {
  algorithm: typeof DRAW_ALGORITHM
  seed_hash: string
  winners: string[]
  alternates: string[]
}

/** The beacon round the draw used, as published (lib/beacon.ts). */
export type PublishedBeacon = {
  provider: string
  chain_hash: string
  genesis_time: number
  period: number
  round: number
  round_time: string
  randomness: string
  signature: string
  url: string | null
}

/** What the store publishes after the draw, and what `verifyDraw` checks. */
export type PublishedDraw = {
  algorithm: string
  giveaway_id?: string
  seed: string
  seed_hash: string
  public_value: string | null
  /** Absent in draws made before beacon commitment existed. */
  beacon?: PublishedBeacon
  /** SHA-256 of the canonical entry list, published when entries closed. */
  entries_hash?: string
  entries_closed_at?: string
  winners_count: number
  alternates_count: number
  entries: DrawEntry[]
  winners: string[]
  alternates: string[]
}

export type DrawVerification = {
  ok: boolean
  problems: string[]
  /** Entrants with at least one entry, and their entries, as the draw counted them. */
  entrants: number
  total_entries: number
}

const SEED_PATTERN = /^[0-9a-fA-F]{64}$/
const ENTRANT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
const TWO_64 = BigInt(1) << BigInt(64)

function seedBytes(seedHex: string): Buffer {
  if (typeof seedHex !== "string" || !SEED_PATTERN.test(seedHex)) {
    throw new Error("Draw seed must be 64 hexadecimal characters (32 bytes).")
  }
  return Buffer.from(seedHex, "hex")
}

function assertCount(value: unknown, name: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}.`)
  }
}

/** The hash published at go-live: lowercase hex SHA-256 of the seed's 32 bytes. */
export function commitment(seedHex: string): string {
  return createHash("sha256").update(seedBytes(seedHex)).digest("hex")
}

/** Step 1: one row per entrant with entries > 0, sorted by entrant id, so input order never matters. */
export function canonicalEntries(entries: DrawEntry[]): DrawEntry[] {
  if (!Array.isArray(entries)) throw new Error("Draw entries must be an array.")
  const totals = new Map<string, number>()
  for (const row of entries) {
    const entrant = row?.entrant
    if (typeof entrant !== "string" || !ENTRANT_PATTERN.test(entrant)) {
      throw new Error(
        `Entrant id ${JSON.stringify(entrant)} is invalid: use 1-64 characters of A-Z, a-z, 0-9, "_" or "-".`
      )
    }
    assertCount(row.entries, `Entries of ${entrant}`)
    const sum = (totals.get(entrant) ?? 0) + row.entries
    if (!Number.isSafeInteger(sum)) throw new Error(`Entries of ${entrant} are too large.`)
    totals.set(entrant, sum)
  }
  // Plain comparison, not localeCompare: byte order is the same in every language and locale.
  return [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entrant, n]) => ({ entrant, entries: n }))
}

/** The published entry-list hash: SHA-256 of "<entrant>:<entries>\n" per canonical row. */
export function entriesHash(entries: DrawEntry[]): string {
  const text = canonicalEntries(entries)
    .map((row) => `${row.entrant}:${row.entries}\n`)
    .join("")
  return createHash("sha256").update(text, "utf8").digest("hex")
}

type Stream = (() => bigint) & { last?: { counter: number; message: string; hmac: string } }

/** Step 2: the counter-mode stream of 64-bit numbers. */
export function drawStream(seedHex: string, publicValue: string = ""): Stream {
  const key = seedBytes(seedHex)
  let counter = 0
  const next: Stream = () => {
    const message = `${publicValue}:${counter}`
    const block = createHmac("sha256", key).update(message, "utf8").digest()
    next.last = { counter: counter++, message, hmac: block.toString("hex") }
    return block.readBigUInt64BE(0)
  }
  return next
}

/** Step 3: uniform integer in [0, n), rejecting the top slice of 2^64 that `mod n` would bias. */
export function uniformBelow(n: number, next: Stream, trace?: (step: DrawTraceStep) => void): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Cannot draw below ${n}.`)
  const bound = BigInt(n)
  const limit = TWO_64 - (TWO_64 % bound)
  for (;;) {
    const x = next()
    const accepted = x < limit
    if (trace && next.last) {
      trace({ ...next.last, x: x.toString(), below: n, limit: limit.toString(), accepted, value: accepted ? Number(x % bound) : null })
    }
    if (accepted) return Number(x % bound)
  }
}

/** Steps 1-5: winners then ordered alternates, one prize per entrant, odds proportional to entries. */
export function drawWinners(input: DrawInput, trace?: (step: DrawTraceStep) => void): DrawResult {
  const seed_hash = commitment(input.seed)
  const publicValue = input.publicValue ?? ""
  if (typeof publicValue !== "string") throw new Error("Public value must be a string.")
  assertCount(input.winners, "Winners count")
  assertCount(input.alternates, "Alternates count")
  const remaining = canonicalEntries(input.entries)
  let total = remaining.reduce((sum, row) => sum + row.entries, 0)
  if (!Number.isSafeInteger(total)) throw new Error("Total entries are too large.")

  const next = drawStream(input.seed, publicValue)
  const picks: string[] = []
  while (picks.length < input.winners + input.alternates && remaining.length) {
    const r = uniformBelow(total, next, trace)
    let running = 0
    let index = 0
    for (; index < remaining.length; index++) {
      running += remaining[index].entries
      if (r < running) break
    }
    const [picked] = remaining.splice(index, 1)
    total -= picked.entries
    picks.push(picked.entrant)
  }
  return {
    algorithm: DRAW_ALGORITHM,
    seed_hash,
    winners: picks.slice(0, input.winners),
    alternates: picks.slice(input.winners),
  }
}

/** The record to publish: everything a stranger needs to re-run the draw. */
export function publishedDraw(
  input: DrawInput,
  extra: Pick<PublishedDraw, "giveaway_id" | "beacon" | "entries_hash" | "entries_closed_at"> = {}
): PublishedDraw {
  const result = drawWinners(input)
  return {
    algorithm: result.algorithm,
    ...(extra.giveaway_id ? { giveaway_id: extra.giveaway_id } : {}),
    seed: input.seed.toLowerCase(),
    seed_hash: result.seed_hash,
    public_value: input.publicValue ?? null,
    ...(extra.beacon ? { beacon: extra.beacon } : {}),
    ...(extra.entries_hash ? { entries_hash: extra.entries_hash, entries_closed_at: extra.entries_closed_at } : {}),
    winners_count: input.winners,
    alternates_count: input.alternates,
    entries: canonicalEntries(input.entries),
    winners: result.winners,
    alternates: result.alternates,
  }
}

const listsDiffer = (a: unknown, b: string[]) =>
  !Array.isArray(a) || a.length !== b.length || a.some((value, i) => value !== b[i])

const show = (list: unknown) => (Array.isArray(list) ? `[${list.join(", ")}]` : JSON.stringify(list))

/** Checks the seed against its published hash and re-runs the draw; lists every mismatch. */
export function verifyDraw(published: PublishedDraw): DrawVerification {
  const problems: string[] = []
  let entrants = 0
  let total_entries = 0
  if (!published || typeof published !== "object") {
    return { ok: false, problems: ["The published draw is not an object."], entrants, total_entries }
  }
  if (published.algorithm !== DRAW_ALGORITHM) {
    problems.push(`Algorithm is ${JSON.stringify(published.algorithm)}; this verifier implements ${DRAW_ALGORITHM}.`)
  }
  let hash: string
  try {
    hash = commitment(published.seed)
  } catch (e) {
    // Without a valid seed there is nothing to re-run.
    problems.push((e as Error).message)
    return { ok: false, problems, entrants, total_entries }
  }
  if (typeof published.seed_hash !== "string" || hash !== published.seed_hash.toLowerCase()) {
    problems.push(`SHA-256 of the seed is ${hash}, not the published seed_hash ${published.seed_hash}.`)
  }
  try {
    const canonical = canonicalEntries(published.entries)
    entrants = canonical.length
    total_entries = canonical.reduce((sum, row) => sum + row.entries, 0)
    const expected = drawWinners({
      seed: published.seed,
      publicValue: published.public_value,
      entries: published.entries,
      winners: published.winners_count,
      alternates: published.alternates_count,
    })
    if (listsDiffer(published.winners, expected.winners)) {
      problems.push(`Winners are ${show(published.winners)}; re-running the draw gives ${show(expected.winners)}.`)
    }
    if (listsDiffer(published.alternates, expected.alternates)) {
      problems.push(
        `Alternates are ${show(published.alternates)}; re-running the draw gives ${show(expected.alternates)}.`
      )
    }
  } catch (e) {
    problems.push(`Cannot re-run the draw: ${(e as Error).message}`)
  }
  return { ok: problems.length === 0, problems, entrants, total_entries }
}
