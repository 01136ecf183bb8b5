/**
 * An attestation provider proves that a request comes from the real app on a
 * real device. Register providers in the module's options (medusa-config.ts):
 *
 *   { resolve: "./src/modules/app-channel", options: { providers: [
 *       { id: "signed-token", options: { keys: { "<kid>": "<Ed25519 public key PEM>" } } },
 *       { id: "app-attest", resolve: "./src/attestation/apple-app-attest", options: { teamId, bundleId } },
 *   ] } }
 *
 * A provider module's default export is a class implementing this interface,
 * constructed with its `options`. Providers for Apple App Attest
 * (DCAppAttestService: verify the attestation object's certificate chain to
 * Apple's root, the nonce from `challenge()`, the app id hash, then assertions
 * with the stored public key and counter) and Google Play Integrity (decode the
 * integrity token with Google's API, check `requestDetails.nonce`,
 * `appIntegrity.appRecognitionVerdict == PLAY_RECOGNIZED` and
 * `deviceIntegrity`) implement the same three members.
 */
export interface AttestationProvider {
  /** Shown in the admin's provider status. */
  readonly id: string
  /**
   * Checks an attestation and returns the device it proves; throws an Error whose
   * message says what is wrong. `attestation_id` must be unique per attestation
   * (the store refuses a second session from the same one).
   */
  verify(input: { attestation: string; device_id?: string; platform?: string }): Promise<{
    device_id: string
    platform: "ios" | "android"
    attestation_id: string
    key_id?: string | null
  }>
  /** What staff see: configuration problems, key ids. Never secrets. */
  status(): { ready: boolean; details: Record<string, unknown> }
}
