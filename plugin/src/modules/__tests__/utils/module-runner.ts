import { moduleIntegrationTestRunner, type SuiteOptions } from "@medusajs/test-utils"
import path from "node:path"
import { Client } from "pg"

/**
 * moduleIntegrationTestRunner for one of our modules, on the test PostgreSQL
 * (`npm test` sets DB_HOST…): the module alone, its tables made by its own
 * migrations (so partial unique indexes are the real ones), in a database of
 * its own (`<COMEBACK_TEST_DB_PREFIX>_module_<name>_<pid>`) dropped afterwards.
 */
export function comebackModuleTestRunner<Service>(
  moduleDir: string,
  moduleName: string,
  testSuite: (options: SuiteOptions<Service>) => void
) {
  const dbName = `${process.env.COMEBACK_TEST_DB_PREFIX || "comeback"}_module_${moduleName.toLowerCase()}_${process.pid}`
  moduleIntegrationTestRunner<Service>({
    moduleName,
    resolve: moduleDir,
    pathToMigrations: path.join(moduleDir, "migrations"),
    dbName,
    testSuite,
  })
  afterAll(async () => {
    const client = new Client({
      host: process.env.DB_HOST,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
      database: "postgres",
    })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
    } finally {
      await client.end()
    }
  })
}

/** Runs `count` calls at once and sorts what came back: values, and error messages. */
export async function race<T>(count: number, call: (i: number) => Promise<T>) {
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, i) => call(i)))
  const fulfilled = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === "fulfilled").map((s) => s.value)
  const refused = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => (s.reason as Error).message)
  return { fulfilled, refused }
}
