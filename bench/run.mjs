#!/usr/bin/env node
import { randomBytes } from "node:crypto"
// `npm run bench`: the drop-day benchmark. Plain Medusa (bench/plain) beside
// Comeback, the same catalog, the same run, one PostgreSQL:
//   1. reads: GET /store/products?limit=12 and /store/products/:id (autocannon);
//   2. the unloaded checkout: cart → ready (7 requests) and completion;
//   3. race at a small cap: BENCH_BUYERS complete at once for BENCH_RACE_UNITS;
//   4. burst with plenty: BENCH_BUYERS complete at once for BENCH_BURST_UNITS;
//   4b. a longer line: BENCH_LINE_BUYERS complete at once for what the burst left, following 429 + Retry-After;
//   5. BENCH_GROUP_MEMBERS group members check out at once (Comeback only);
//   6. the finance export (npm run bench:export, or its last figures);
// plus a CPU profile of unloaded completions on both servers.
// The two servers never run at the same time: the workloads alternate between
// them in ABBA order (plain, Comeback, Comeback, plain, …) so that neither
// always goes first. Writes docs/benchmarks.md, docs/benchmarks-latency.png and
// bench-results/dropday-<time>.json. See README "Benchmark (drop day)".
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import pg from "pg"
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.mjs"
import { medusa, root, startServer } from "./lib/server.mjs"
import { completeAtOnce, completeFollowingBusy, prepareCarts, storeClient, timedCheckout } from "./lib/store.mjs"
import { summarizeProfile, summarizeSteps } from "./lib/profile.mjs"
import { writeReport } from "./lib/report.mjs"
import { renderChart } from "./lib/chart.mjs"
import { freePort } from "../scripts/lib/free-port.mjs"
import { ensurePluginBuild } from "../scripts/lib/plugin-build.mjs"

const require = createRequire(import.meta.url)
const autocannon = require("autocannon")
const { splitOutcomes, summarize, ratio } = require("./lib/stats.js")
const coreFlows = require("@medusajs/core-flows")
// Workflows Medusa ships (everything else that runs is Comeback's), and complete-cart's hooks.
const CORE_WORKFLOWS = new Set(
  Object.values(coreFlows)
    .filter((v) => typeof v === "function" && typeof v.getName === "function")
    .map((v) => v.getName())
)
const COMPLETE_CART_HOOKS = Object.keys(coreFlows.completeCartWorkflow.hooks ?? {})

const env0 = process.env
const num = (name, fallback) => (env0[name] === undefined || env0[name] === "" ? fallback : Number(env0[name]))
const SIZES = {
  buyers: num("BENCH_BUYERS", 200),
  race_units: num("BENCH_RACE_UNITS", 10),
  burst_units: num("BENCH_BURST_UNITS", 1000),
  line_buyers: num("BENCH_LINE_BUYERS", 500),
  group_members: num("BENCH_GROUP_MEMBERS", 100),
  read_connections: num("BENCH_READ_CONNECTIONS", 20),
  read_seconds: num("BENCH_READ_SECONDS", 10),
  warmup_seconds: num("BENCH_WARMUP_SECONDS", 3),
  path_runs: num("BENCH_PATH_RUNS", 20),
  profile_runs: num("BENCH_PROFILE_RUNS", 20),
  prep_concurrency: num("BENCH_PREP_CONCURRENCY", 4),
  timeout_seconds: num("BENCH_TIMEOUT_SECONDS", 120),
  export: env0.BENCH_EXPORT || "run", // run | reuse | off
  export_orders: num("BENCH_EXPORT_ORDERS", 10_000),
}
const DB_PREFIX = env0.BENCH_DB_PREFIX || "comeback_bench_dropday"
const RESULTS_DIR = path.join(root, "bench-results")
const DOCS_DIR = path.join(root, "docs")
const started = Date.now()
const log = (line) => console.log(`[bench] ${line} (${((Date.now() - started) / 1000).toFixed(0)}s)`)
const SKUS = { race: "DROPDAY-RACE", burst: "DROPDAY-BURST", burstStock: "DROPDAY-BURST-STOCK", path: "DROPDAY-PATH", group: "DROPDAY-GROUP" }
const GROUP_CODE = "BENCHGROUP"

