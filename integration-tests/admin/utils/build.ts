import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"

export const root = path.resolve(__dirname, "../../..")
export const buildDir = path.join(root, ".medusa/server")
export const medusaBin = path.join(root, "node_modules/.bin/medusa")
const RUN_SECRET = randomBytes(32).toString("hex")
const stampFile = path.join(buildDir, ".comeback-test-run")

/**
 * One test run (one `npm test`, or one jest process by hand) builds once:
 * the first browser test file runs `medusa build`, later files find the stamp.
 */
const runId = () => process.env.COMEBACK_TEST_RUN || `jest-${process.pid}`

/** Runs a command and resolves with its combined output; rejects with it on a non-zero exit. */
export function runCommand(bin: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<string>((resolve, reject) => {
    let output = ""
    const child = spawn(bin, args, { ...options, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(bin)} ${args.join(" ")} exited with ${code}:\n${output.slice(-6000)}`))
    )
  })
}

/** Environment for the built app: the admin enabled, no test-only switches. */
export function appEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    // `medusa start` runs in production, which refuses to boot without real secrets.
    JWT_SECRET: RUN_SECRET,
    COOKIE_SECRET: RUN_SECRET,
    ...extra,
  }
  for (const name of ["DISABLE_MEDUSA_ADMIN", "NODE_ENV", "REDIS_URL", "STRIPE_API_KEY", "NODE_OPTIONS"]) delete env[name]
  return env
}

/**
 * `medusa build` (backend + admin) into .medusa/server, once per test run. Returns the seconds it took, or that this
 * file waited for it (0 when reused). Under `npm test` the build was started in the background before jest
 * (scripts/test.mjs), and COMEBACK_TEST_ADMIN_BUILD names the file where it reports; otherwise the first browser
 * file builds.
 */
export async function ensureAdminBuild(): Promise<number> {
  const status = process.env.COMEBACK_TEST_ADMIN_BUILD
  if (status) return waitForBackgroundBuild(status)
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === runId()) return 0
  const started = Date.now()
  await runCommand(medusaBin, ["build"], { cwd: root, env: appEnv({ LOG_LEVEL: "info" }) })
  if (!fs.existsSync(path.join(buildDir, "public/admin/index.html"))) {
    throw new Error("medusa build finished without an admin bundle in .medusa/server/public/admin")
  }
  fs.writeFileSync(stampFile, runId())
  return (Date.now() - started) / 1000
}

async function waitForBackgroundBuild(statusFile: string): Promise<number> {
  const started = Date.now()
  for (;;) {
    const status = JSON.parse(fs.readFileSync(statusFile, "utf8")) as { state: string; output?: string }
    if (status.state === "done") return (Date.now() - started) / 1000
    if (status.state === "failed") throw new Error(`medusa build (started by npm test) failed:\n${status.output}`)
    if (Date.now() - started > 15 * 60_000) throw new Error("medusa build (started by npm test) did not finish in 15 minutes")
    await new Promise((r) => setTimeout(r, 1000))
  }
}
