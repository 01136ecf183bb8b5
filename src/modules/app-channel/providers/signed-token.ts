import { verifyAppToken } from "../lib/app-token"
import type { AttestationProvider } from "./types"

/**
 * Tokens signed by the store's trusted app backend (see lib/app-token.ts): the
 * app backend checks the device with the platform's own attestation and signs
 * a short-lived token; the store verifies it with the backend's public keys.
 * Options: `keys` — `{ "<kid>": "<Ed25519 public key PEM>" }` (several during a rotation).
 */
export default class SignedTokenAttestationProvider implements AttestationProvider {
  readonly id = "signed-token"
  constructor(private readonly options: { keys?: Record<string, string> } = {}) {}

  async verify(input: { attestation: string; device_id?: string; platform?: string }) {
    const verified = verifyAppToken(input.attestation, this.options.keys ?? {})
    if (input.device_id && input.device_id !== verified.device_id) {
      throw new Error("the attestation is for another device")
    }
    return { device_id: verified.device_id, platform: verified.platform, attestation_id: verified.attestation_id, key_id: verified.key_id }
  }

  status() {
    const keyIds = Object.keys(this.options.keys ?? {})
    return { ready: keyIds.length > 0, details: { key_ids: keyIds, ...(keyIds.length ? {} : { problem: "no trusted keys: set APP_ATTESTATION_KEYS" }) } }
  }
}