let embedded = null
let tmpDir = null
let running = null


async function withClient(conn, database, fn) {
  const client = new pg.Client({ ...conn, database })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** The PostgreSQL server: DATABASE_URL's, DB_HOST's, or an embedded one for this run. */
async function database() {
  if (env0.DATABASE_URL) {
    const url = new URL(env0.DATABASE_URL)
    return { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username || "postgres"), password: decodeURIComponent(url.password) }
  }
  if (env0.DB_HOST) {
    return { host: env0.DB_HOST === "127.0.0.1" ? "localhost" : env0.DB_HOST, port: Number(env0.DB_PORT || 5432), user: env0.DB_USERNAME || "postgres", password: env0.DB_PASSWORD || "" }
  }
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-dropday-pg-"))
  fs.chmodSync(tmpDir, 0o755)
  const port = await freePort()
  log(`no DATABASE_URL or DB_HOST: starting embedded PostgreSQL on :${port}`)
  embedded = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "data"), port, persistent: false })
  return { host: "localhost", port, user: embedded.user, password: embedded.password }
}

const urlOf = (conn, db) => `postgres://${encodeURIComponent(conn.user)}:${encodeURIComponent(conn.password)}@${conn.host}:${conn.port}/${db}`

/** The ids a storefront would know (key, region, shipping option, variants, products), read once from each database. */
async function catalogIds(conn, db) {
  return withClient(conn, db, async (c) => {
    const key = (await c.query(`SELECT token FROM api_key WHERE title = 'Web storefront' AND deleted_at IS NULL`)).rows[0].token
    const regionId = (await c.query(`SELECT id FROM region WHERE name = 'United States' AND deleted_at IS NULL`)).rows[0].id
    const optionId = (await c.query(`SELECT id FROM shipping_option WHERE name = 'Standard Shipping' AND deleted_at IS NULL`)).rows[0].id
    const variants = Object.fromEntries((await c.query(`SELECT sku, id FROM product_variant WHERE sku IS NOT NULL AND deleted_at IS NULL`)).rows.map((r) => [r.sku, r.id]))
    const products = Object.fromEntries((await c.query(`SELECT handle, id FROM product WHERE deleted_at IS NULL`)).rows.map((r) => [r.handle, r.id]))
    return { key, regionId, optionId, variants, products }
  })
}

/** Units of a variant in placed orders, and how many orders hold it (the oversell check). */
async function soldUnits(conn, db, variantId) {
  return withClient(conn, db, async (c) => {
    const { rows } = await c.query(
      `SELECT coalesce(sum(oi.quantity), 0)::int AS units, count(DISTINCT o.id)::int AS orders
         FROM "order" o
         JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
         JOIN order_line_item li ON li.id = oi.item_id
        WHERE li.variant_id = $1 AND o.deleted_at IS NULL`,
      [variantId]
    )
    return rows[0]
  })
}

// ---------------------------------------------------------------- workloads

async function reads(server, ids) {
  const headers = { "x-publishable-api-key": ids.key }
  const targets = [
    { name: "list", path: "/store/products?limit=12" },
    { name: "detail", path: `/store/products/${ids.products["nct-dream-hot-sauce"]}` },
  ]
  const out = {}
  for (const t of targets) {
    const run = (duration) =>
      autocannon({ url: server.base + t.path, connections: SIZES.read_connections, duration, headers, timeout: 30 })
    await run(SIZES.warmup_seconds) // excluded
    const r = await run(SIZES.read_seconds)
    out[t.name] = {
      path: t.path,
      rps: Math.round(r.requests.average * 10) / 10,
      requests: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      non_2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
    }
    log(`  ${server.name} ${t.path}: ${out[t.name].rps} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}`)
  }
  return out
}

