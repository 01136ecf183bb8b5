import type { BeaconChain, BeaconRound } from "../lib/beacon"

/**
 * A public randomness beacon the giveaway draw commits to. Configure it in the
 * module's options (medusa-config.ts):
 *
 *   { resolve: "./src/modules/giveaway", options: { beacon: { id: "drand", options: { urls: [...] } } } }
 *   { resolve: "./src/modules/giveaway", options: { beacon: { id: "nist", resolve: "./src/beacons/nist", options: {} } } }
 *
 * A provider module's default export is a class implementing this interface,
 * constructed with its `options`. Round numbers must be computable from time
 * alone (go-live commits to a round offline) and a round's value must be
 * publicly fetchable by anyone afterwards.
 */
export interface BeaconProvider {
  readonly id: string
  readonly chain: BeaconChain
  /** The round published first strictly after `at`. */
  roundAfter(at: Date): number
  /** When `round` is published. */
  roundTime(round: number): Date
  /** Where anyone can read the round (the public record the verifier points to). */
  publicUrl(round: number): string | null
  /**
   * The round's value, checked (`roundProblem`); null while it is not published
   * yet. Throws when the beacon cannot be reached or serves something invalid.
   */
  fetchRound(round: number): Promise<BeaconRound | null>
}
