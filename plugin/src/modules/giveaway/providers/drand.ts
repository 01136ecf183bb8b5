import { DRAND_QUICKNET, beaconPublicUrl, firstRoundAfter, roundProblem, roundTime, type BeaconChain, type BeaconRound } from "../lib/beacon"
import type { BeaconProvider } from "./types"

export type DrandOptions = {
  /** HTTP relays tried in order (default: drand's own and Cloudflare's). */
  urls?: string[]
  /** Per request (default 5 s). */
  timeout_ms?: number
}

export const DRAND_DEFAULT_URLS = ["https://api.drand.sh", "https://drand.cloudflare.com"]

/**
 * drand quicknet over its HTTP API (`GET <relay>/<chain hash>/public/<round>`).
 * A relay answering 404/425 (drand's "too early") means "not yet" (null); any
 * other failure tries the next relay, then throws. Every answer is checked
 * (round number, randomness = SHA-256(signature)) before it is used.
 * The BLS signature itself is not verified here (no pairing library in the
 * project); the published draw carries it so anyone can.
 */
export default class DrandBeaconProvider implements BeaconProvider {
  readonly id = "drand"
  readonly chain: BeaconChain = DRAND_QUICKNET
  private readonly urls: string[]
  private readonly timeout: number

  constructor(options: DrandOptions = {}) {
    this.urls = (options.urls?.length ? options.urls : DRAND_DEFAULT_URLS).map((url) => url.replace(/\/+$/, ""))
    this.timeout = options.timeout_ms ?? 5000
  }

  roundAfter(at: Date) {
    return firstRoundAfter(this.chain, at)
  }

  roundTime(round: number) {
    return roundTime(this.chain, round)
  }

  publicUrl(round: number) {
    return beaconPublicUrl(this.id, this.chain.chain_hash, round)
  }

  async fetchRound(round: number): Promise<BeaconRound | null> {
    const failures: string[] = []
    let notYet = false
    for (const base of this.urls) {
      const url = `${base}/${this.chain.chain_hash}/public/${round}`
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(this.timeout), headers: { accept: "application/json" } })
        if (response.status === 404 || response.status === 425) {
          notYet = true
          continue
        }
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const body = (await response.json()) as BeaconRound
        const served = { round: body.round, randomness: String(body.randomness ?? "").toLowerCase(), signature: String(body.signature ?? "").toLowerCase() }
        const problem = roundProblem(this.chain, round, served)
        if (problem) throw new Error(problem)
        return served
      } catch (error) {
        failures.push(`${url}: ${(error as Error).message}`)
      }
    }
    if (notYet && failures.length < this.urls.length) return null
    throw new Error(`drand round ${round} could not be read: ${failures.join("; ")}`)
  }
}
