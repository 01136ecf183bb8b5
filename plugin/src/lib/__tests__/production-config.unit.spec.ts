import { DEMO_APP_KEY } from "../../modules/app-channel/demo-key"
import { DEVELOPMENT_SECRET, UnsafeConfigError, appAttestationKeys, httpSecret } from "../production-config"

const strong = "0123456789abcdef0123456789abcdef0123456789abcdef"

describe("secrets in production", () => {
  it("refuses a missing JWT_SECRET or COOKIE_SECRET in production, saying what to set", () => {
    expect(() => httpSecret("JWT_SECRET", { NODE_ENV: "production" })).toThrow(UnsafeConfigError)
    expect(() => httpSecret("COOKIE_SECRET", { NODE_ENV: "production", COOKIE_SECRET: "  " })).toThrow(
      "COOKIE_SECRET is not set: set COOKIE_SECRET to a long random value (e.g. `openssl rand -hex 32`) before `medusa start`."
    )
  })
  it("refuses well-known defaults whatever their case, and short secrets, in production", () => {
    for (const value of ["supersecret", "secret", "SuperSecret", "changeme"]) {
      expect(() => httpSecret("JWT_SECRET", { NODE_ENV: "production", JWT_SECRET: value })).toThrow(/well-known default/)
    }
    expect(() => httpSecret("JWT_SECRET", { NODE_ENV: "production", JWT_SECRET: "a-fine-but-short-one" })).toThrow(/shorter than 32 characters/)
    expect(httpSecret("JWT_SECRET", { NODE_ENV: "production", JWT_SECRET: strong })).toBe(strong)
  })
  it("keeps a working default in development and tests (and with NODE_ENV unset)", () => {
    for (const NODE_ENV of ["development", "test", undefined]) expect(httpSecret("JWT_SECRET", { NODE_ENV })).toBe(DEVELOPMENT_SECRET)
    expect(httpSecret("COOKIE_SECRET", { NODE_ENV: "development", COOKIE_SECRET: "mine" })).toBe("mine")
  })
})

describe("trusted app attestation keys", () => {
  const other = { "backend-1": "-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n" }
  it("trusts the demo key only with APP_ATTESTATION_DEMO=true, whatever NODE_ENV says", () => {
    for (const NODE_ENV of ["development", "test", "staging", "prod", undefined]) {
      expect(appAttestationKeys({ NODE_ENV }, DEMO_APP_KEY)).toEqual({})
    }
    expect(appAttestationKeys({ APP_ATTESTATION_DEMO: "1" }, DEMO_APP_KEY)).toEqual({})
    expect(appAttestationKeys({ APP_ATTESTATION_DEMO: "true" }, DEMO_APP_KEY)).toEqual({ [DEMO_APP_KEY.kid]: DEMO_APP_KEY.public_key_pem })
  })
  it("trusts the configured keys, plus the demo key when asked", () => {
    const APP_ATTESTATION_KEYS = JSON.stringify(other)
    expect(appAttestationKeys({ APP_ATTESTATION_KEYS, NODE_ENV: "production" }, DEMO_APP_KEY)).toEqual(other)
    expect(Object.keys(appAttestationKeys({ APP_ATTESTATION_KEYS, APP_ATTESTATION_DEMO: "true" }, DEMO_APP_KEY))).toEqual([DEMO_APP_KEY.kid, "backend-1"])
  })
  it("refuses keys that are not a JSON object", () => {
    expect(() => appAttestationKeys({ APP_ATTESTATION_KEYS: "{oops" }, DEMO_APP_KEY)).toThrow(/is not JSON/)
    expect(() => appAttestationKeys({ APP_ATTESTATION_KEYS: "[]" }, DEMO_APP_KEY)).toThrow(/must be a JSON object/)
  })
})
