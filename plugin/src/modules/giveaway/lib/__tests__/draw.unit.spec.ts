import { createHash, createHmac } from "node:crypto"
import {
  DRAW_ALGORITHM,
  canonicalEntries,
  commitment,
  drawStream,
  drawWinners,
  publishedDraw,
  uniformBelow,
  verifyDraw,
} from "../draw"

const SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
const seedOf = (i: number) => createHash("sha256").update(String(i)).digest("hex")
const pool = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ entrant: `E${String(i + 1).padStart(4, "0")}`, entries: (i % 5) + 1 }))
const VECTOR_ENTRIES = [
  { entrant: "E0001", entries: 3 },
  { entrant: "E0002", entries: 1 },
  { entrant: "E0003", entries: 10 },
  { entrant: "E0004", entries: 0 },
  { entrant: "E0005", entries: 6 },
  { entrant: "E0006", entries: 2 },
]

describe("commitment", () => {
  it("is the lowercase hex SHA-256 of the seed's 32 bytes, whatever the seed's hex case", () => {
    expect(commitment(SEED)).toBe("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd")
    expect(commitment(SEED.toUpperCase())).toBe(commitment(SEED))
  })

  it("rejects a seed that is not 64 hex characters", () => {
    expect(() => commitment("abc")).toThrow("64 hexadecimal characters")
    expect(() => commitment("g".repeat(64))).toThrow("64 hexadecimal characters")
    expect(() => commitment(SEED + "00")).toThrow("64 hexadecimal characters")
  })
})

describe("random stream", () => {
  it("is HMAC-SHA256(seed bytes, public value + ':' + counter), first 8 bytes big-endian, counter from 0", () => {
    const next = drawStream(SEED, "drand:42")
    for (const counter of [0, 1, 2]) {
      const block = createHmac("sha256", Buffer.from(SEED, "hex")).update(`drand:42:${counter}`).digest()
      expect(next()).toBe(block.readBigUInt64BE(0))
    }
  })

  it("rejects values in the biased top slice of 2^64 instead of folding them with modulo", () => {
    // 2^64 mod 3 = 1, so 2^64 - 1 is the one value that would favour 0.
    const values = [(BigInt(1) << BigInt(64)) - BigInt(1), BigInt(5)]
    const next = jest.fn(() => values.shift()!)
    expect(uniformBelow(3, next)).toBe(2)
    expect(next).toHaveBeenCalledTimes(2)
  })
})

