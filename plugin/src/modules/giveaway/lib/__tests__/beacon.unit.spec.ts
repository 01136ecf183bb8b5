import { createHash } from "node:crypto"
import { DRAND_QUICKNET, beaconPublicUrl, firstRoundAfter, roundProblem, roundTime } from "../beacon"

const genesis = DRAND_QUICKNET.genesis_time * 1000

describe("drand quicknet rounds", () => {
  it("round 1 is published at genesis and one round follows every 3 seconds", () => {
    expect(roundTime(DRAND_QUICKNET, 1).getTime()).toBe(genesis)
    expect(roundTime(DRAND_QUICKNET, 1001).getTime()).toBe(genesis + 3000 * 1000)
  })

  it("the committed round is the first published strictly after the moment", () => {
    expect(firstRoundAfter(DRAND_QUICKNET, new Date(genesis))).toBe(2)
    expect(firstRoundAfter(DRAND_QUICKNET, new Date(genesis + 2999))).toBe(2)
    expect(firstRoundAfter(DRAND_QUICKNET, new Date(genesis + 3000))).toBe(3)
    for (const at of [new Date("2026-12-24T15:00:00Z"), new Date("2027-01-01T00:00:01.5Z")]) {
      const round = firstRoundAfter(DRAND_QUICKNET, at)
      expect(roundTime(DRAND_QUICKNET, round).getTime()).toBeGreaterThan(at.getTime())
      expect(roundTime(DRAND_QUICKNET, round - 1).getTime()).toBeLessThanOrEqual(at.getTime())
    }
  })

  it("accepts a served round only if it is the round asked for and its randomness is SHA-256 of its signature", () => {
    const signature = "ab".repeat(48)
    const randomness = createHash("sha256").update(Buffer.from(signature, "hex")).digest("hex")
    expect(roundProblem(DRAND_QUICKNET, 7, { round: 7, randomness, signature })).toBeNull()
    expect(roundProblem(DRAND_QUICKNET, 7, { round: 8, randomness, signature })).toContain("not round 7")
    expect(roundProblem(DRAND_QUICKNET, 7, { round: 7, randomness: "00".repeat(32), signature })).toContain("not SHA-256 of its signature")
    expect(roundProblem(DRAND_QUICKNET, 7, { round: 7, randomness, signature: "xyz" })).toContain("not hex")
  })

  it("points at the round's public record", () => {
    expect(beaconPublicUrl("drand", DRAND_QUICKNET.chain_hash, 42)).toBe(`https://api.drand.sh/${DRAND_QUICKNET.chain_hash}/public/42`)
    expect(beaconPublicUrl(null, null, null)).toBeNull()
  })
})
