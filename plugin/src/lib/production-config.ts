/**
 * What medusa-config.ts refuses to boot with. Pure, so the rules are unit-tested;
 * medusa-config.ts applies them to process.env.
 */

/** Values copied from starters and tutorials: signing with one of them lets anyone forge an admin token. */
export const KNOWN_DEFAULT_SECRETS = new Set(["supersecret", "secret", "changeme", "change-me", "medusa", "jwt_secret", "cookie_secret", "your-secret", "test"])
export const MIN_SECRET_LENGTH = 32
/** What development and tests sign with when nothing is set (never accepted in production). */
export const DEVELOPMENT_SECRET = "supersecret"

export class UnsafeConfigError extends Error {}

/**
 * JWT_SECRET / COOKIE_SECRET: in production (`medusa start` sets
 * NODE_ENV=production) a missing, known-default or short secret stops the boot
 * with a message saying what to set; development and tests keep a working default.
 */
export function httpSecret(name: "JWT_SECRET" | "COOKIE_SECRET", env: Record<string, string | undefined>): string {
  const value = env[name]?.trim()
  if (env.NODE_ENV !== "production") return value || DEVELOPMENT_SECRET
  const fix = `set ${name} to a long random value (e.g. \`openssl rand -hex 32\`) before \`medusa start\``
  if (!value) throw new UnsafeConfigError(`${name} is not set: ${fix}.`)
  if (KNOWN_DEFAULT_SECRETS.has(value.toLowerCase())) throw new UnsafeConfigError(`${name} is a well-known default ("${value}"), so anyone could forge it: ${fix}.`)
  if (value.length < MIN_SECRET_LENGTH) throw new UnsafeConfigError(`${name} is shorter than ${MIN_SECRET_LENGTH} characters: ${fix}.`)
  return value
}

/**
 * The app backend's public keys that may open app sessions
 * (`APP_ATTESTATION_KEYS`: `{"<kid>": "<Ed25519 public key PEM>"}`), plus the
 * committed demo key only when APP_ATTESTATION_DEMO=true, whatever NODE_ENV says.
 */
export function appAttestationKeys(env: Record<string, string | undefined>, demoKey: { kid: string; public_key_pem: string }): Record<string, string> {
  let keys: Record<string, string> = {}
  if (env.APP_ATTESTATION_KEYS?.trim()) {
    try {
      keys = JSON.parse(env.APP_ATTESTATION_KEYS)
    } catch {
      throw new UnsafeConfigError(`APP_ATTESTATION_KEYS is not JSON: expected {"<kid>": "<Ed25519 public key PEM>"}.`)
    }
    if (!keys || typeof keys !== "object" || Array.isArray(keys)) {
      throw new UnsafeConfigError(`APP_ATTESTATION_KEYS must be a JSON object {"<kid>": "<Ed25519 public key PEM>"}.`)
    }
  }
  return isDemoAttestation(env) ? { [demoKey.kid]: demoKey.public_key_pem, ...keys } : keys
}

export const isDemoAttestation = (env: Record<string, string | undefined>) => env.APP_ATTESTATION_DEMO === "true"