async function unloadedPath(server, ids, conn, db) {
  const client = storeClient(server.base, ids.key)
  const input = (i) => ({ regionId: ids.regionId, optionId: ids.optionId, variantId: ids.variants[SKUS.path], email: `path-${server.name}-${i}-${Date.now()}@bench.test` })
  for (let i = 0; i < 2; i++) await timedCheckout(client, input(`warm${i}`)) // excluded
  await server.settle()
  const runs = []
  for (let i = 0; i < SIZES.path_runs; i++) {
    runs.push(await timedCheckout(client, input(i)))
    await server.settle(5_000) // the order.placed subscribers of the last order: not this run's cost
  }
  const stepNames = Object.keys(runs[0].steps)
  const result = {
    runs: runs.length,
    ready: summarize(runs.map((r) => r.ready_ms)),
    complete: summarize(runs.map((r) => r.complete_ms)),
    steps: Object.fromEntries(stepNames.map((s) => [s, summarize(runs.map((r) => r.steps[s]))])),
  }
  log(`  ${server.name} unloaded: ready p50 ${result.ready.p50} ms p99 ${result.ready.p99} ms; complete p50 ${result.complete.p50} ms p99 ${result.complete.p99} ms`)

  // The profile: other unloaded completions, one after another, with the server's CPU profiled.
  const carts = await prepareCarts(client, SIZES.profile_runs, SIZES.prep_concurrency, (i) => input(`profile${i}`))
  await server.settle()
  const [requestMs, profile, steps] = await server.profiled(async () => {
    const times = []
    for (const id of carts) {
      const t0 = performance.now()
      const done = await client.call("POST", `/store/carts/${id}/complete`, {})
      times.push(performance.now() - t0)
      if (done.type !== "order") throw new Error(`profiled completion did not place an order`)
      await server.settle(5_000, 0.25) // its subscribers' work included, before the next buyer (the profiler's own cost is not work)
    }
    return times
  })
  result.profile = summarizeProfile(profile, { root, completions: carts.length })
  result.workflow_steps = summarizeSteps(steps, { completions: carts.length, coreWorkflows: CORE_WORKFLOWS, hooks: COMPLETE_CART_HOOKS, requestMs })
  log(`  ${server.name} profile: ${result.profile.busy_ms_per_completion} ms CPU per completion (subscribers included)`)
  return result
}

/** BENCH_BUYERS carts prepared for one version, then every completion fired at once. */
async function burst(server, ids, conn, db, { sku, units, label, groupCode }) {
  const client = storeClient(server.base, ids.key)
  const n = groupCode ? SIZES.group_members : SIZES.buyers
  const t0 = Date.now()
  const carts = await prepareCarts(client, n, SIZES.prep_concurrency, (i) => ({
    regionId: ids.regionId,
    optionId: ids.optionId,
    variantId: ids.variants[sku],
    email: `${label}-${i}@bench.test`,
    groupCode,
  }))
  log(`  ${server.name} ${label}: ${n} carts ready in ${((Date.now() - t0) / 1000).toFixed(0)} s; completing all at once`)
  await server.settle()
  const results = await completeAtOnce(server.base, ids.key, carts, SIZES.timeout_seconds * 1000)
  await server.settle()
  const sold = await soldUnits(conn, db, ids.variants[sku])
  const outcome = splitOutcomes(results)
  const arrivals = results.filter((r) => r.order_id).map((r) => r.index)
  const summary = {
    sku,
    units,
    ...outcome,
    sold_units: sold.units,
    oversell: Math.max(0, sold.units - (units ?? Infinity)),
    winners_arrival_rank: arrivals.length ? summarize(arrivals) : null,
  }
  log(
    `  ${server.name} ${label}: ${summary.orders} orders of ${n}, sold ${sold.units}${units ? ` of ${units}` : ""}, ` +
      `winners p50/p99 ${outcome.winners.p50}/${outcome.winners.p99} ms, losers p50/p99 ${outcome.losers.p50}/${outcome.losers.p99} ms, errors ${JSON.stringify(outcome.errors_by_status)}`
  )
  return { summary, raw: results }
}

/**
 * BENCH_LINE_BUYERS carts for the burst's version (what the burst left of its units), all completed at once,
 * each buyer following `429` + `Retry-After` as a storefront does.
 */
