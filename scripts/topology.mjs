#!/usr/bin/env node
// `npm run topology`: the production topology, proven on this machine. Builds the
// app once (`medusa build`, reused while no source changed), starts two servers
// (MEDUSA_WORKER_MODE=server) and one worker from the build with `medusa start`,
// on the PostgreSQL and Redis the environment names, and runs
// integration-tests/topology/topology.spec.ts against them at full size.
//
//   PostgreSQL  DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, or DATABASE_URL's server,
//               else 127.0.0.1:5432 as postgres (a database of its own is created and dropped)
//   Redis       TOPOLOGY_REDIS_URL or REDIS_URL, else redis://127.0.0.1:6379 (an empty
//               database 1–15, or of TOPOLOGY_REDIS_DATABASES e.g. "8-15", is used and flushed afterwards)
import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { createClient } from "redis"
import { ensurePluginBuild } from "./lib/plugin-build.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
ensurePluginBuild()
const log = (line) => console.log(`[topology] ${line}`)
const fail = (lines) => {
  for (const line of lines) console.error(`[topology] ${line}`)
  process.exit(1)
}

const env = { ...process.env, TOPOLOGY_SCALE: process.env.TOPOLOGY_SCALE || "full", MEDUSA_DISABLE_TELEMETRY: "true" }
if (!env.DB_HOST && env.DATABASE_URL) {
  const url = new URL(env.DATABASE_URL)
  Object.assign(env, {
    DB_HOST: url.hostname,
    DB_PORT: url.port || "5432",
    DB_USERNAME: decodeURIComponent(url.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(url.password || ""),
  })
}
env.DB_HOST ||= "127.0.0.1"
env.DB_PORT ||= "5432"
env.DB_USERNAME ||= "postgres"
env.DB_PASSWORD ||= ""
const redisUrl = env.TOPOLOGY_REDIS_URL || env.REDIS_URL || "redis://127.0.0.1:6379"
env.TOPOLOGY_REDIS_URL = redisUrl
// Each process of the topology gets the claimed Redis database, not these.
delete env.REDIS_URL
delete env.DATABASE_URL

const pgClient = new pg.Client({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USERNAME, password: env.DB_PASSWORD, database: "postgres" })
try {
  await pgClient.connect()
  const { rows } = await pgClient.query("SHOW server_version")
  log(`PostgreSQL ${rows[0].server_version} at ${env.DB_HOST}:${env.DB_PORT} (user ${env.DB_USERNAME})`)
} catch (error) {
  fail([
    `PostgreSQL at ${env.DB_HOST}:${env.DB_PORT} (user ${env.DB_USERNAME}) does not answer: ${error.message}`,
    "The topology needs a PostgreSQL server that every process shares: set DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD or DATABASE_URL.",
  ])
} finally {
  await pgClient.end().catch(() => {})
}

const redis = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } })
redis.on("error", () => {})
try {
  await redis.connect()
  const info = await redis.info("server")
  log(`Redis ${/redis_version:([^\r\n]+)/.exec(info)?.[1] ?? "?"} at ${redisUrl}`)
} catch (error) {
  fail([
    `Redis at ${redisUrl} does not answer: ${error.message || error}`,
    "The production topology needs a Redis server: servers and workers share events (BullMQ), locks, workflow state",
    "and job schedules through it. Start one (e.g. `docker run -p 6379:6379 redis:7` or `apt-get install redis-server`)",
    "or set TOPOLOGY_REDIS_URL (or REDIS_URL) to one.",
  ])
} finally {
  if (redis.isOpen) await redis.close().catch(() => {})
}

// @medusajs/test-utils (used by the spec's helpers) only turns SSL off for "localhost".
if (env.DB_HOST === "127.0.0.1") env.DB_HOST = "localhost"
env.NODE_OPTIONS = [env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" ")

const child = spawn(
  path.join(root, "node_modules/.bin/jest"),
  ["--runInBand", "--forceExit", "--testMatch", "<rootDir>/integration-tests/topology/**/*.spec.ts", ...process.argv.slice(2)],
  { cwd: root, env, stdio: "inherit" }
)
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal))
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
