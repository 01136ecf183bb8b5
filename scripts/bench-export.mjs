#!/usr/bin/env node
// `npm run bench:export`: the finance order export against 100,000 orders,
// side by side with plain Medusa's own `POST /admin/orders/export` and admin
// order list on the same data, in the same run. Not a test: it prints figures.
//
// 1. A database of its own (BENCH_DB, default comeback_bench_export) on the
//    server named by DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, or on an embedded
//    PostgreSQL started for the run; migrated, demo-seeded.
// 2. `medusa start` on a port of its own (BENCH_PORT, default 9187).
// 3. Five varied orders placed through Medusa's store API (promotion code,
//    group discount, pre-orders, app channel, a refund), then multiplied to
//    BENCH_ORDERS (default 100,000) with SQL straight into the database
//    (scripts/bench/clone-orders.mjs: seeding only, never app code).
// 4. The report's read model is filled by `npm run report:backfill` (its own
//    process; its rows/s and RSS are reported separately): the clones were
//    written by SQL, so no subscriber saw them.
// 5. Measured: rows/s and the server's RSS (sampled every 100 ms from
//    /proc/<pid>/status) for our CSV export from the read model (order rows, all
//    orders; line rows, BENCH_LINE_ORDERS orders or all; order rows with a time
//    zone, its zone cells computed at export time), Medusa's admin order list paged by offset,
//    and Medusa's export (for at most BENCH_MEDUSA_SECONDS).
// Results go to the console and bench-results/export-<time>.json. The database
// is dropped at the end unless BENCH_KEEP_DB=true.
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs"
import { placeTemplateOrders } from "./bench/template-orders.mjs"
import { cloneOrders } from "./bench/clone-orders.mjs"
import { freePort } from "./lib/free-port.mjs"
import { ensurePluginBuild } from "./lib/plugin-build.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const env0 = process.env
const DB = env0.BENCH_DB || "comeback_bench_export"
const PORT = Number(env0.BENCH_PORT || 9187)
const ORDERS = Number(env0.BENCH_ORDERS || 100_000)
const LINE_ORDERS = Number(env0.BENCH_LINE_ORDERS || 0) // 0: all orders
const MEDUSA_SECONDS = Number(env0.BENCH_MEDUSA_SECONDS || 120)
const LIST_ORDERS = Number(env0.BENCH_LIST_ORDERS || 10_000)
const ADMIN = { email: "admin@comeback.test", password: "comeback-admin" }
const started = Date.now()
const log = (line) => console.log(`[bench] ${line} (${((Date.now() - started) / 1000).toFixed(0)}s)`)

let embedded = null
let tmpDir = null
let server = null


