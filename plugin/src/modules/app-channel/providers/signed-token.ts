import { createPublicKey } from "node:crypto"
import { DEMO_APP_KEY } from "../demo-key"
import { DEFAULT_TOKEN_ISSUER, trustedKeysFrom, verifyAppToken, type TrustedKeys } from "../lib/app-token"
import type { AttestationProvider } from "./types"

/**
 * Tokens signed by the store's trusted app backend (see lib/app-token.ts): the
 * app backend checks the device with the platform's own attestation and signs
 * a short-lived token; the store verifies it with the backend's public keys.
 * Options: `keys` — `{ "<kid>": "<Ed25519 public key PEM>" }` (several during a
 * rotation), checked at boot; `issuer` — the `iss` the backend signs with;
 * `allow_demo_key` — the committed demo key (public to anyone) may be among
 * the keys: only with APP_ATTESTATION_DEMO=true, refused at boot otherwise.
 */
export default class SignedTokenAttestationProvider implements AttestationProvider {
  readonly id = "signed-token"
  private readonly keys: TrustedKeys
  private readonly issuer: string

  /** Kids of keys that are the committed demo key (whatever they are called). */
  readonly demoKeyIds: string[]

  constructor(options: { keys?: Record<string, string>; issuer?: string; allow_demo_key?: boolean } = {}) {
    this.keys = trustedKeysFrom(options.keys)
    this.issuer = options.issuer || DEFAULT_TOKEN_ISSUER
    const demo = createPublicKey(DEMO_APP_KEY.public_key_pem)
    this.demoKeyIds = [...this.keys].filter(([, key]) => key.equals(demo)).map(([kid]) => kid)
    if (this.demoKeyIds.length && !options.allow_demo_key) {
      throw new Error(
        `APP_ATTESTATION_KEYS: key "${this.demoKeyIds[0]}" is the committed demo key, whose private key anyone can read; ` +
          "it is trusted only with APP_ATTESTATION_DEMO=true (local development)"
      )
    }
  }

  /** The ids of the keys this provider trusts, for the boot log. */
  keyIds() {
    return [...this.keys.keys()]
  }

  async verify(input: { attestation: string; device_id?: string; platform?: string }) {
    const verified = verifyAppToken(input.attestation, this.keys, new Date(), { issuer: this.issuer })
    if (input.device_id && input.device_id !== verified.device_id) {
      throw new Error("the attestation is for another device")
    }
    return { device_id: verified.device_id, platform: verified.platform, attestation_id: verified.attestation_id, key_id: verified.key_id }
  }

  status() {
    const keyIds = [...this.keys.keys()]
    return {
      ready: keyIds.length > 0,
      details: {
        key_ids: keyIds,
        demo_key_ids: this.demoKeyIds,
        ...(keyIds.length ? {} : { problem: "no trusted keys: set APP_ATTESTATION_KEYS" }),
        // The committed demo key is public: anyone can mint "app" sessions with it.
        ...(this.demoKeyIds.length
          ? { warning: "the committed demo key is trusted: anyone can open app sessions; set APP_ATTESTATION_KEYS to your app backend's keys" }
          : {}),
      },
    }
  }
}
