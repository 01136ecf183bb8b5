#!/usr/bin/env node
// Comeback giveaway draw verifier: one file, plain JavaScript, Node.js 18+ only, no dependencies.
//
//   node verify-draw.js draw.json --committed-hash <seed_hash you saved at go-live>
//                       [--round <beacon round you saved at go-live>]
//                       [--entries-hash <entry-list hash you saved when entries closed>]
//                       [--trace]
//
// draw.json is the store's published draw (GET /store/giveaways/:id/draw); "-" reads stdin.
// Exit 0: every check passed. 1: a check failed (each problem is listed). 2: bad usage.
//
// Written from the specification "comeback-draw-v1" (README, "Verify a draw"), not from the
// store's code, so a bug in the store's implementation shows up here as a mismatch.
"use strict"

const crypto = require("node:crypto")
const fs = require("node:fs")

const ALGORITHM = "comeback-draw-v1"

// Beacon chains this verifier knows, hard-coded so a store cannot substitute its own chain.
// drand quicknet: https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info
const CHAINS = {
  "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971": {
    name: "drand quicknet",
    provider: "drand",
    genesis_time: 1692803367,
    period: 3,
    public_record: (round) => `https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/public/${round}`,
  },
}

const sha256 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex")
const TWO_64 = 1n << 64n

function seedHash(seed) {
  if (typeof seed !== "string" || !/^[0-9a-fA-F]{64}$/.test(seed)) throw new Error("the seed is not 64 hexadecimal characters")
  return sha256(Buffer.from(seed, "hex"))
}

// Step 1: sum per entrant, drop zeros, sort by entrant id (byte order).
function canonicalEntries(entries) {
  if (!Array.isArray(entries)) throw new Error("entries is not a list")
  const totals = new Map()
  for (const row of entries) {
    const id = row && row.entrant
    const n = row && row.entries
    if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error(`entrant ${JSON.stringify(id)} is not a valid id`)
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`entries of ${id} is not a non-negative integer`)
    totals.set(id, (totals.get(id) || 0) + n)
  }
  return [...totals]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entrant, entries]) => ({ entrant, entries }))
}

// SHA-256 of "<entrant>:<entries>\n" per canonical row.
function entriesHash(entries) {
  return sha256(Buffer.from(canonicalEntries(entries).map((r) => `${r.entrant}:${r.entries}\n`).join(""), "utf8"))
}

// Steps 2-5. `trace` receives every number drawn from the stream.
function drawPicks({ seed, public_value, entries, winners, alternates }, trace) {
  if (!Number.isSafeInteger(winners) || winners < 0) throw new Error("winners_count is not a non-negative integer")
  if (!Number.isSafeInteger(alternates) || alternates < 0) throw new Error("alternates_count is not a non-negative integer")
  const key = Buffer.from(seed, "hex")
  const value = public_value == null ? "" : String(public_value)
  let counter = 0
  const remaining = canonicalEntries(entries)
  let total = remaining.reduce((sum, r) => sum + r.entries, 0)
  if (!Number.isSafeInteger(total)) throw new Error("total entries exceed 2^53 - 1")
  const picks = []
  while (picks.length < winners + alternates && remaining.length > 0) {
    const n = BigInt(total)
    const limit = TWO_64 - (TWO_64 % n)
    let r = null
    while (r === null) {
      const message = `${value}:${counter}`
      const block = crypto.createHmac("sha256", key).update(Buffer.from(message, "utf8")).digest()
      const x = block.readBigUInt64BE(0)
      const accepted = x < limit
      if (accepted) r = Number(x % n)
      if (trace) trace({ counter, message, hmac: block.toString("hex"), x: x.toString(), below: total, limit: limit.toString(), accepted, value: r })
      counter++
    }
    let running = 0
    let i = 0
    while (i < remaining.length - 1 && r >= running + remaining[i].entries) running += remaining[i++].entries
    const [picked] = remaining.splice(i, 1)
    total -= picked.entries
    picks.push(picked.entrant)
  }
  return { winners: picks.slice(0, winners), alternates: picks.slice(winners) }
}

