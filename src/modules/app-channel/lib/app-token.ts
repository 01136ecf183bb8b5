import { createPublicKey, randomBytes, sign, verify } from "node:crypto"

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
    iss: claims.iss ?? "comeback-app-backend",
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

/**
 * Verifies a token against the trusted public keys (`kid` → PEM). Throws
 * AppTokenError saying what is wrong: malformed, unknown key, bad signature,
 * wrong audience, expired, issued in the future, too long-lived, missing claims.
 * Replay (a `jti` seen before) is the caller's check: it needs storage.
 */
export function verifyAppToken(token: string, trustedKeys: Record<string, string>, now = new Date()): VerifiedAppToken {
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
  if (header?.alg !== "EdDSA") throw new AppTokenError(`the attestation's algorithm ${header?.alg ?? "(none)"} is not accepted`)
  const pem = trustedKeys[header.kid]
  if (!pem) throw new AppTokenError(`the attestation was signed with an unknown key (${header.kid ?? "no kid"})`)
  const valid = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), createPublicKey(pem), fromB64url(parts[2]))
  if (!valid) throw new AppTokenError("the attestation's signature is not valid")
  const nowS = Math.floor(now.getTime() / 1000)
  if (claims.aud !== TOKEN_AUDIENCE) throw new AppTokenError(`the attestation is for ${claims.aud ?? "no audience"}, not this store`)
  if (typeof claims.exp !== "number" || claims.exp <= nowS) throw new AppTokenError("the attestation has expired")
  if (typeof claims.iat !== "number" || claims.iat > nowS + CLOCK_SKEW_S) throw new AppTokenError("the attestation was issued in the future")
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_S) throw new AppTokenError(`the attestation lives longer than ${MAX_TOKEN_LIFETIME_S} seconds`)
  if (typeof claims.sub !== "string" || !claims.sub) throw new AppTokenError("the attestation names no device")
  if (claims.platform !== "ios" && claims.platform !== "android") throw new AppTokenError("the attestation names no platform (ios or android)")
  if (typeof claims.jti !== "string" || claims.jti.length < 16) throw new AppTokenError("the attestation has no unique id (jti)")
  return { device_id: claims.sub, platform: claims.platform, attestation_id: claims.jti, expires_at: new Date(claims.exp * 1000), key_id: header.kid }
}
