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
import { ensurePluginBuild } from "./lib/plugin-build.mjs"

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

/** True unless the arguments name test paths and none of them can be a browser test (then no build is needed). */
function mayRunBrowserTests(args) {
  const paths = args.filter((arg) => !arg.startsWith("-"))
  return paths.length === 0 || paths.some((arg) => "integration-tests/admin".includes(arg) || arg.includes("admin"))
}

/**
 * `medusa build` for the browser tests, started before jest and run beside the other files at a lower priority
 * (they run first: integration-tests/sequencer.js). Its state goes to a JSON file the browser tests wait on
 * (ensureAdminBuild in integration-tests/admin/utils/build.ts); on success it stamps the build with the run id.
 */
function startAdminBuild(env, runId) {
  const buildDir = path.join(root, ".medusa/server")
  const stampFile = path.join(buildDir, ".comeback-test-run")
  const statusFile = path.join(os.tmpdir(), `comeback-admin-build-${process.pid}.json`)
  const writeStatus = (status) => fs.writeFileSync(statusFile, JSON.stringify(status))
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === runId) {
    log(`reusing the medusa build of run ${runId}`)
    writeStatus({ state: "done", seconds: 0 })
    return { statusFile, stop: () => fs.rmSync(statusFile, { force: true }) }
  }
  log("medusa build for the browser tests, in the background")
  const buildEnv = { ...env, MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "info" }
  for (const name of ["DISABLE_MEDUSA_ADMIN", "NODE_ENV", "REDIS_URL", "STRIPE_API_KEY", "NODE_OPTIONS", "DATABASE_URL"]) delete buildEnv[name]
  writeStatus({ state: "running" })
  const started = Date.now()
  let output = ""
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["build"], { cwd: root, env: buildEnv, stdio: ["ignore", "pipe", "pipe"] })
  try {
    os.setPriority(child.pid, Math.min(19, os.getPriority() + 10))
  } catch {}
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  child.on("exit", (code) => {
    const seconds = (Date.now() - started) / 1000
    if (code === 0 && fs.existsSync(path.join(buildDir, "public/admin/index.html"))) {
      fs.writeFileSync(stampFile, runId)
      writeStatus({ state: "done", seconds })
      log(`medusa build done in ${seconds.toFixed(1)}s (background)`)
    } else {
      writeStatus({ state: "failed", output: `medusa build exited with ${code}:\n${output.slice(-6000)}` })
    }
  })
  return {
    statusFile,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM")
      fs.rmSync(statusFile, { force: true })
    },
  }
}

async function main() {
  ensurePluginBuild()
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

  const template = `${env.COMEBACK_TEST_DB_PREFIX || "comeback"}_tpl_${process.pid}`
  let code = 1
  let adminBuild = null
  const jestArgs = process.argv.slice(2)
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

    if (mayRunBrowserTests(jestArgs)) {
      // Started after the migration (which every file waits for), beside the first files.
      // One id for this run's build (integration-tests/admin/utils/build.ts reads it too).
      env.COMEBACK_TEST_RUN ||= `npm-test-${process.pid}`
      adminBuild = startAdminBuild(env, env.COMEBACK_TEST_RUN)
      env.COMEBACK_TEST_ADMIN_BUILD = adminBuild.statusFile
    }
    log("running jest")
    const resultsFile = path.join(os.tmpdir(), `comeback-jest-${process.pid}.json`)
    code = await run(
      path.join(root, "node_modules/.bin/jest"),
      ["--runInBand", "--forceExit", "--json", `--outputFile=${resultsFile}`, ...jestArgs],
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
    adminBuild?.stop()
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