const same = (a, b) => Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i])
const list = (a) => (Array.isArray(a) ? `[${a.join(", ")}]` : JSON.stringify(a))

/**
 * Checks a published draw against what the fan saved. Returns { ok, problems, lines } where
 * lines is the human report and problems every failed check.
 */
function verify(draw, saved = {}, trace) {
  const problems = []
  const lines = []
  const fail = (message) => problems.push(message)
  if (!draw || typeof draw !== "object") return { ok: false, problems: ["the published draw is not a JSON object"], lines }
  if (draw.giveaway_id) lines.push(`Giveaway ${draw.giveaway_id}`)
  if (draw.algorithm !== ALGORITHM) fail(`algorithm is ${JSON.stringify(draw.algorithm)}; this verifier implements ${ALGORITHM}`)

  // 1. The seed is the one committed to at go-live.
  let hash = null
  try {
    hash = seedHash(draw.seed)
  } catch (e) {
    fail(e.message)
  }
  if (hash) {
    lines.push(`  seed         SHA-256 of the seed's bytes = ${hash}`)
    if (hash !== String(draw.seed_hash).toLowerCase()) fail(`SHA-256 of the seed is ${hash}, not the seed_hash in the file (${draw.seed_hash})`)
    if (!saved.committedHash) fail("no --committed-hash: a hash from the same file proves nothing; pass the seed_hash you saved at go-live")
    else if (hash !== saved.committedHash.toLowerCase()) fail(`SHA-256 of the seed is ${hash}, not the hash you saved (${saved.committedHash})`)
    else lines.push("               matches the hash you saved at go-live")
  }

  // 2. The entry list is the one published when entries closed.
  let canonical = null
  try {
    canonical = canonicalEntries(draw.entries)
  } catch (e) {
    fail(`entry list: ${e.message}`)
  }
  if (canonical) {
    const listHash = entriesHash(canonical)
    const total = canonical.reduce((sum, r) => sum + r.entries, 0)
    lines.push(`  entry list   ${canonical.length} entrants, ${total} entries, hash ${listHash}`)
    if (draw.entries_hash === undefined) fail("the file has no entries_hash: the entry list was not committed before the draw")
    else if (listHash !== draw.entries_hash) fail(`the entry list hashes to ${listHash}, not the published entries_hash ${draw.entries_hash}`)
    if (saved.entriesHash) {
      if (listHash !== saved.entriesHash.toLowerCase()) fail(`the entry list hashes to ${listHash}, not the hash you saved (${saved.entriesHash})`)
      else lines.push("               matches the entry-list hash you saved")
    }
  }

  // 3. The public value is the committed beacon round's randomness.
  const beacon = draw.beacon
  if (!beacon || typeof beacon !== "object") {
    fail("the file has no beacon round: the public value was not committed in advance")
  } else {
    const chain = CHAINS[beacon.chain_hash]
    if (!chain) fail(`unknown beacon chain ${JSON.stringify(beacon.chain_hash)}`)
    else {
      if (beacon.genesis_time !== chain.genesis_time || beacon.period !== chain.period) {
        fail(`the file's chain parameters (genesis ${beacon.genesis_time}, period ${beacon.period}) are not ${chain.name}'s`)
      }
      const round = beacon.round
      if (!Number.isSafeInteger(round) || round < 1) fail(`beacon round ${JSON.stringify(round)} is not a positive integer`)
      else {
        const at = new Date((chain.genesis_time + (round - 1) * chain.period) * 1000)
        lines.push(`  beacon       ${chain.name} round ${round}, published ${at.toISOString()}`)
        lines.push(`               randomness ${beacon.randomness}`)
        lines.push(`               compare with the beacon's public record: ${chain.public_record(round)}`)
        if (beacon.round_time !== undefined && new Date(beacon.round_time).getTime() !== at.getTime()) {
          fail(`round ${round} is published at ${at.toISOString()}, not ${beacon.round_time}`)
        }
        if (saved.round !== undefined) {
          if (round !== saved.round) fail(`the draw used beacon round ${round}, not round ${saved.round} that you saved at go-live`)
          else lines.push("               is the round you saved at go-live")
        }
        const closed = Date.parse(draw.entries_closed_at)
        if (Number.isNaN(closed)) fail("the file has no entries_closed_at")
        else if (closed >= at.getTime()) fail(`entries closed at ${draw.entries_closed_at}, after round ${round} was published`)
      }
      const signature = typeof beacon.signature === "string" && /^([0-9a-f]{2})+$/.test(beacon.signature) ? beacon.signature : null
      if (!signature) fail("the beacon signature is not hex")
      else if (sha256(Buffer.from(signature, "hex")) !== beacon.randomness) fail("the beacon randomness is not SHA-256 of its signature")
      if (draw.public_value !== beacon.randomness) fail(`the public value ${JSON.stringify(draw.public_value)} is not the beacon round's randomness`)
    }
  }

  // 4. Re-run the draw.
  if (hash && canonical) {
    try {
      const expected = drawPicks(
        { seed: draw.seed, public_value: draw.public_value, entries: canonical, winners: draw.winners_count, alternates: draw.alternates_count },
        trace
      )
      lines.push(`  draw         winners ${list(expected.winners)}, alternates ${list(expected.alternates)}`)
      if (!same(draw.winners, expected.winners)) fail(`winners are ${list(draw.winners)}; re-running the draw gives ${list(expected.winners)}`)
      if (!same(draw.alternates, expected.alternates)) {
        fail(`alternates are ${list(draw.alternates)}; re-running the draw gives ${list(expected.alternates)}`)
      }
    } catch (e) {
      fail(`cannot re-run the draw: ${e.message}`)
    }
  }
  return { ok: problems.length === 0, problems, lines }
}

