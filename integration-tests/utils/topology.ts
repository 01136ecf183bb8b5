/**
 * The production topology on one machine: the app built with `medusa build`,
 * then server and worker processes started from the build output with
 * `medusa start`, all on one PostgreSQL and one Redis. Used by
 * integration-tests/topology/topology.spec.ts (`npm run topology`, and its CI size
 * inside `npm test`).
 */
import axios, { AxiosInstance } from "axios"
import { ChildProcess, spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { createClient } from "redis"
import { appEnv, buildDir, ensureAdminBuild, medusaBin, root, runCommand } from "../admin/utils/build"
import { freePort } from "./ports"

export { buildDir, root }
const medusaCli = path.join(root, "node_modules/@medusajs/cli/cli.js")

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

/** What the topology needs from Redis, said once for every place that checks it. */
export const REDIS_NEEDED =
  "The production topology needs a Redis server (events, locks, workflow state and schedules are shared through it). " +
  "Start one (e.g. `docker run -p 6379:6379 redis:7`, or `apt-get install redis-server`) or point TOPOLOGY_REDIS_URL " +
  "at one (`npm run topology` also reads REDIS_URL)."

/** Newest modification time of the files a build is made from. */
function newestSourceMtime() {
  let newest = 0
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== "__tests__") walk(full)
      } else newest = Math.max(newest, fs.statSync(full).mtimeMs)
    }
  }
  walk(path.join(root, "src"))
  for (const file of ["medusa-config.ts", "package.json", "tsconfig.json"]) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs)
  return newest
}

/**
 * `medusa build` once. Inside `npm test` (shareWithAdminTests) the build is the
 * one the admin browser tests make and reuse (backend + admin, once per test
 * run, integration-tests/admin/utils/build.ts), so the suite builds once
 * whichever file comes first. Alone (`npm run topology`) it builds the backend
 * only, and an existing .medusa/server newer than every source file is reused
 * (TOPOLOGY_REBUILD=true forces a build). The build output gets a node_modules
 * link to the project's, where production would `npm install`.
 * Resolves with the seconds spent building (0 when reused).
 */
export async function ensureBuild(log: (line: string) => void = () => {}, options: { shareWithAdminTests?: boolean } = {}) {
  let seconds = 0
  if (options.shareWithAdminTests) {
    seconds = await ensureAdminBuild()
    log(seconds ? `medusa build (backend + admin, shared with the admin tests) in ${seconds.toFixed(1)} s` : "reusing this test run's build")
  } else {
    const config = path.join(buildDir, "medusa-config.js")
    const fresh = fs.existsSync(config) && fs.statSync(config).mtimeMs >= newestSourceMtime()
    if (!fresh || process.env.TOPOLOGY_REBUILD === "true") {
      log("medusa build (backend only, DISABLE_MEDUSA_ADMIN=true)")
      const started = Date.now()
      // Not NODE_ENV=production: building loads medusa-config.ts, which in production
      // refuses to load without real secrets; the build output is the same.
      await runCommand(medusaBin, ["build"], { cwd: root, env: { ...appEnv(), DISABLE_MEDUSA_ADMIN: "true" } })
      seconds = (Date.now() - started) / 1000
      log(`built in ${seconds.toFixed(1)} s`)
    } else log("reusing the build in .medusa/server (newer than every source file)")
  }
  const modules = path.join(buildDir, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, "node_modules"), modules, "dir")
  return seconds
}

/** Redis databases a run may claim: TOPOLOGY_REDIS_DATABASES ("8-15", or "8,9"), else 1–15. */
export function redisDatabaseCandidates(spec = process.env.TOPOLOGY_REDIS_DATABASES) {
  if (!spec?.trim()) return Array.from({ length: 15 }, (_, i) => i + 1)
  return spec.split(",").flatMap((part) => {
    const [from, to = from] = part.trim().split("-").map(Number)
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) throw new Error(`TOPOLOGY_REDIS_DATABASES: "${spec}" is not like "8-15"`)
    return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  })
}

/**
 * A Redis database of its own on the given server: the first empty one of 1–15
 * (or of TOPOLOGY_REDIS_DATABASES), claimed with a marker key, so a run never
 * reads another run's queues. The URL is used as given when it already names a database.
 */
export async function claimRedisDatabase(url: string): Promise<{ url: string; release: () => Promise<void> }> {
  const parsed = new URL(url)
  const named = parsed.pathname.length > 1
  const candidates = named ? [Number(parsed.pathname.slice(1))] : redisDatabaseCandidates()
  for (const db of candidates) {
    const client = createClient({ url, database: db, socket: { connectTimeout: 2000, reconnectStrategy: false } })
    client.on("error", () => {})
    await client.connect()
    try {
      if (!named && (await client.dbSize()) > 0) continue
      if (!named && (await client.set("comeback:topology:claim", String(process.pid), { NX: true })) !== "OK") continue
      parsed.pathname = `/${db}`
      return {
        url: parsed.toString(),
        release: async () => {
          const c = createClient({ url, database: db })
          c.on("error", () => {})
          await c.connect()
          // Everything in it is this run's (queues, locks, cache).
          if (!named) await c.flushDb()
          await c.close()
        },
      }
    } finally {
      if (client.isOpen) await client.close()
    }
  }
  throw new Error(`no empty Redis database (${candidates.join(", ")}) on ${url}; name one in the URL (…/N)`)
}