describe("drawWinners", () => {
  it("reproduces the v1 test vector computed by an independent implementation of the documented algorithm", () => {
    const base = { seed: SEED, entries: VECTOR_ENTRIES, winners: 2, alternates: 2 }
    expect(drawWinners({ ...base, publicValue: "drand:1234567" })).toEqual({
      algorithm: "comeback-draw-v1",
      seed_hash: "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",
      winners: ["E0005", "E0003"],
      alternates: ["E0006", "E0001"],
    })
    expect(drawWinners({ ...base, publicValue: "" })).toMatchObject({
      winners: ["E0005", "E0002"],
      alternates: ["E0003", "E0001"],
    })
  })

  it("gives the same result for the same inputs", () => {
    const input = { seed: seedOf(1), publicValue: "round 9", entries: pool(200), winners: 5, alternates: 5 }
    expect(drawWinners(input)).toEqual(drawWinners({ ...input, entries: pool(200) }))
  })

  it("gives a different result for a different public value", () => {
    const input = { seed: seedOf(1), entries: pool(200), winners: 5, alternates: 5 }
    const a = drawWinners({ ...input, publicValue: "round 9" })
    const b = drawWinners({ ...input, publicValue: "round 10" })
    const none = drawWinners({ ...input })
    expect(b.winners).not.toEqual(a.winners)
    expect(none.winners).not.toEqual(a.winners)
    expect(none).toEqual(drawWinners({ ...input, publicValue: "" }))
  })

  it("does not depend on the order of the entries, and sums the rows of one entrant", () => {
    const entries = pool(50)
    const shuffled = [...entries].reverse()
    const split = entries.flatMap((row) =>
      row.entries > 1 ? [{ ...row, entries: 1 }, { entrant: row.entrant, entries: 0 }, { ...row, entries: row.entries - 1 }] : [row]
    )
    const input = { seed: seedOf(2), publicValue: "x", winners: 3, alternates: 3 }
    const expected = drawWinners({ ...input, entries })
    expect(drawWinners({ ...input, entries: shuffled })).toEqual(expected)
    expect(drawWinners({ ...input, entries: split })).toEqual(expected)
    expect(canonicalEntries(split)).toEqual(entries)
  })

  it("gives each entrant at most one prize, however many entries they hold", () => {
    const entries = [{ entrant: "WHALE", entries: 1_000_000 }, ...pool(5)]
    for (let i = 0; i < 200; i++) {
      const { winners, alternates } = drawWinners({ seed: seedOf(i), entries, winners: 3, alternates: 3 })
      const picks = [...winners, ...alternates]
      expect(new Set(picks).size).toBe(6)
      expect(picks.filter((p) => p === "WHALE")).toHaveLength(1)
    }
  })

  it("continues the same sampling for alternates: ordered, after the winners, disjoint from them", () => {
    const input = { seed: seedOf(3), publicValue: "p", entries: pool(30), winners: 4, alternates: 6 }
    const { winners, alternates } = drawWinners(input)
    expect(winners).toHaveLength(4)
    expect(alternates).toHaveLength(6)
    expect(alternates.filter((a) => winners.includes(a))).toEqual([])
    // One pass: 10 winners and no alternates picks the same entrants in the same order.
    expect(drawWinners({ ...input, winners: 10, alternates: 0 }).winners).toEqual([...winners, ...alternates])
  })

  it("returns fewer winners and alternates when there are fewer entrants than places", () => {
    const entries = [
      { entrant: "A", entries: 1 },
      { entrant: "B", entries: 2 },
      { entrant: "C", entries: 3 },
    ]
    const few = drawWinners({ seed: SEED, entries, winners: 2, alternates: 5 })
    expect(few.winners).toHaveLength(2)
    expect(few.alternates).toHaveLength(1)
    const fewer = drawWinners({ seed: SEED, entries, winners: 5, alternates: 2 })
    expect(fewer.winners.sort()).toEqual(["A", "B", "C"])
    expect(fewer.alternates).toEqual([])
    expect(drawWinners({ seed: SEED, entries: [], winners: 1, alternates: 1 })).toMatchObject({ winners: [], alternates: [] })
  })

  it("never picks an entrant with 0 entries, even with places to spare", () => {
    const entries = [
      { entrant: "ZERO1", entries: 0 },
      { entrant: "A", entries: 1 },
      { entrant: "ZERO2", entries: 0 },
      { entrant: "B", entries: 5 },
    ]
    for (let i = 0; i < 100; i++) {
      const { winners, alternates } = drawWinners({ seed: seedOf(i), entries, winners: 2, alternates: 2 })
      expect([...winners, ...alternates].sort()).toEqual(["A", "B"])
    }
  })

  it("rejects invalid inputs with a message naming the problem", () => {
    const ok = { seed: SEED, entries: [{ entrant: "E1", entries: 1 }], winners: 1, alternates: 0 }
    expect(() => drawWinners({ ...ok, seed: "xyz" })).toThrow("64 hexadecimal characters")
    expect(() => drawWinners({ ...ok, entries: [{ entrant: "E1", entries: -1 }] })).toThrow("Entries of E1 must be a non-negative integer")
    expect(() => drawWinners({ ...ok, entries: [{ entrant: "E1", entries: 1.5 }] })).toThrow("Entries of E1 must be a non-negative integer")
    expect(() => drawWinners({ ...ok, entries: [{ entrant: "bad id", entries: 1 }] })).toThrow('Entrant id "bad id" is invalid')
    expect(() => drawWinners({ ...ok, winners: -1 })).toThrow("Winners count must be a non-negative integer")
    expect(() => drawWinners({ ...ok, alternates: 0.5 })).toThrow("Alternates count must be a non-negative integer")
  })

  it("picks in proportion to entries: weights 1:2:3:4 win 10/20/30/40% over 20,000 seeded draws", () => {
    const weights = [1, 2, 3, 4]
    const entries = weights.map((w, i) => ({ entrant: `W${i + 1}`, entries: w }))
    const N = 20_000
    const wins = [0, 0, 0, 0]
    const firstAlternate = [0, 0, 0, 0]
    for (let i = 0; i < N; i++) {
      const { winners, alternates } = drawWinners({ seed: seedOf(i), publicValue: "fairness", entries, winners: 1, alternates: 1 })
      wins[Number(winners[0].slice(1)) - 1]++
      firstAlternate[Number(alternates[0].slice(1)) - 1]++
    }
    const within4Sigma = (observed: number[], p: number[]) =>
      observed.forEach((count, j) => {
        const sigma = Math.sqrt(N * p[j] * (1 - p[j]))
        expect(Math.abs(count - N * p[j])).toBeLessThan(4 * sigma)
      })
    const pWin = weights.map((w) => w / 10)
    within4Sigma(wins, pWin)
    // Chi-square, 3 degrees of freedom: 16.27 is the 0.1% critical value.
    const chi2 = wins.reduce((sum, count, j) => sum + (count - N * pWin[j]) ** 2 / (N * pWin[j]), 0)
    expect(chi2).toBeLessThan(16.27)
    // Sampling without replacement: P(first alternate = j) = sum over winners i != j of p_i x w_j / (10 - w_i).
    const pAlt = weights.map((wj, j) => weights.reduce((s, wi, i) => (i === j ? s : s + (wi / 10) * (wj / (10 - wi))), 0))
    within4Sigma(firstAlternate, pAlt)
  })
})

