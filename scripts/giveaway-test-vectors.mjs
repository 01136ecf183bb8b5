#!/usr/bin/env node
// Writes the draw's test vectors (src/modules/giveaway/verifier/test-vectors.json) from the
// store's own implementation (lib/draw.ts), every intermediate value included. The unit test
// draw-verifier.unit.spec.ts checks that both lib/draw.ts and the standalone verifier
// reproduce every value, so neither can drift from the published vectors.
//   node scripts/giveaway-test-vectors.mjs            (writes the file)
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { loadTs } from "./lib/load-ts.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const draw = loadTs(path.join(root, "plugin/src/modules/giveaway/lib/draw.ts"))

const SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
// The randomness of a quicknet-style round, as the store's draws use it.
const BEACON_VALUE = "9a5b8c1e2f3d4a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"

function vector(name, about, input, extra = {}) {
  const steps = []
  const result = draw.drawWinners(input, (step) => steps.push(step))
  const canonical = draw.canonicalEntries(input.entries)
  const listed = input.entries_rule ? {} : { entries: input.entries }
  return {
    name,
    about,
    seed: input.seed,
    seed_hash: draw.commitment(input.seed),
    public_value: input.publicValue,
    public_value_utf8_hex: Buffer.from(input.publicValue, "utf8").toString("hex"),
    winners_count: input.winners,
    alternates_count: input.alternates,
    ...listed,
    ...extra,
    entrants: canonical.length,
    total_entries: canonical.reduce((sum, row) => sum + row.entries, 0),
    ...(canonical.length <= 10 ? { entries_text: canonical.map((r) => `${r.entrant}:${r.entries}\n`).join("") } : {}),
    entries_hash: draw.entriesHash(input.entries),
    steps,
    winners: result.winners,
    alternates: result.alternates,
  }
}

const small = [
  { entrant: "E0001", entries: 3 },
  { entrant: "E0002", entries: 1 },
  { entrant: "E0003", entries: 10 },
  { entrant: "E0004", entries: 0 },
  { entrant: "E0005", entries: 6 },
  { entrant: "E0006", entries: 2 },
]

// Rejection: a total T whose 2^64 mod T is about T, so about 1 number in 2,049 is rejected;
// the first public value whose first number is rejected.
const TWO_64 = 1n << 64n
const T = Number(TWO_64 / 2049n + 1n)
const big = [
  { entrant: "A", entries: 4503599627370496 },
  { entrant: "B", entries: T - 4503599627370496 },
]
let rejecting = null
for (let i = 0; !rejecting; i++) {
  const steps = []
  draw.drawWinners({ seed: SEED, publicValue: `rejection:${i}`, entries: big, winners: 1, alternates: 0 }, (s) => steps.push(s))
  if (!steps[0].accepted) rejecting = `rejection:${i}`
}

const MANY = 10_500
const manyEntries = Array.from({ length: MANY }, (_, k) => ({
  entrant: `E${String(k + 1).padStart(5, "0")}`,
  entries: (((k + 1) * 7919) % 13) + 1,
}))

const vectors = {
  algorithm: draw.DRAW_ALGORITHM,
  about:
    "Test vectors for comeback-draw-v1 (spec: README 'Verify a draw' and src/modules/giveaway/lib/draw.ts). " +
    "steps: every number drawn from the stream, in order: counter, message (the HMAC input text), hmac (all 32 bytes, hex), " +
    "x (first 8 bytes as an unsigned big-endian integer, decimal), below (the total T being sampled), " +
    "limit (2^64 - (2^64 mod T)), accepted (x < limit), value (x mod T when accepted). " +
    "public_value_utf8_hex: the exact bytes used (no Unicode normalisation).",
  vectors: [
    vector("basic", "6 rows, one with 0 entries (dropped); 2 winners, 2 alternates; the public value is a beacon randomness.", {
      seed: SEED,
      publicValue: BEACON_VALUE,
      entries: small,
      winners: 2,
      alternates: 2,
    }),
    vector("rejection", `2 entrants with T = ${T} (2^64 mod T = ${TWO_64 % BigInt(T)}): the first number is rejected, the second used.`, {
      seed: SEED,
      publicValue: rejecting,
      entries: big,
      winners: 1,
      alternates: 1,
    }),
    vector(
      "unicode",
      "Unicode public value, bytes as given: 'e' + U+0301 (decomposed), not U+00E9. The precomposed text is a different value with different numbers.",
      { seed: SEED, publicValue: "드림 🎉 cafe\u0301:round", entries: small, winners: 1, alternates: 2 }
    ),
    vector(
      "many",
      `${MANY} entrants (labels E00001..E10500, five digits), entries of E<k> = ((k * 7919) mod 13) + 1; 3 winners, 2 alternates.`,
      { seed: SEED, publicValue: BEACON_VALUE, entries: manyEntries, entries_rule: true, winners: 3, alternates: 2 },
      { entries_rule: "entrant E<k> (k = 1..10500, zero-padded to 5 digits) holds ((k * 7919) mod 13) + 1 entries" }
    ),
  ],
}

const out = path.join(root, "plugin/src/modules/giveaway/verifier/test-vectors.json")
fs.writeFileSync(out, JSON.stringify(vectors, null, 2) + "\n")
console.log(`wrote ${path.relative(root, out)} (${vectors.vectors.map((v) => `${v.name}: ${v.steps.length} numbers`).join(", ")})`)
