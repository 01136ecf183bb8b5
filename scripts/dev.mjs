#!/usr/bin/env node
// `npm run dev`: the whole store on one machine with nothing installed but Node.
// Starts an embedded PostgreSQL unless DATABASE_URL is set, migrates, seeds the
// demo drop (idempotent), runs `medusa develop` and prints how to get in.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createRequire } from "node:module"
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { printBanner } from "./lib/banner.mjs"
import { ensurePluginBuild } from "./lib/plugin-build.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(import.meta.url)
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv(process.env.NODE_ENV || "development", root)

const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const command = process.argv[2] === "start" ? "start" : "develop"
const port = Number(process.env.PORT || 9000)
let database = null
let server = null
let stopping = false

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd: root, env, stdio: "inherit" })
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited with ${code ?? signal}`))
    )
  })
}

async function shutdown(code) {
  if (stopping) return
  stopping = true
  if (server && server.exitCode === null) {
    await new Promise((resolve) => {
      server.once("exit", resolve)
      // The server runs in its own process group (`medusa develop` forks a
      // child of its own): signal the whole group so nothing is left behind.
      const signalGroup = (signal) => {
        try {
          process.kill(-server.pid, signal)
        } catch {}
      }
      signalGroup("SIGTERM")
      setTimeout(() => signalGroup("SIGKILL"), 10_000).unref()
    })
  }
  if (database) {
    console.log("[comeback] stopping embedded PostgreSQL")
    await database.stop().catch(() => {})
  }
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

/**
 * `start:local` runs `medusa start` (production mode), which refuses to boot
 * without real secrets: a laptop gets random ones, kept in .data (git-ignored)
 * so logins survive a restart. Set JWT_SECRET / COOKIE_SECRET to override.
 */
function localSecrets(env) {
  const file = path.resolve(root, ".data/local-secrets.json")
  let saved = {}
  try {
    saved = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {}
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) {
    if (env[name]) continue
    saved[name] ||= randomBytes(32).toString("hex")
    env[name] = saved[name]
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 })
  console.log(`[comeback] production mode on this machine: secrets from ${path.relative(root, file)} unless JWT_SECRET/COOKIE_SECRET are set`)
}

async function main() {
  ensurePluginBuild()
  // The demo app key (npm run app-token) is trusted only because this is a local run.
  const env = { MEDUSA_DISABLE_TELEMETRY: "true", APP_ATTESTATION_DEMO: "true", ...process.env, PORT: String(port) }
  if (command === "start") localSecrets(env)
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.EMBEDDED_PG_DATA_DIR || ".data/postgres")
    const pgPort = Number(env.EMBEDDED_PG_PORT || 54329)
    console.log(`[comeback] no DATABASE_URL: starting embedded PostgreSQL on :${pgPort} (data in ${dataDir})`)
    database = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true })
    const name = env.EMBEDDED_PG_DATABASE || "comeback"
    await database.ensureDatabase(name)
    env.DATABASE_URL = database.url(name)
  }
  console.log("[comeback] running migrations")
  await run(["db:migrate"], env)
  console.log("[comeback] seeding the demo drop (idempotent)")
  await run(["exec", "./src/scripts/seed.ts"], env)
  if (stopping) return
  server = spawn(medusaBin, [command], { cwd: root, env, stdio: "inherit", detached: true })
  server.on("exit", (code, signal) => {
    if (stopping) return
    // Ctrl-C reaches the server's process group too, and its exit can be seen before our own SIGINT handler runs.
    const interrupted = signal === "SIGINT" || signal === "SIGTERM" || code === 130 || code === 143
    shutdown(interrupted ? 0 : code ?? 1)
  })
  await printBanner({ port, env })
}

main().catch((error) => {
  console.error(`[comeback] ${error.message}`)
  shutdown(1)
})
