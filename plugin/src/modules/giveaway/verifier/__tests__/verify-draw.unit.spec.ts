import { spawnSync } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { DRAND_QUICKNET, roundTime } from "../../lib/beacon"
import { canonicalEntries, commitment, drawWinners, entriesHash, publishedDraw, type DrawTraceStep } from "../../lib/draw"
import vectors from "../test-vectors.json"

// The standalone verifier is plain CommonJS; it must never import the store's code.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const verifier = require("../verify-draw.js")
const FILE = path.resolve(__dirname, "../verify-draw.js")

const entriesOf = (v: any) =>
  v.entries ??
  Array.from({ length: v.entrants }, (_, k) => ({ entrant: `E${String(k + 1).padStart(5, "0")}`, entries: (((k + 1) * 7919) % 13) + 1 }))

describe("test vectors (src/modules/giveaway/verifier/test-vectors.json)", () => {
  it("covers a rejection, more than 9,999 entrants and a decomposed Unicode public value", () => {
    const byName = Object.fromEntries(vectors.vectors.map((v: any) => [v.name, v]))
    expect(byName.rejection.steps[0]).toEqual(expect.objectContaining({ counter: 0, accepted: false, value: null }))
    expect(byName.many.entrants).toBe(10_500)
    expect(byName.many.winners[0]).toMatch(/^E\d{5}$/)
    expect(byName.unicode.public_value.normalize("NFC")).not.toBe(byName.unicode.public_value)
    expect(byName.unicode.public_value_utf8_hex).toContain("65cc81") // "e" + U+0301 as UTF-8
  })

  for (const v of vectors.vectors as any[]) {
    it(`${v.name}: the server's draw.ts reproduces every HMAC block, sampled number, hash and pick`, () => {
      const entries = entriesOf(v)
      const steps: DrawTraceStep[] = []
      const result = drawWinners({ seed: v.seed, publicValue: v.public_value, entries, winners: v.winners_count, alternates: v.alternates_count }, (s) =>
        steps.push(s)
      )
      expect(commitment(v.seed)).toBe(v.seed_hash)
      expect(Buffer.from(v.public_value, "utf8").toString("hex")).toBe(v.public_value_utf8_hex)
      expect(entriesHash(entries)).toBe(v.entries_hash)
      if (v.entries_text) expect(createHash("sha256").update(v.entries_text).digest("hex")).toBe(v.entries_hash)
      expect(steps).toEqual(v.steps)
      expect(result.winners).toEqual(v.winners)
      expect(result.alternates).toEqual(v.alternates)
    })

    it(`${v.name}: the standalone verifier reproduces them too`, () => {
      const entries = entriesOf(v)
      const steps: any[] = []
      const picks = verifier.drawPicks(
        { seed: v.seed, public_value: v.public_value, entries, winners: v.winners_count, alternates: v.alternates_count },
        (s: any) => steps.push(s)
      )
      expect(verifier.seedHash(v.seed)).toBe(v.seed_hash)
      expect(verifier.entriesHash(entries)).toBe(v.entries_hash)
      expect(steps).toEqual(v.steps)
      expect(picks).toEqual({ winners: v.winners, alternates: v.alternates })
    })
  }
})

