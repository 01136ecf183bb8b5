import { DEMO_APP_KEY } from "../demo-key"
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
    const keys = this.options.keys ?? {}
    const keyIds = Object.keys(keys)
    // The committed demo key is public: anyone can mint "app" sessions with it.
    const demo = keyIds.filter((kid) => keys[kid].replace(/\s+/g, "") === DEMO_APP_KEY.public_key_pem.replace(/\s+/g, ""))
    return {
      ready: keyIds.length > 0,
      details: {
        key_ids: keyIds,
        demo_key_ids: demo,
        ...(keyIds.length ? {} : { problem: "no trusted keys: set APP_ATTESTATION_KEYS" }),
        ...(demo.length ? { warning: "the committed demo key is trusted: anyone can open app sessions; set APP_ATTESTATION_KEYS to your app backend's keys" } : {}),
      },
    }
  }
}