async function line(server, ids, conn, db) {
  const client = storeClient(server.base, ids.key)
  const n = SIZES.line_buyers
  const label = `line-${server.name}`
  const t0 = Date.now()
  const carts = await prepareCarts(client, n, SIZES.prep_concurrency, (i) => ({
    regionId: ids.regionId,
    optionId: ids.optionId,
    variantId: ids.variants[SKUS.burst],
    email: `${label}-${i}@bench.test`,
  }))
  log(`  ${server.name} ${label}: ${n} carts ready in ${((Date.now() - t0) / 1000).toFixed(0)} s; completing all at once, following 429`)
  await server.settle()
  const started = Date.now()
  const results = await completeFollowingBusy(server.base, ids.key, carts, SIZES.timeout_seconds * 1000)
  const wallSeconds = (Date.now() - started) / 1000
  await server.settle()
  const outcome = splitOutcomes(results)
  const firstStatus = {}
  for (const r of results) firstStatus[r.first_status] = (firstStatus[r.first_status] ?? 0) + 1
  const summary = {
    ...outcome,
    first_answer_by_status: firstStatus,
    orders_in_first_request: results.filter((r) => r.order_id && r.attempts === 1).length,
    max_attempts: Math.max(...results.map((r) => r.attempts)),
    wall_seconds: Math.round(wallSeconds * 10) / 10,
    orders_per_second: Math.round((outcome.orders / wallSeconds) * 10) / 10,
  }
  log(
    `  ${server.name} ${label}: ${summary.orders} orders of ${n} (${summary.orders_in_first_request} in the first request), ` +
      `first answers ${JSON.stringify(firstStatus)}, 5xx ${outcome.errors_5xx}, all done in ${summary.wall_seconds} s`
  )
  return { summary, raw: results }
}

async function group(server, ids, conn, db) {
  const run = await burst(server, ids, conn, db, { sku: SKUS.group, units: null, label: "group", groupCode: GROUP_CODE })
  const client = storeClient(server.base, ids.key)
  const { group_order: g } = await client.call("GET", `/store/group-orders/${GROUP_CODE}`)
  run.summary.group = {
    units: g.units,
    member_count: g.member_count,
    current_tier: g.current_tier ?? null,
    current_percent: g.current_percent ?? null,
    exact: g.units === run.summary.sold_units && g.units === run.summary.orders,
  }
  log(`  group ${GROUP_CODE}: ${g.units} units, ${g.member_count} members, tier ${JSON.stringify(g.current_tier ?? g.current_percent)}`)
  return run
}

