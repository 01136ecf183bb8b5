#!/usr/bin/env node
// `npm test`: every test (unit, module, HTTP, smoke) in one jest run.
//
// PostgreSQL: the server named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when
// DB_HOST is set, otherwise an embedded one started for this run and removed
// after it. Migrations run once, into a template database; each integration
// test file then clones its database from that template instead of migrating
// from scratch (see integration-tests/utils/runner.ts).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { freePort } from "./lib/free-port.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`
const log = (line) => console.log(`[test] ${line} (${elapsed()})`)


function run(bin, args, env) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: root, env, stdio: "inherit" })
    const forward = (signal) => child.kill(signal)
    process.on("SIGINT", forward)
    process.on("SIGTERM", forward)
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward)
      process.off("SIGTERM", forward)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

async function withAdminClient(env, fn) {
  const client = new pg.Client({
    host: env.DB_HOST,
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USERNAME || "postgres",
    password: env.DB_PASSWORD || "",
    database: "postgres",
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function main() {
  const env = {
    ...process.env,
    NODE_ENV: "test",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    // The app-only tests mint attestations with the committed demo key.
    APP_ATTESTATION_DEMO: "true",
  }
  // Tests always run on in-memory infrastructure and the system payment
  // provider unless a test sets these itself.
  delete env.DATABASE_URL
  delete env.REDIS_URL
  delete env.STRIPE_API_KEY

  let embedded = null
  let tmpDir = null
  if (!env.DB_HOST) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-test-pg-"))
    fs.chmodSync(tmpDir, 0o755)
    const port = await freePort()
    log(`no DB_HOST: starting embedded PostgreSQL on :${port}`)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "data"), port, persistent: false })
    Object.assign(env, { DB_HOST: "localhost", DB_PORT: String(port), DB_USERNAME: embedded.user, DB_PASSWORD: embedded.password })
  } else if (env.DB_HOST === "127.0.0.1") {
    // @medusajs/test-utils only disables SSL for URLs that contain "localhost".
    env.DB_HOST = "localhost"
  }

  const template = `comeback_tpl_${process.pid}`
  let code = 1
  try {
    await withAdminClient(env, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
      await client.query(`CREATE DATABASE "${template}"`)
    })
    const user = encodeURIComponent(env.DB_USERNAME || "postgres")
    const password = encodeURIComponent(env.DB_PASSWORD || "")
    const databaseUrl = `postgres://${user}:${password}@${env.DB_HOST}:${env.DB_PORT || 5432}/${template}`
    log(`migrating the template database ${template}`)
    const migrated = await run(path.join(root, "node_modules/.bin/medusa"), ["db:migrate"], {
      ...env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "development",
    })
    if (migrated !== 0) throw new Error("migrating the template database failed")
    env.COMEBACK_TEST_TEMPLATE_DB = template

    log("running jest")
    const resultsFile = path.join(os.tmpdir(), `comeback-jest-${process.pid}.json`)
    code = await run(
      path.join(root, "node_modules/.bin/jest"),
      ["--runInBand", "--forceExit", "--json", `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
      // Medusa's info logs (one per migration, module and request) drown the results.
      { LOG_LEVEL: "warn", ...env }
    )
    if (fs.existsSync(resultsFile)) {
      const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
      fs.rmSync(resultsFile, { force: true })
      log(
        `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped ` +
          `in ${results.numTotalTestSuites} files`
      )
    }
  } finally {
    // The template, and its seeded copy the smoke and browser tests clone (seededTemplateDatabase in integration-tests/utils/runner.ts).
    await withAdminClient(env, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${template}_seeded" WITH (FORCE)`)
      await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
    }).catch(() => {})
    if (embedded) {
      await embedded.stop().catch(() => {})
      fs.rmSync(tmpDir, { recursive: true, force: true })
    }
  }
  log(code === 0 ? "all green" : `jest exited with ${code}`)
  process.exit(code)
}

main().catch((error) => {
  console.error(`[test] ${error.stack || error.message}`)
  process.exit(1)
})
