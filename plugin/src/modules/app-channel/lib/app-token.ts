import { KeyObject, createPublicKey, randomBytes, sign, verify } from "node:crypto"

/**
 * App attestation tokens signed by the store's trusted app backend: a compact
 * JWS (RFC 7515) with `alg: EdDSA` (Ed25519), `kid` naming the signing key.
 * Claims: `iss` (the app backend), `aud` ("comeback-store"), `sub` (the device
 * id), `platform` (ios | android), `iat`, `exp` (at most 10 minutes after
 * `iat`), `jti` (unique, at least 16 characters; the store accepts each once).
 * Keys rotate by adding the new `kid` to the trusted keys, signing with it,
 * then removing the old one.
 */
export const TOKEN_AUDIENCE = "comeback-store"
/** The issuer the store expects unless told otherwise (APP_ATTESTATION_ISSUER). */
export const DEFAULT_TOKEN_ISSUER = "comeback-app-backend"
export const MAX_TOKEN_LIFETIME_S = 600
const CLOCK_SKEW_S = 60

export type AppTokenClaims = {
  iss: string
  aud: string
  sub: string
  platform: "ios" | "android"
  iat: number
  exp: number
  jti: string
}

export type VerifiedAppToken = { device_id: string; platform: "ios" | "android"; attestation_id: string; expires_at: Date; key_id: string }

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url")
const fromB64url = (text: string) => Buffer.from(text, "base64url")

/** Signs claims with an Ed25519 private key (PEM). What the app backend does; used by the demo and tests. */
export function signAppToken(claims: Partial<AppTokenClaims> & { sub: string }, key: { kid: string; private_key_pem: string }, now = new Date()) {
  const iat = claims.iat ?? Math.floor(now.getTime() / 1000)
  const full: AppTokenClaims = {
    iss: claims.iss ?? DEFAULT_TOKEN_ISSUER,
    aud: claims.aud ?? TOKEN_AUDIENCE,
    sub: claims.sub,
    platform: claims.platform ?? "ios",
    iat,
    exp: claims.exp ?? iat + 300,
    jti: claims.jti ?? randomBytes(16).toString("hex"),
  }
  const head = b64url(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid: key.kid }))
  const body = b64url(JSON.stringify(full))
  const signature = sign(null, Buffer.from(`${head}.${body}`), key.private_key_pem)
  return `${head}.${body}.${b64url(signature)}`
}

export class AppTokenError extends Error {}

/** Trusted public keys by `kid`: an own-property Map, so no `kid` ("__proto__", "constructor") reaches anything else. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>

/**
 * Parses the configured keys (`{ "<kid>": "<PEM>" }`) once, at boot: each must
 * be an Ed25519 public key, or the boot fails naming the kid.
 */
export function trustedKeysFrom(config: Record<string, string> | undefined | null): TrustedKeys {
  const keys = new Map<string, KeyObject>()
  for (const [kid, pem] of Object.entries(config ?? {})) {
    if (typeof pem !== "string" || /PRIVATE KEY/.test(pem)) {
      // createPublicKey would derive a public key from a private one: a private key here is a leak, not a config.
      throw new Error(`APP_ATTESTATION_KEYS: key "${kid}" must be an Ed25519 public key (never the private key)`)
    }
    let key: KeyObject
    try {
      key = createPublicKey(pem)
    } catch {
      throw new Error(`APP_ATTESTATION_KEYS: key "${kid}" is not a PEM public key`)
    }
    if (key.type !== "public" || key.asymmetricKeyType !== "ed25519") {
      throw new Error(`APP_ATTESTATION_KEYS: key "${kid}" must be an Ed25519 public key (it is ${key.asymmetricKeyType ?? key.type})`)
    }
    keys.set(kid, key)
  }
  return keys
}

/**
 * Verifies a token against the trusted public keys. Throws AppTokenError
 * saying what is wrong: malformed, unknown key, bad signature, wrong issuer or
 * audience, expired, issued in the future, too long-lived, missing claims.
 * Replay (a `jti` seen before) is the caller's check: it needs storage.
 */
export function verifyAppToken(
  token: string,
  trusted: TrustedKeys | Record<string, string>,
  now = new Date(),
  options: { issuer?: string } = {}
): VerifiedAppToken {
  const keys = trusted instanceof Map ? trusted : trustedKeysFrom(trusted as Record<string, string>)
  const issuer = options.issuer ?? DEFAULT_TOKEN_ISSUER
  const parts = typeof token === "string" ? token.split(".") : []
  if (parts.length !== 3) throw new AppTokenError("the attestation is not a signed token")
  let header: any
  let claims: any
  try {
    header = JSON.parse(fromB64url(parts[0]).toString("utf8"))
    claims = JSON.parse(fromB64url(parts[1]).toString("utf8"))
  } catch {
    throw new AppTokenError("the attestation is not a signed token")
  }
  if (!header || typeof header !== "object" || !claims || typeof claims !== "object") throw new AppTokenError("the attestation is not a signed token")
  if (header.alg !== "EdDSA") throw new AppTokenError(`the attestation's algorithm is not accepted (EdDSA only)`)
  const key = typeof header.kid === "string" ? keys.get(header.kid) : undefined
  if (!key) {
    const named = typeof header.kid === "string" ? header.kid.slice(0, 64) : "no kid"
    throw new AppTokenError(`the attestation was signed with an unknown key (${named})`)
  }
  const valid = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key, fromB64url(parts[2]))
  if (!valid) throw new AppTokenError("the attestation's signature is not valid")
  const nowS = Math.floor(now.getTime() / 1000)
  if (claims.iss !== issuer) throw new AppTokenError("the attestation was not issued by the trusted app backend")
  if (claims.aud !== TOKEN_AUDIENCE) throw new AppTokenError(`the attestation is for ${typeof claims.aud === "string" ? claims.aud.slice(0, 64) : "no audience"}, not this store`)
  if (typeof claims.exp !== "number" || claims.exp <= nowS) throw new AppTokenError("the attestation has expired")
  if (typeof claims.iat !== "number" || claims.iat > nowS + CLOCK_SKEW_S) throw new AppTokenError("the attestation was issued in the future")
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_S) throw new AppTokenError(`the attestation lives longer than ${MAX_TOKEN_LIFETIME_S} seconds`)
  if (typeof claims.sub !== "string" || !claims.sub) throw new AppTokenError("the attestation names no device")
  if (claims.platform !== "ios" && claims.platform !== "android") throw new AppTokenError("the attestation names no platform (ios or android)")
  if (typeof claims.jti !== "string" || claims.jti.length < 16) throw new AppTokenError("the attestation has no unique id (jti)")
  return { device_id: claims.sub, platform: claims.platform, attestation_id: claims.jti, expires_at: new Date(claims.exp * 1000), key_id: header.kid }
}
