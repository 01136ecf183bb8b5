import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"
import path from "node:path"

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

/** Runs admin SQL on the test PostgreSQL's `postgres` database. */
export async function adminSql(...statements: string[]) {
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
    database: "postgres",
  })
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