/** Workload 6: the finance export, as `npm run bench:export` measures it (its own database and server). */
async function financeExport(conn) {
  if (SIZES.export === "off") return null
  const newest = () =>
    fs.existsSync(RESULTS_DIR)
      ? fs.readdirSync(RESULTS_DIR).filter((f) => /^export-.*\.json$/.test(f)).sort().pop() ?? null
      : null
  if (SIZES.export === "reuse") {
    const file = newest()
    if (!file) throw new Error("BENCH_EXPORT=reuse but bench-results/ holds no export-*.json: run npm run bench:export")
    return { source: `bench-results/${file} (reused)`, ...JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, file), "utf8")) }
  }
  const before = newest()
  log(`workload 6: npm run bench:export with ${SIZES.export_orders} orders`)
  const port = await freePort()
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/bench-export.mjs")], {
      cwd: root,
      env: {
        ...env0,
        DB_HOST: conn.host,
        DB_PORT: String(conn.port),
        DB_USERNAME: conn.user,
        DB_PASSWORD: conn.password,
        BENCH_DB: `${DB_PREFIX}_export`,
        BENCH_PORT: String(port),
        BENCH_ORDERS: String(SIZES.export_orders),
        BENCH_LIST_ORDERS: String(Math.min(SIZES.export_orders, 2_000)),
        BENCH_MEDUSA_SECONDS: env0.BENCH_MEDUSA_SECONDS || "20",
      },
      stdio: ["ignore", "pipe", "inherit"],
    })
    child.stdout.on("data", (c) => {
      for (const line of String(c).split("\n")) if (line.startsWith("[bench]")) console.log(`  ${line}`)
    })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench:export exited with ${code}`))))
  })
  const file = newest()
  if (!file || file === before) throw new Error("bench:export wrote no results")
  return { source: `bench-results/${file} (this run, ${SIZES.export_orders} orders)`, ...JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, file), "utf8")) }
}

// ---------------------------------------------------------------- the run

async function main() {
  ensurePluginBuild()
  const conn = await database()
  const apps = {
    plain: { name: "plain", cwd: path.join(root, "bench/plain"), db: `${DB_PREFIX}_plain`, seed: "../seed-plain.ts" },
    comeback: { name: "comeback", cwd: root, db: `${DB_PREFIX}_comeback`, seed: "./bench/seed-comeback.ts" },
  }
  const baseEnv = {
    ...env0,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    // `medusa start` is production: Comeback refuses to boot without real secrets, so each run makes its own.
    JWT_SECRET: env0.JWT_SECRET || randomBytes(32).toString("hex"),
    COOKIE_SECRET: env0.COOKIE_SECRET || randomBytes(32).toString("hex"),
    LOG_LEVEL: env0.BENCH_LOG_LEVEL || "error",
    BENCH_RACE_UNITS: String(SIZES.race_units),
    BENCH_BURST_UNITS: String(SIZES.burst_units),
    BENCH_GROUP_MEMBERS: String(SIZES.group_members),
  }
  // The same infrastructure for both: in-memory event bus, cache, workflow engine and locks; the system payment provider.
  for (const name of ["REDIS_URL", "STRIPE_API_KEY", "DATABASE_URL", "DB_HOST", "PORT"]) delete baseEnv[name]

  for (const app of Object.values(apps)) {
    await withClient(conn, "postgres", async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${app.db}" WITH (FORCE)`)
      await c.query(`CREATE DATABASE "${app.db}"`)
    })
    app.env = { ...baseEnv, DATABASE_URL: urlOf(conn, app.db) }
    log(`${app.name}: migrating ${app.db}`)
    await medusa(app.cwd, ["db:migrate"], app.env)
    log(`${app.name}: seeding the catalog`)
    await medusa(app.cwd, ["exec", app.seed], app.env)
    app.ids = await catalogIds(conn, app.db)
  }
  const profileDir = path.join(RESULTS_DIR, "profiles")

  const results = { plain: {}, comeback: {}, boots: [] }
  const raw = { plain: {}, comeback: {} }
  const workloads = {
    reads: async (app, server) => (results[app.name].reads = await reads(server, app.ids)),
    path: async (app, server) => (results[app.name].path = await unloadedPath(server, app.ids, conn, app.db)),
    race: async (app, server) => {
      const r = await burst(server, app.ids, conn, app.db, { sku: SKUS.race, units: SIZES.race_units, label: `race-${app.name}` })
      results[app.name].race = r.summary
      raw[app.name].race = r.raw
    },
    burst: async (app, server) => {
      const r = await burst(server, app.ids, conn, app.db, { sku: SKUS.burst, units: SIZES.burst_units, label: `burst-${app.name}` })
      results[app.name].burst = r.summary
      raw[app.name].burst = r.raw
      if (app.name === "comeback") {
        const s = await burst(server, app.ids, conn, app.db, { sku: SKUS.burstStock, units: SIZES.burst_units, label: `burst-stock-${app.name}` })
        results.comeback.burst_stock = s.summary
        raw.comeback.burst_stock = s.raw
      }
    },
    line: async (app, server) => {
      const r = await line(server, app.ids, conn, app.db)
      results[app.name].line = r.summary
      raw[app.name].line = r.raw
    },
    group: async (app, server) => {
      const r = await group(server, app.ids, conn, app.db)
      results.comeback.group = r.summary
      raw.comeback.group = r.raw
    },
  }
  // ABBA: each workload runs on both servers, the first alternating; a server stays up across adjacent workloads.
  const plan = [
    ["plain", ["reads"]],
    ["comeback", ["reads", "path"]],
    ["plain", ["path", "race"]],
    ["comeback", ["race", "burst", "line", "group"]],
    ["plain", ["burst", "line"]],
  ]
  // BENCH_WORKLOADS=reads,path,… runs only those (to try a change quickly); the default is all of them.
  const only = env0.BENCH_WORKLOADS ? new Set(env0.BENCH_WORKLOADS.split(",")) : null
  for (const [name, all] of plan) {
    const list = only ? all.filter((w) => only.has(w)) : all
    if (!list.length) continue
    const app = apps[name]
    const port = await freePort()
    log(`${name}: starting medusa (workloads: ${list.join(", ")})`)
    running = await startServer({ name, cwd: app.cwd, port, env: app.env, profileDir, log })
    results.boots.push({ server: name, seconds: Math.round(running.boot_seconds * 10) / 10 })
    // Warm-up (excluded): code paths loaded and compiled before anything is measured.
    const client = storeClient(running.base, app.ids.key)
    await timedCheckout(client, { regionId: app.ids.regionId, optionId: app.ids.optionId, variantId: app.ids.variants[SKUS.path], email: `warm-${name}-${Date.now()}@bench.test` })
    await fetch(`${running.base}/store/products?limit=12`, { headers: { "x-publishable-api-key": app.ids.key } }).then((r) => r.text())
    await running.settle()
    for (const w of list) {
      log(`workload ${w} on ${name}`)
      await workloads[w](app, running)
    }
    await running.stop()
    running = null
  }

  results.export = await financeExport(conn).catch((error) => {
    log(`export: ${error.message}`)
    return { error: error.message }
  })

  const machine = {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? "unknown",
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    medusa: require(path.join(root, "node_modules/@medusajs/medusa/package.json")).version,
    postgres: await withClient(conn, "postgres", async (c) => (await c.query("SHOW server_version")).rows[0].server_version),
    database: embedded ? "embedded PostgreSQL (embedded-postgres), fsync off" : `PostgreSQL at ${conn.host}:${conn.port}`,
    date: new Date().toISOString(),
    duration_seconds: Math.round((Date.now() - started) / 1000),
    // What else the machine was doing, in the operator's words (BENCH_CONDITIONS), printed with the figures.
    conditions: env0.BENCH_CONDITIONS || null,
  }
  const report = { machine, sizes: SIZES, results }
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, "-")
  const jsonFile = path.join(RESULTS_DIR, `dropday-${stamp}.json`)
  fs.writeFileSync(jsonFile, JSON.stringify({ ...report, raw }, null, 2))
  log(`raw results: ${path.relative(root, jsonFile)}`)

  await publish(report, raw, jsonFile)
}