describe("the standalone verifier agrees with the server's implementation", () => {
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
  const values = ["", ":", "a:b:", "드림 🎉", "cafe\u0301", "\u00e9", "0".repeat(64)]
  it("on 400 random draws: same canonical list, entry-list hash, winners and alternates", () => {
    let rng = 0x2f6b_1d3a
    const next = (n: number) => {
      rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0
      return rng % n
    }
    for (let i = 0; i < 400; i++) {
      const seed = randomBytes(32).toString(i % 2 ? "hex" : "hex").toUpperCase().slice(0, 64)
      const entries = Array.from({ length: next(40) }, () => ({
        entrant: Array.from({ length: 1 + next(6) }, () => ALPHABET[next(ALPHABET.length)]).join(""),
        entries: next(4) === 0 ? 0 : next(i % 10 === 0 ? 1_000_000_000 : 20) + 1,
      }))
      const publicValue = i % 3 === 0 ? randomBytes(32).toString("hex") : values[next(values.length)] + String(next(1000))
      const input = { seed, publicValue, entries, winners: next(6), alternates: next(6) }
      const server = drawWinners(input)
      const standalone = verifier.drawPicks({ seed, public_value: publicValue, entries, winners: input.winners, alternates: input.alternates })
      expect(standalone).toEqual({ winners: server.winners, alternates: server.alternates })
      expect(verifier.canonicalEntries(entries)).toEqual(canonicalEntries(entries))
      expect(verifier.entriesHash(entries)).toBe(entriesHash(entries))
      expect(verifier.seedHash(seed)).toBe(commitment(seed))
    }
  })
})

/** A draw as the store publishes it, with a quicknet-shaped round whose randomness is SHA-256 of its signature. */
function published(overrides: { closedAt?: Date; round?: number } = {}) {
  const round = overrides.round ?? 25_000_000
  const signature = createHash("sha512").update(`round ${round}`).digest().subarray(0, 48).toString("hex")
  const randomness = createHash("sha256").update(Buffer.from(signature, "hex")).digest("hex")
  const roundAt = roundTime(DRAND_QUICKNET, round)
  const entries = Array.from({ length: 30 }, (_, i) => ({ entrant: `E${String(i + 1).padStart(4, "0")}`, entries: (i % 4) + 1 }))
  const seed = createHash("sha256").update("seed").digest("hex")
  return publishedDraw(
    { seed, publicValue: randomness, entries, winners: 2, alternates: 3 },
    {
      giveaway_id: "gway_test",
      beacon: {
        provider: "drand",
        chain_hash: DRAND_QUICKNET.chain_hash,
        genesis_time: DRAND_QUICKNET.genesis_time,
        period: DRAND_QUICKNET.period,
        round,
        round_time: roundAt.toISOString(),
        randomness,
        signature,
        url: null,
      },
      entries_hash: entriesHash(entries),
      entries_closed_at: (overrides.closedAt ?? new Date(roundAt.getTime() - 600_000)).toISOString(),
    }
  )
}