function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [medusaBin, ...args], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] })
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} exited with ${code}`))))
  })
}

async function admin(conn, sql) {
  const client = new pg.Client({ ...conn, database: "postgres" })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

/** RSS of a process in MB, sampled until stopped; peak and a few samples along the way. */
function sampleRss(pid) {
  const samples = []
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
      samples.push(Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024)
    } catch {}
  }
  read()
  const timer = setInterval(read, 100)
  return () => {
    clearInterval(timer)
    read()
    const at = (q) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * (samples.length - 1)))])
    return { peak_mb: Math.round(Math.max(...samples)), start_mb: at(0), q25_mb: at(0.25), q50_mb: at(0.5), q75_mb: at(0.75), end_mb: at(1) }
  }
}

const rssNow = (pid) => Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) / 1024

/** GETs a streamed report, counting bytes and CSV records without keeping them. */
async function streamReport(base, headers, params) {
  const t0 = Date.now()
  const response = await fetch(`${base}/admin/reports/orders?${new URLSearchParams(params)}`, { headers })
  if (!response.ok) throw new Error(`report → ${response.status}: ${await response.text()}`)
  let bytes = 0
  let newlines = 0
  let firstByteMs = null
  let tail = ""
  for await (const chunk of response.body) {
    if (firstByteMs === null) firstByteMs = Date.now() - t0
    bytes += chunk.length
    for (const b of chunk) if (b === 10) newlines++
    tail = (tail + Buffer.from(chunk).toString("utf8")).slice(-2000)
  }
  return { seconds: (Date.now() - t0) / 1000, bytes, records: newlines, first_byte_ms: firstByteMs, last_line: tail.trim().split("\n").pop() }
}

/** `npm run report:backfill` as its own process: its own timing (from its last line) and RSS. */
function runBackfill(env) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now()
    const child = spawn(process.execPath, [medusaBin, "exec", "./src/scripts/backfill-finance-rows.ts"], {
      cwd: root,
      env: { ...env, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "inherit"],
    })
    const stop = sampleRss(child.pid)
    let summary = null
    let last = ""
    let buffered = ""
    child.stdout.on("data", (chunk) => {
      buffered += chunk.toString("utf8")
      const lines = buffered.split("\n")
      buffered = lines.pop()
      for (const line of lines) {
        if (!line.includes("finance rows")) continue
        const done = line.match(/finance rows: (\d+) of (\d+) orders refreshed in ([\d.]+) s/)
        if (done) summary = { refreshed: Number(done[1]), orders: Number(done[2]), seconds: Number(done[3]) }
        // Every 20th batch, so the console shows the [i/n] progress without flooding.
        const progress = line.match(/\[(\d+)\/(\d+)\]/)
        if (!progress || Number(progress[1]) % 5000 === 0 || progress[1] === progress[2]) log(line.replace(/^.*?finance rows/, "  finance rows").trim())
        last = line
      }
    })
    child.on("exit", (code) => {
      const rss = stop()
      if (code !== 0 || !summary) return reject(new Error(`report:backfill exited with ${code}: ${last}`))
      resolve({ ...summary, wall_seconds: Number(((Date.now() - t0) / 1000).toFixed(1)), rss })
    })
  })
}

async function measure(label, pid, fn) {
  log(`measuring: ${label}`)
  const stop = sampleRss(pid)
  const result = await fn()
  return { label, ...result, rss: stop() }
}

async function main() {
  ensurePluginBuild()
  const conn = {}
  if (env0.DB_HOST) {
    Object.assign(conn, { host: env0.DB_HOST === "127.0.0.1" ? "localhost" : env0.DB_HOST, port: Number(env0.DB_PORT || 5432), user: env0.DB_USERNAME || "postgres", password: env0.DB_PASSWORD || "" })
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-bench-pg-"))
    fs.chmodSync(tmpDir, 0o755)
    const port = await freePort()
    log(`no DB_HOST: starting embedded PostgreSQL on :${port}`)
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tmpDir, "data"), port, persistent: false })
    Object.assign(conn, { host: "localhost", port, user: embedded.user, password: embedded.password })
  }
  await admin(conn, `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
  await admin(conn, `CREATE DATABASE "${DB}"`)
  const databaseUrl = `postgres://${encodeURIComponent(conn.user)}:${encodeURIComponent(conn.password)}@${conn.host}:${conn.port}/${DB}`
  const env = {
    ...env0,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
    LOG_LEVEL: "warn",
    PORT: String(PORT),
    // The benchmark runs the backfill itself; the scheduled refresh must not run inside the measured server.
    FINANCE_REPORT_JOB: "off",
    // `medusa start` refuses to boot without real secrets.
    JWT_SECRET: env0.JWT_SECRET || randomBytes(32).toString("hex"),
    COOKIE_SECRET: env0.COOKIE_SECRET || randomBytes(32).toString("hex"),
  }
  delete env.REDIS_URL
  delete env.STRIPE_API_KEY

  log(`migrating ${DB}`)
  await run(["db:migrate"], env)
  log("seeding the demo drop")
  await run(["exec", "./src/scripts/seed.ts"], env)

  log(`starting medusa on :${PORT}`)
  server = spawn(process.execPath, [medusaBin, "start"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"], detached: true })
  const base = `http://localhost:${PORT}`
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error("medusa start exited")
    if (await fetch(`${base}/health`).then((r) => r.ok).catch(() => false)) break
    if (i > 600) throw new Error("medusa did not answer /health in 120 s")
    await new Promise((r) => setTimeout(r, 200))
  }

  const templates = await placeTemplateOrders({ baseUrl: base, adminEmail: ADMIN.email, adminPassword: ADMIN.password, log })
  const db = new pg.Client({ ...conn, database: DB })
  await db.connect()
  // The order.placed subscriber captures payments, attaches pre-order items and the group purchase.
  for (let i = 0; i < 150; i++) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM preorder_item WHERE status = 'pending')::int AS preorders,
              (SELECT count(*) FROM group_purchase WHERE status = 'placed')::int AS groups,
              (SELECT count(*) FROM payment WHERE captured_at IS NOT NULL)::int AS captured`
    )
    if (rows[0].preorders >= 2 && rows[0].groups >= 1 && rows[0].captured >= templates.orderIds.length) break
    await new Promise((r) => setTimeout(r, 200))
  }
  log(`cloning ${templates.orderIds.length} template orders into ${ORDERS.toLocaleString("en-US")} orders`)
  await cloneOrders(db, { templateIds: templates.orderIds, total: ORDERS, log })
  const { rows: counts } = await db.query(`SELECT count(*)::int AS orders, (SELECT count(*)::int FROM order_item oi JOIN "order" o ON o.id = oi.order_id AND oi.version = o.version) AS lines FROM "order"`)
  log(`database holds ${counts[0].orders} orders, ${counts[0].lines} order lines`)

  // The read model: the clones have no rows yet (they never went through Medusa's workflows or our subscribers).
  log("backfilling the report's read model: npm run report:backfill")
  const backfill = await runBackfill(env)
  const { rows: rowCount } = await db.query(`SELECT count(*)::int AS n FROM finance_order_row WHERE deleted_at IS NULL`)
  await db.end()
  log(`backfill: ${backfill.refreshed} orders in ${backfill.seconds} s (${Math.round(backfill.refreshed / backfill.seconds)} rows/s, ${backfill.wall_seconds} s with boot), peak RSS ${backfill.rss.peak_mb} MB; read model holds ${rowCount[0].n} rows`)

  const headers = templates.adminHeaders
  const range = { from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" }
  const pid = server.pid
  // Warm up both paths (code loading, caches), then let the heap settle.
  await streamReport(base, headers, { ...range, limit: "500" })
  await fetch(`${base}/admin/orders?limit=50`, { headers }).then((r) => r.text())
  await new Promise((r) => setTimeout(r, 3000))
  const baseline = Math.round(rssNow(pid))
  log(`server RSS at rest: ${baseline} MB`)

  const results = []
  const ours = await measure("ours: GET /admin/reports/orders (csv, order rows, all orders, totals)", pid, () =>
    streamReport(base, headers, { ...range, totals: "true" })
  )
  ours.rows = ours.records - 1 - 1 // header and totals row
  results.push(ours)

  const lines = await measure(`ours: GET /admin/reports/orders (csv, line rows, ${LINE_ORDERS ? `first ${LINE_ORDERS.toLocaleString("en-US")}` : "all"} orders)`, pid, () =>
    streamReport(base, headers, { ...range, granularity: "line_item", ...(LINE_ORDERS ? { limit: String(LINE_ORDERS) } : {}) })
  )
  lines.rows = lines.records - 1
  results.push(lines)

  const zoned = await measure("ours: GET /admin/reports/orders (csv, order rows, all orders, totals, tz=Asia/Seoul: zone cells computed at export time)", pid, () =>
    streamReport(base, headers, { ...range, totals: "true", tz: "Asia/Seoul" })
  )
  zoned.rows = zoned.records - 1 - 1
  results.push(zoned)

  // Medusa's admin order list, paged by offset as its admin does (default fields, 100 a page).
  const list = await measure(`medusa: GET /admin/orders (offset pages of 100, first ${LIST_ORDERS.toLocaleString("en-US")} orders)`, pid, async () => {
    const t0 = Date.now()
    let rows = 0
    for (let offset = 0; offset < LIST_ORDERS; offset += 100) {
      const r = await fetch(`${base}/admin/orders?limit=100&offset=${offset}`, { headers })
      const body = await r.json()
      rows += body.orders.length
    }
    return { seconds: (Date.now() - t0) / 1000, rows }
  })
  results.push(list)

  // Medusa's own export: a background workflow writing static/…order-exports.csv, counted as it grows.
  // (In this app its last step, a "feed" notification, fails for want of a feed provider, and its
  // compensation deletes the file: so rows are counted while it is written.)
  const staticDir = path.join(root, "static")
  const before = new Set(fs.existsSync(staticDir) ? fs.readdirSync(staticDir) : [])
  const medusaExport = await measure(`medusa: POST /admin/orders/export (at most ${MEDUSA_SECONDS} s)`, pid, async () => {
    const t0 = Date.now()
    const r = await fetch(`${base}/admin/orders/export`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}" })
    if (r.status !== 202) throw new Error(`medusa export → ${r.status}: ${await r.text()}`)
    let file = null
    let offset = 0
    let newlines = 0
    let grewAt = Date.now()
    let vanished = false
    const buffer = Buffer.alloc(1 << 20)
    while ((Date.now() - t0) / 1000 < MEDUSA_SECONDS) {
      await new Promise((res) => setTimeout(res, 200))
      file ??= (fs.existsSync(staticDir) ? fs.readdirSync(staticDir) : []).find((f) => !before.has(f) && f.endsWith("order-exports.csv")) ?? null
      if (!file) continue
      let fd
      try {
        fd = fs.openSync(path.join(staticDir, file), "r")
      } catch {
        vanished = true
        break
      }
      for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, offset)) > 0; offset += n) {
        for (let i = 0; i < n; i++) if (buffer[i] === 10) newlines++
        grewAt = Date.now()
      }
      fs.closeSync(fd)
      if (Date.now() - grewAt > 10_000) break // done (or stuck) for 10 s
    }
    // Records = newlines + 1 (no newline after the last) − 1 header.
    const rows = offset ? newlines : 0
    const finished = rows >= counts[0].orders
    if (file && !vanished) fs.rmSync(path.join(staticDir, file), { force: true })
    return { seconds: ((finished || vanished ? grewAt : Date.now()) - t0) / 1000, rows, finished, bytes: offset, file_deleted_by_medusa: vanished }
  })
  results.push(medusaExport)

  console.log("")
  console.log(`Finance order export benchmark: ${counts[0].orders.toLocaleString("en-US")} orders (${counts[0].lines.toLocaleString("en-US")} lines), ${os.cpus().length} CPUs, Node ${process.version}`)
  console.log(`Server RSS at rest after warm-up: ${baseline} MB`)
  console.log(`Backfill (npm run report:backfill, own process): ${backfill.refreshed.toLocaleString("en-US")} orders in ${backfill.seconds} s = ${Math.round(backfill.refreshed / backfill.seconds).toLocaleString("en-US")} rows/s (${backfill.wall_seconds} s with Medusa's boot), peak RSS ${backfill.rss.peak_mb} MB`)
  console.log("")
  console.log("| What | rows | seconds | rows/s | peak RSS MB | peak − rest MB | RSS at 25/50/75/100 % |")
  console.log("|---|---:|---:|---:|---:|---:|---|")
  for (const r of results) {
    const rate = r.rows / r.seconds
    console.log(
      `| ${r.label}${r.finished === false ? " — not finished" : ""} | ${r.rows.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString("en-US")} | ${r.rss.peak_mb} | ${r.rss.peak_mb - baseline} | ${r.rss.q25_mb}/${r.rss.q50_mb}/${r.rss.q75_mb}/${r.rss.end_mb} |`
    )
  }
  console.log("")
  console.log(`Target: ≥ 10,000 rows/s and peak RSS < 300 MB. Ours (order rows): ${Math.round(ours.rows / ours.seconds).toLocaleString("en-US")} rows/s, peak ${ours.rss.peak_mb} MB (${ours.rss.peak_mb - baseline} MB above the server at rest).`)
  console.log(`Last line of our file (control totals): ${ours.last_line}`)

  fs.mkdirSync(path.join(root, "bench-results"), { recursive: true })
  const out = path.join(root, "bench-results", `export-${new Date().toISOString().replace(/[:.]/g, "-")}.json`)
  fs.writeFileSync(out, JSON.stringify({ orders: counts[0].orders, lines: counts[0].lines, baseline_rss_mb: baseline, backfill, cpus: os.cpus().length, node: process.version, results }, null, 2))
  log(`results written to ${path.relative(root, out)}`)
}

async function shutdown(code) {
  if (server && server.exitCode === null) {
    await new Promise((resolve) => {
      server.once("exit", resolve)
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {}
      setTimeout(() => {
        try {
          process.kill(-server.pid, "SIGKILL")
        } catch {}
      }, 10_000).unref()
    })
  }
  if (env0.BENCH_KEEP_DB !== "true") {
    const conn = embedded
      ? { host: "localhost", port: embedded.port, user: embedded.user, password: embedded.password }
      : { host: env0.DB_HOST === "127.0.0.1" ? "localhost" : env0.DB_HOST, port: Number(env0.DB_PORT || 5432), user: env0.DB_USERNAME || "postgres", password: env0.DB_PASSWORD || "" }
    if (conn.host) await admin(conn, `DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`).catch(() => {})
  }
  if (embedded) {
    await embedded.stop().catch(() => {})
    fs.rmSync(tmpDir, { recursive: true, force: true })
  }
  process.exit(code)
}
process.on("SIGINT", () => shutdown(130))
process.on("SIGTERM", () => shutdown(143))

main()
  .then(() => shutdown(0))
  .catch((error) => {
    console.error(`[bench] ${error.stack || error.message}`)
    return shutdown(1)
  })
