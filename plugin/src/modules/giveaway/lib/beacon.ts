/**
 * Public randomness beacons the draw can commit to. Pure: round arithmetic and
 * the checks any copy of a round must pass; fetching is a provider's job
 * (providers/drand.ts).
 *
 * drand quicknet (League of Entropy mainnet): a round every `period` seconds
 * from `genesis_time`, round 1 at genesis, so round r is published at
 * genesis_time + (r - 1) × period and the round for any moment is computable
 * offline. Unchained BLS on G1: `randomness` = SHA-256(signature bytes).
 */
import { createHash } from "node:crypto"

export type BeaconChain = {
  provider: string
  chain_hash: string
  genesis_time: number
  period: number
  public_key: string
  scheme: string
}

/** https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info */
export const DRAND_QUICKNET: BeaconChain = {
  provider: "drand",
  chain_hash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
  genesis_time: 1692803367,
  period: 3,
  public_key:
    "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
  scheme: "bls-unchained-g1-rfc9380",
}

/** One published round, as drand serves it. */
export type BeaconRound = { round: number; randomness: string; signature: string }

/** When round `round` is published. */
export function roundTime(chain: BeaconChain, round: number): Date {
  if (!Number.isSafeInteger(round) || round < 1) throw new Error(`Beacon round must be a positive integer, got ${round}.`)
  return new Date((chain.genesis_time + (round - 1) * chain.period) * 1000)
}

/** The first round published strictly after `at`. */
export function firstRoundAfter(chain: BeaconChain, at: Date): number {
  const seconds = at.getTime() / 1000 - chain.genesis_time
  if (seconds < 0) return 1
  return Math.floor(seconds / chain.period) + 2
}

/** Why a served round is not the round asked for (null: it checks out). */
export function roundProblem(chain: BeaconChain, expectedRound: number, served: BeaconRound): string | null {
  if (!served || served.round !== expectedRound) return `the beacon served round ${served?.round}, not round ${expectedRound}`
  if (!/^[0-9a-f]{64}$/.test(served.randomness ?? "")) return "the beacon's randomness is not 64 lowercase hex characters"
  if (!/^([0-9a-f]{2})+$/.test(served.signature ?? "")) return "the beacon's signature is not hex"
  const derived = createHash("sha256").update(Buffer.from(served.signature, "hex")).digest("hex")
  if (derived !== served.randomness) return `the beacon's randomness is not SHA-256 of its signature (${chain.scheme})`
  return null
}

/** Where anyone reads a round of a known chain (what the public page and the verifier point to). */
export function beaconPublicUrl(provider: string | null, chainHash: string | null, round: number | null): string | null {
  if (provider !== "drand" || !chainHash || round === null) return null
  return `https://api.drand.sh/${chainHash}/public/${round}`
}