/** docs/benchmarks.md and the chart from a run's results (also `npm run bench -- --report <json>`: re-render only). */
async function publish(report, raw, jsonFile) {
  fs.mkdirSync(DOCS_DIR, { recursive: true })
  const chartFile = path.join(DOCS_DIR, "benchmarks-latency.png")
  await renderChart({ raw, sizes: report.sizes, out: chartFile, svgOut: jsonFile.replace(/\.json$/, ".svg") })
  log(`chart: ${path.relative(root, chartFile)}`)
  const md = writeReport({ ...report, json: path.relative(root, jsonFile), chart: path.basename(chartFile), ratio })
  fs.writeFileSync(path.join(DOCS_DIR, "benchmarks.md"), md)
  log(`report: docs/benchmarks.md (run took ${report.machine.duration_seconds} s)`)
}

async function shutdown(code) {
  if (running) await running.stop().catch(() => {})
  if (env0.BENCH_KEEP_DB !== "true" && !embedded) {
    const conn = await database().catch(() => null)
    if (conn) {
      for (const suffix of ["plain", "comeback", "export"]) {
        await withClient(conn, "postgres", (c) => c.query(`DROP DATABASE IF EXISTS "${DB_PREFIX}_${suffix}" WITH (FORCE)`)).catch(() => {})
      }
    }
  }
  if (embedded) {
    await embedded.stop().catch(() => {})
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
  process.exit(code)
}
process.on("SIGINT", () => shutdown(130))
process.on("SIGTERM", () => shutdown(143))

const rerender = process.argv[2] === "--report" ? path.resolve(process.argv[3] ?? "") : null
if (rerender) {
  const { raw, ...report } = JSON.parse(fs.readFileSync(rerender, "utf8"))
  if (process.env.BENCH_CONDITIONS) report.machine.conditions = process.env.BENCH_CONDITIONS
  publish(report, raw, rerender).then(
    () => process.exit(0),
    (error) => {
      console.error(`[bench] ${error.stack || error.message}`)
      process.exit(1)
    }
  )
} else {
  main()
    .then(() => shutdown(0))
    .catch((error) => {
      console.error(`[bench] ${error.stack || error.message}`)
      return shutdown(1)
    })
}