/**
 * null when Redis answers PING at `url`, else why not. Synchronous (a short
 * child process), so a spec can decide at load time whether to run or skip.
 */
export function redisUnreachable(url: string): string | null {
  const script = `
    const { createClient } = require("redis")
    const client = createClient({ url: process.argv[1], socket: { connectTimeout: 1500, reconnectStrategy: false } })
    client.on("error", () => {})
    client.connect().then(() => client.ping()).then(() => process.exit(0), (e) => { console.log(e.message || String(e)); process.exit(1) })`
  const probe = spawnSync(process.execPath, ["-e", script, url], { cwd: root, encoding: "utf8", timeout: 10_000 })
  return probe.status === 0 ? null : probe.stdout.trim() || probe.stderr.trim() || "no answer"
}

export type Mode = "server" | "worker"

/** One `medusa start` process of the topology. */
export class MedusaProcess {
  child: ChildProcess | null = null
  lines: string[] = []
  port = 0
  api!: AxiosInstance
  starts = 0
  /** Requests the test sent this process (health checks aside), over all its starts. */
  requests = 0

  constructor(readonly name: string, readonly mode: Mode, private readonly env: NodeJS.ProcessEnv, private readonly logDir?: string) {}

  async start() {
    this.port = await freePort()
    this.api = axios.create({ baseURL: `http://localhost:${this.port}` })
    this.api.interceptors.request.use((config) => {
      if (config.url !== "/health") this.requests++
      return config
    })
    this.starts++
    // `medusa start`, by the CLI's own entry point (what node_modules/.bin/medusa links to): on a machine
    // shared with other runs, a cleanup that stops stray "medusa start" processes by name leaves these alone.
    const child = spawn(process.execPath, [medusaCli, "start"], {
      cwd: buildDir,
      env: { ...this.env, MEDUSA_WORKER_MODE: this.mode, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let rest = ""
    const take = (chunk: Buffer) => {
      const text = rest + chunk.toString()
      const parts = text.split("\n")
      rest = parts.pop() ?? ""
      // Strip colour codes, keep which start of the process wrote the line.
      for (const line of parts) {
        const entry = `[${this.name}#${this.starts}] ${line.replace(/\x1b\[[0-9;]*m/g, "")}`
        this.lines.push(entry)
        if (this.logDir) fs.appendFileSync(path.join(this.logDir, `${this.name}.log`), `${new Date().toISOString()} ${entry}\n`)
      }
    }
    child.stdout!.on("data", take)
    child.stderr!.on("data", take)
    // An exit the test did not ask for (a crash, or a signal from outside the test) is said at once.
    child.once("exit", (code, signal) => {
      if (this.child === child) process.stdout.write(`[topology] ${this.name} exited unexpectedly (code ${code}, signal ${signal})\n`)
    })
    this.child = child
    const deadline = Date.now() + 180_000
    while (!(await this.api.get("/health").then(() => true, () => false))) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}):\n${this.tail()}`)
      if (Date.now() > deadline) throw new Error(`${this.name} never answered /health:\n${this.tail()}`)
      await new Promise((r) => setTimeout(r, 300))
    }
  }

  /** SIGTERM (a deploy) or SIGKILL (a crash); resolves when the process is gone. */
  async stop(signal: NodeJS.Signals = "SIGTERM") {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((r) => child.once("exit", r))
    this.child = null
    child.kill(signal)
    // A graceful stop waits for in-flight subscribers and jobs; a minute, then it is a crash.
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000)
    await gone
    clearTimeout(timer)
  }

  /** Lines this process wrote that match `pattern`. */
  grep(pattern: RegExp) {
    return this.lines.filter((line) => pattern.test(line))
  }

  tail(n = 40) {
    return this.lines.slice(-n).join("\n")
  }
}

/** Reads BullMQ's record of the scheduled jobs the workflow engine ran: one entry per execution. */
export async function scheduledJobRuns(redisUrl: string) {
  const client = createClient({ url: redisUrl })
  client.on("error", () => {})
  await client.connect()
  try {
    const prefix = "bull:medusa-workflows-jobs:"
    const runs: { job: string; scheduled_for: number; state: string; attempts: number }[] = []
    for (const state of ["completed", "failed", "active"]) {
      const key = `${prefix}${state}`
      const type = await client.type(key)
      const ids = type === "zset" ? await client.zRange(key, 0, -1) : type === "list" ? await client.lRange(key, 0, -1) : []
      for (const id of ids) {
        const job = await client.hGetAll(`${prefix}${id}`)
        if (!job.data) continue
        const data = JSON.parse(job.data)
        // A repeatable job's id ends with the time slot it was scheduled for.
        const slot = Number(String(id).split(":").pop())
        runs.push({ job: data.jobId, scheduled_for: Number.isFinite(slot) && slot > 0 ? slot : Number(job.timestamp), state, attempts: Number(job.atm ?? 1) })
      }
    }
    return runs
  } finally {
    await client.close()
  }
}
