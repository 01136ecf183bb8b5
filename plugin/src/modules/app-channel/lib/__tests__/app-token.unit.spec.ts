import { generateKeyPairSync } from "node:crypto"
import { DEMO_APP_KEY } from "../../demo-key"
import SignedTokenAttestationProvider from "../../providers/signed-token"
import { AppTokenError, signAppToken, trustedKeysFrom, verifyAppToken } from "../app-token"

const trusted = { [DEMO_APP_KEY.kid]: DEMO_APP_KEY.public_key_pem }
const now = new Date("2026-11-25T12:00:00Z")
const nowS = now.getTime() / 1000
const token = (claims: Record<string, unknown> = {}, key: { kid: string; private_key_pem: string } = DEMO_APP_KEY) => signAppToken({ sub: "device-1", iat: nowS, ...claims } as any, key)
const rejects = (t: string, message: RegExp) => {
  expect(() => verifyAppToken(t, trusted, now)).toThrow(AppTokenError)
  expect(() => verifyAppToken(t, trusted, now)).toThrow(message)
}

describe("app attestation tokens", () => {
  it("accept a token signed by a trusted key and return its device, platform and id", () => {
    const verified = verifyAppToken(token({ platform: "android", jti: "0123456789abcdef" }), trusted, now)
    expect(verified).toEqual({
      device_id: "device-1",
      platform: "android",
      attestation_id: "0123456789abcdef",
      expires_at: new Date((nowS + 300) * 1000),
      key_id: DEMO_APP_KEY.kid,
    })
  })
  it("reject a forged signature, an unknown key and a tampered payload", () => {
    const other = generateKeyPairSync("ed25519")
    const forged = { kid: DEMO_APP_KEY.kid, private_key_pem: other.privateKey.export({ type: "pkcs8", format: "pem" }).toString() }
    rejects(token({}, forged), /signature is not valid/)
    rejects(token({}, { ...forged, kid: "someone-else" }), /unknown key \(someone-else\)/)
    const [head, , sig] = token().split(".")
    const body = Buffer.from(JSON.stringify({ sub: "device-2", aud: "comeback-store", iat: nowS, exp: nowS + 60, jti: "x".repeat(16), platform: "ios" })).toString("base64url")
    rejects(`${head}.${body}.${sig}`, /signature is not valid/)
    rejects("not-a-token", /not a signed token/)
  })
  it("reject expired, future, over-long and foreign-audience tokens", () => {
    rejects(token({ iat: nowS - 400, exp: nowS - 1 }), /expired/)
    rejects(token({ iat: nowS + 120, exp: nowS + 300 }), /issued in the future/)
    rejects(token({ exp: nowS + 3600 }), /longer than 600 seconds/)
    rejects(token({ aud: "another-store" }), /for another-store, not this store/)
  })
  it("require a device, a platform and a unique id", () => {
    rejects(token({ platform: "web" }), /no platform/)
    rejects(token({ jti: "short" }), /no unique id/)
  })
  it("rotate keys: a token of either trusted key passes while both are trusted", () => {
    const next = generateKeyPairSync("ed25519")
    const nextKey = { kid: "next", private_key_pem: next.privateKey.export({ type: "pkcs8", format: "pem" }).toString() }
    const both = { ...trusted, next: next.publicKey.export({ type: "spki", format: "pem" }).toString() }
    expect(verifyAppToken(token({}, nextKey), both, now).key_id).toBe("next")
    expect(verifyAppToken(token(), both, now).key_id).toBe(DEMO_APP_KEY.kid)
    expect(() => verifyAppToken(token(), { next: both.next }, now)).toThrow(/unknown key/)
  })
  it("look a kid up only among the trusted keys: __proto__, constructor and non-strings are unknown keys", () => {
    const forge = (kid: unknown) => {
      const [, body, sig] = token().split(".")
      return `${Buffer.from(JSON.stringify({ alg: "EdDSA", kid })).toString("base64url")}.${body}.${sig}`
    }
    for (const kid of ["__proto__", "constructor", "toString", "hasOwnProperty"]) rejects(forge(kid), /unknown key/)
    rejects(forge({ toString: 1 }), /unknown key \(no kid\)/)
    rejects(forge(undefined), /unknown key \(no kid\)/)
  })
  it("accept only tokens from the trusted issuer", () => {
    rejects(token({ iss: "someone-else" }), /not issued by the trusted app backend/)
    expect(verifyAppToken(token({ iss: "my-backend" }), trusted, now, { issuer: "my-backend" }).device_id).toBe("device-1")
    expect(() => verifyAppToken(token(), trusted, now, { issuer: "my-backend" })).toThrow(/not issued by the trusted app backend/)
  })
  it("refuse at boot a configured key that is not an Ed25519 public key, naming its kid", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString()
    expect(() => trustedKeysFrom({ legacy: rsa })).toThrow(`APP_ATTESTATION_KEYS: key "legacy" must be an Ed25519 public key (it is rsa)`)
    expect(() => trustedKeysFrom({ broken: "not a pem" })).toThrow(`APP_ATTESTATION_KEYS: key "broken" is not a PEM public key`)
    expect(() => trustedKeysFrom({ private: DEMO_APP_KEY.private_key_pem })).toThrow(/must be an Ed25519 public key/)
    expect([...trustedKeysFrom({ ...trusted, __proto__x: DEMO_APP_KEY.public_key_pem }).keys()]).toEqual([DEMO_APP_KEY.kid, "__proto__x"])
  })
  it("refuse the committed demo key at boot unless the demo is asked for, whatever its kid", () => {
    const keys = { "innocent-name": DEMO_APP_KEY.public_key_pem }
    expect(() => new SignedTokenAttestationProvider({ keys })).toThrow(/"innocent-name" is the committed demo key/)
    const demo = new SignedTokenAttestationProvider({ keys, allow_demo_key: true })
    expect(demo.demoKeyIds).toEqual(["innocent-name"])
    expect(demo.status().details).toMatchObject({ demo_key_ids: ["innocent-name"], warning: expect.stringContaining("demo key is trusted") })
    expect(new SignedTokenAttestationProvider({}).status()).toEqual({
      ready: false,
      details: { key_ids: [], demo_key_ids: [], problem: "no trusted keys: set APP_ATTESTATION_KEYS" },
    })
  })
})
