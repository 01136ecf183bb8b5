#!/usr/bin/env node
// Mints an app attestation signed with the committed DEMO app-backend key, as
// the store's app backend would: `npm run app-token -- [--device <id>] [--platform ios|android] [--ttl <seconds>]`.
// For local development only: production trusts only APP_ATTESTATION_KEYS.
import path from "node:path"
import { fileURLToPath } from "node:url"
import { loadTs } from "./lib/load-ts.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const { signAppToken } = loadTs(path.join(root, "plugin/src/modules/app-channel/lib/app-token.ts"))
const { DEMO_APP_KEY } = loadTs(path.join(root, "plugin/src/modules/app-channel/demo-key.ts"))

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback
}
const now = Math.floor(Date.now() / 1000)
const token = signAppToken(
  { sub: option("device", "demo-device-1"), platform: option("platform", "ios"), iat: now, exp: now + Number(option("ttl", "300")) },
  DEMO_APP_KEY
)
console.log(token)
