/**
 * Boots the store exactly as the README's first line does (`npm run dev` runs
 * `node scripts/dev.mjs`; no
 * DATABASE_URL, no REDIS_URL): embedded PostgreSQL, migrations, seed, server.
 * Checks what the banner prints works, that Ctrl-C leaves no postgres behind,
 * and that a second start keeps the data and re-seeds nothing.
 */
import { ChildProcess, execFileSync, spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort } from "../utils/ports"

jest.setTimeout(600_000)

const root = path.resolve(__dirname, "../..")


type Boot = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function boot(env: NodeJS.ProcessEnv): Boot {
  let output = ""
  const child = spawn(process.execPath, ["scripts/dev.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
  child.stdout!.on("data", (chunk) => (output += chunk))
  child.stderr!.on("data", (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function waitFor(boot: Boot, pattern: RegExp, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = boot.output().match(pattern)
    if (match) return match
    if (boot.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`never saw ${pattern} in:\n${boot.output().slice(-4000)}`)
}

function pgrep(...args: string[]) {
  try {
    // No shell: a shell's own command line would match the pattern.
    return execFileSync("pgrep", args, { encoding: "utf8" }).trim()
  } catch {
    return ""
  }
}
const postgresProcessesFor = (dataDir: string) => pgrep("-f", "--", dataDir)
/** What is still running of a stopped boot: its process group, and whatever still serves its port. */
const leftovers = async (boot: Boot, port: number) => {
  const serving = await fetch(`http://localhost:${port}/health`).then(
    () => `something still answers on :${port}`,
    () => ""
  )
  return [pgrep("-g", String(boot.child.pid)), serving].filter(Boolean).join(" ")
}

describe("README line 1: npm run dev", () => {
  let dataDir: string
  let env: NodeJS.ProcessEnv
  let port: number

  beforeAll(async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-smoke-"))
    fs.chmodSync(tmp, 0o755)
    dataDir = path.join(tmp, "pg")
    port = await freePort()
    env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA_DIR: dataDir }
    for (const name of ["DATABASE_URL", "REDIS_URL", "DISABLE_MEDUSA_ADMIN", "NODE_ENV", "LOG_LEVEL", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) {
      delete env[name]
    }
  })

  afterAll(() => {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
  })

  it("starts, prints working credentials and keys, stops cleanly and restarts with its data", async () => {
    const first = boot(env)
    try {
      const banner = await waitFor(first, /Publishable key:\s+(pk_\w+)\s+\(Web storefront\)/)
      const webKey = banner[1]
      const base = `http://localhost:${port}`
      expect(first.output()).toContain(`Admin:            ${base}/app`)
      expect((await fetch(`${base}/health`)).status).toBe(200)

      const login = await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@comeback.test", password: "comeback-admin" }),
      })
      expect(login.status).toBe(200)
      expect((await login.json()).token).toEqual(expect.any(String))

      const products = await fetch(`${base}/store/products?fields=title`, {
        headers: { "x-publishable-api-key": webKey },
      }).then((r) => r.json())
      expect(products.products.map((p) => p.title)).toContain("NCT Dream — Hot Sauce")

      const adminPage = await fetch(`${base}/app`)
      expect(adminPage.status).toBe(200)
      expect(postgresProcessesFor(dataDir)).not.toBe("")
    } finally {
      process.kill(-first.child.pid!, "SIGINT") // Ctrl-C: the whole process group
    }
    expect(await first.exited).toBe(0)
    await new Promise((r) => setTimeout(r, 1000))
    expect(postgresProcessesFor(dataDir)).toBe("")
    expect(await leftovers(first, port)).toBe("")

    const second = boot(env)
    try {
      await waitFor(second, /Publishable key:\s+(pk_\w+)\s+\(Web storefront\)/)
      expect(second.output()).toMatch(/seed \[6\/\d+\] albums.*already there/)
      expect(second.output()).not.toMatch(/seed \[\d+\/\d+\] [^\n]*: created/)
    } finally {
      process.kill(-second.child.pid!, "SIGINT")
    }
    expect(await second.exited).toBe(0)
    await new Promise((r) => setTimeout(r, 1000))
    expect(postgresProcessesFor(dataDir)).toBe("")
    expect(await leftovers(second, port)).toBe("")
  })
})
