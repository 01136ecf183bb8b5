import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * medusaIntegrationTestRunner with a fast database: when `npm test` prepared a
 * migrated template (COMEBACK_TEST_TEMPLATE_DB), this file's database is cloned
 * from it before the runner starts, so the runner finds every migration applied.
 * Without a template (e.g. `npx jest` by hand) the runner migrates as usual.
 */
export function comebackIntegrationTestRunner(
  testFile: string,
  options: Omit<RunnerOptions, "dbName" | "inApp">
) {
  const slug = path
    .basename(testFile)
    .replace(/\.spec\.[jt]s$/, "")
    .replace(/[^a-z0-9]+/gi, "_")
    .toLowerCase()
  const dbName = testDbName(slug)
  const template = process.env.COMEBACK_TEST_TEMPLATE_DB

  if (template) beforeAll(() => cloneTemplateDatabase(dbName, template))

  return medusaIntegrationTestRunner({ ...options, dbName, inApp: true })
}

/**
 * A test database's name: `<prefix>_<slug>_<pid>`. The prefix is "comeback" unless
 * COMEBACK_TEST_DB_PREFIX names another (a shared PostgreSQL where each user keeps to its own names).
 */
export function testDbName(slug: string) {
  return `${process.env.COMEBACK_TEST_DB_PREFIX || "comeback"}_${slug}_${process.pid}`
}

/** A client of the test PostgreSQL's `postgres` database (for creating, cloning and dropping databases). */
function postgresAdminClient() {
  return new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
    database: "postgres",
  })
}

/** Runs admin SQL on the test PostgreSQL's `postgres` database. */
export async function adminSql(...statements: string[]) {
  const client = postgresAdminClient()
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A fresh database cloned from the migrated template `npm test` prepared. */
export async function cloneTemplateDatabase(dbName: string, template: string) {
  await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}" TEMPLATE "${template}"`)
}

/** The connection URL of a database on the test PostgreSQL. */
export function testDatabaseUrl(dbName: string) {
  const user = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  const password = encodeURIComponent(process.env.DB_PASSWORD || "")
  return `postgres://${user}${password ? `:${password}` : ""}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${dbName}`
}

/**
 * The demo seed (`medusa exec ./src/scripts/seed.ts`), once per run: `<template>_seeded`, cloned from the migrated
 * template and seeded, with the seed's publishable keys kept as the database's comment (written last, so a copy
 * whose seed failed is never reused). Files that boot the app themselves (smoke, admin) clone it instead of seeding;
 * `npm test` drops it with the template. The seed reads no per-file setting except STRIPE_API_KEY (unset here).
 */
export async function seededTemplateDatabase(template: string) {
  const dbName = `${template}_seeded`
  const client = postgresAdminClient()
  await client.connect()
  try {
    const { rows } = await client.query("SELECT shobj_description(oid, 'pg_database') AS keys FROM pg_database WHERE datname = $1", [dbName])
    if (rows[0]?.keys) return { dbName, keys: JSON.parse(rows[0].keys) as { webKey: string; appKey: string } }
  } finally {
    await client.end()
  }
  await cloneTemplateDatabase(dbName, template)
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDatabaseUrl(dbName), MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "info" }
  for (const name of ["REDIS_URL", "STRIPE_API_KEY", "NODE_ENV", "NODE_OPTIONS"]) delete env[name]
  const root = path.resolve(__dirname, "../..")
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/medusa"), ["exec", "./src/scripts/seed.ts"], {
    cwd: root,
    env,
    maxBuffer: 64 * 1024 * 1024,
  })
  const keys = { webKey: stdout.match(/Web key (pk_\w+)/)?.[1] ?? "", appKey: stdout.match(/Mobile App key (pk_\w+)/)?.[1] ?? "" }
  if (!keys.webKey || !keys.appKey) throw new Error(`the demo seed printed no publishable keys:\n${stdout.slice(-3000)}`)
  await adminSql(`COMMENT ON DATABASE "${dbName}" IS '${JSON.stringify(keys)}'`)
  return { dbName, keys }
}