describe("verify()", () => {
  const draw = published()
  const saved = { committedHash: draw.seed_hash, round: draw.beacon!.round, entriesHash: draw.entries_hash }
  const problems = (d: any, s: any = saved) => verifier.verify(JSON.parse(JSON.stringify(d)), s).problems as string[]

  it("accepts a real published draw checked against the hash, round and entry-list hash the fan saved", () => {
    expect(verifier.verify(draw, saved)).toEqual(expect.objectContaining({ ok: true, problems: [] }))
    const lines = verifier.verify(draw, saved).lines.join("\n")
    expect(lines).toContain(`drand quicknet round ${draw.beacon!.round}, published ${draw.beacon!.round_time}`)
    expect(lines).toContain(`https://api.drand.sh/${DRAND_QUICKNET.chain_hash}/public/${draw.beacon!.round}`)
  })

  it("rejects a hash the fan did not save, and refuses to vouch without one", () => {
    expect(problems(draw, { ...saved, committedHash: "ab".repeat(32) })).toEqual([
      expect.stringContaining(`not the hash you saved (${"ab".repeat(32)})`),
    ])
    expect(problems(draw, {})).toEqual([expect.stringContaining("no --committed-hash")])
  })

  it("rejects a tampered seed, even with its matching seed_hash in the file", () => {
    const seed = createHash("sha256").update("another seed").digest("hex")
    expect(problems({ ...draw, seed, seed_hash: commitment(seed) })).toEqual(
      expect.arrayContaining([expect.stringContaining("not the hash you saved"), expect.stringContaining("re-running the draw gives")])
    )
  })

  it("rejects a tampered entry list, even with a recomputed entries_hash", () => {
    const entries = draw.entries.map((e, i) => (i === 0 ? { ...e, entries: e.entries + 5 } : e))
    expect(problems({ ...draw, entries })).toEqual(expect.arrayContaining([expect.stringContaining("not the published entries_hash")]))
    expect(problems({ ...draw, entries, entries_hash: entriesHash(entries) })).toEqual(
      expect.arrayContaining([expect.stringContaining("not the hash you saved")])
    )
  })

  it("rejects a round value that is not the beacon's, another round, or a round older than the entry list", () => {
    const value = randomBytes(32).toString("hex")
    expect(problems({ ...draw, public_value: value, beacon: { ...draw.beacon, randomness: value } })).toEqual(
      expect.arrayContaining([expect.stringContaining("not SHA-256 of its signature")])
    )
    expect(problems({ ...draw, public_value: value })).toEqual(
      expect.arrayContaining([expect.stringContaining("is not the beacon round's randomness")])
    )
    // Another real round, with the draw re-run on it: only the round the fan saved tells them apart.
    const other = published({ round: draw.beacon!.round + 1 })
    expect(problems(other)).toEqual([`the draw used beacon round ${draw.beacon!.round + 1}, not round ${draw.beacon!.round} that you saved at go-live`])
    expect(problems({ ...draw, beacon: { ...draw.beacon, round_time: new Date(0).toISOString() } })).toEqual([expect.stringContaining("is published at")])
    const late = published({ closedAt: new Date(roundTime(DRAND_QUICKNET, 25_000_000).getTime() + 1000) })
    expect(problems(late, { committedHash: late.seed_hash })).toEqual([expect.stringContaining("after round 25000000 was published")])
    expect(problems({ ...draw, beacon: { ...draw.beacon, chain_hash: "00".repeat(32) } })).toEqual([expect.stringContaining("unknown beacon chain")])
  })

  it("rejects changed winners or alternates and a draw without a beacon", () => {
    expect(problems({ ...draw, winners: [...draw.winners].reverse() })).toEqual([expect.stringContaining("re-running the draw gives")])
    const { beacon: _b, ...legacy } = draw
    expect(problems(legacy)).toEqual(expect.arrayContaining([expect.stringContaining("no beacon round")]))
  })
})

describe("node verify-draw.js (the command a fan runs)", () => {
  const draw = published()
  const run = (args: string[], body: unknown = draw) => {
    const file = path.join(os.tmpdir(), `draw-${process.pid}-${Math.random()}.json`)
    fs.writeFileSync(file, JSON.stringify(body))
    try {
      const out = spawnSync(process.execPath, [FILE, file, ...args], { encoding: "utf8" })
      return { code: out.status, out: out.stdout, err: out.stderr }
    } finally {
      fs.rmSync(file, { force: true })
    }
  }

  it("exits 0 on a real draw, printing the round and its value to compare with the beacon's record", () => {
    const ok = run(["--committed-hash", draw.seed_hash, "--round", String(draw.beacon!.round), "--trace"])
    expect(ok.code).toBe(0)
    expect(ok.out).toContain(`randomness ${draw.beacon!.randomness}`)
    expect(ok.out).toMatch(/#0 HMAC\(".*:0"\) = [0-9a-f]{64} -> x = \d+/)
    expect(ok.out.trim().split("\n").pop()).toBe("OK: the draw checks out.")
  })

  it("exits 1 listing the problem for an unsaved hash, and 2 on bad usage", () => {
    const bad = run(["--committed-hash", "cd".repeat(32)])
    expect(bad.code).toBe(1)
    expect(bad.out).toContain("FAILED: 1 problem")
    expect(run([]).code).toBe(1)
    expect(run(["--round", "x", "--committed-hash", draw.seed_hash]).code).toBe(2)
    expect(run(["--committed-hash", "nothex"]).code).toBe(2)
  })
})

describe("the served copy", () => {
  it("is byte for byte verify-draw.js (run `node scripts/embed-verifier.mjs` after editing it)", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { verifierSource } = require("../index")
    expect(verifierSource().source).toBe(fs.readFileSync(FILE, "utf8"))
  })
})