function main(argv) {
  const usage = "Usage: node verify-draw.js <draw.json | -> --committed-hash <hash> [--round <n>] [--entries-hash <hash>] [--trace]"
  const saved = {}
  let file = null
  let trace = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`)
      return argv[++i]
    }
    try {
      if (arg === "--committed-hash") saved.committedHash = value()
      else if (arg === "--entries-hash") saved.entriesHash = value()
      else if (arg === "--round") {
        const round = value()
        if (!/^[1-9][0-9]*$/.test(round)) throw new Error("--round must be a positive integer")
        saved.round = Number(round)
      } else if (arg === "--trace") trace = true
      else if (arg.startsWith("--") || file !== null) throw new Error(`unexpected argument ${arg}`)
      else file = arg
    } catch (e) {
      console.error(`${e.message}\n${usage}`)
      return 2
    }
  }
  if (file === null) {
    console.error(usage)
    return 2
  }
  if (saved.committedHash && !/^[0-9a-fA-F]{64}$/.test(saved.committedHash)) {
    console.error(`--committed-hash must be 64 hexadecimal characters\n${usage}`)
    return 2
  }
  let draw
  try {
    draw = JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8"))
  } catch (e) {
    console.error(`Cannot read a published draw from ${file === "-" ? "stdin" : file}: ${e.message}`)
    return 1
  }
  const steps = []
  const result = verify(draw, saved, trace ? (step) => steps.push(step) : undefined)
  for (const line of result.lines) console.log(line)
  for (const s of steps) console.log(`  #${s.counter} HMAC(${JSON.stringify(s.message)}) = ${s.hmac} -> x = ${s.x} ${s.accepted ? `-> ${s.value} (below ${s.below})` : "rejected"}`)
  if (result.ok) {
    console.log("OK: the draw checks out.")
    return 0
  }
  console.log(`FAILED: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`)
  for (const problem of result.problems) console.log(`- ${problem}`)
  return 1
}

module.exports = { ALGORITHM, CHAINS, seedHash, canonicalEntries, entriesHash, drawPicks, verify, main }

if (require.main === module) process.exitCode = main(process.argv.slice(2))