describe("verifyDraw", () => {
  const published = () =>
    publishedDraw({ seed: seedOf(7), publicValue: "drand:4242", entries: pool(40), winners: 3, alternates: 2 })

  it("accepts an untouched published draw and counts its entrants and entries", () => {
    const draw = published()
    expect(draw.algorithm).toBe(DRAW_ALGORITHM)
    expect(verifyDraw(draw)).toEqual({ ok: true, problems: [], entrants: 40, total_entries: 120 })
    // Survives a trip through JSON, as strangers receive it.
    expect(verifyDraw(JSON.parse(JSON.stringify(draw))).ok).toBe(true)
  })

  it("reports a tampered winner list", () => {
    const draw = published()
    const outsider = draw.entries.find((e) => ![...draw.winners, ...draw.alternates].includes(e.entrant))!.entrant
    const result = verifyDraw({ ...draw, winners: [outsider, ...draw.winners.slice(1)] })
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([expect.stringContaining(`Winners are [${outsider}, `)])
    // Same people, different order: the order of alternates is part of the result.
    expect(verifyDraw({ ...draw, alternates: [...draw.alternates].reverse() }).problems).toEqual([
      expect.stringContaining("Alternates are"),
    ])
  })

  it("reports a seed that does not match its published hash", () => {
    const draw = published()
    const other = publishedDraw({ seed: seedOf(8), publicValue: "drand:4242", entries: pool(40), winners: 3, alternates: 2 })
    // Results honestly re-drawn from a different seed still fail: the seed was not the one committed to.
    const result = verifyDraw({ ...other, seed_hash: draw.seed_hash })
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([expect.stringContaining("not the published seed_hash")])
  })

  it("reports an unknown algorithm or an unusable seed instead of throwing", () => {
    expect(verifyDraw({ ...published(), algorithm: "comeback-draw-v2" }).problems).toEqual([
      expect.stringContaining("this verifier implements comeback-draw-v1"),
    ])
    expect(verifyDraw({ ...published(), seed: "nope" })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining("64 hexadecimal characters")],
    })
  })
})
