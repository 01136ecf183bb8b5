// One Medusa server of the benchmark: `medusa start` in its app folder, on its
// own port and database; CPU and RSS read from /proc; CPU profiles on demand.
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
export const root = path.resolve(here, "../..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Runs a medusa command to completion in `cwd`; its output is kept for the error message. */
export function medusa(cwd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [medusaBin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (c) => (out = (out + c).slice(-4000)))
    child.stderr.on("data", (c) => (out = (out + c).slice(-4000)))
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} in ${cwd} exited with ${code}:\n${out}`))))
  })
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
  return (Number(fields[11]) + Number(fields[12])) / 100 // utime, stime in clock ticks (100/s on Linux)
}

export function rssMb(pid) {
  return Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)[1]) / 1024
}

export async function startServer({ name, cwd, port, env, profileDir, log }) {
  fs.mkdirSync(profileDir, { recursive: true })
  const child = spawn(process.execPath, ["--require", path.join(here, "profiler-preload.cjs"), medusaBin, "start"], {
    cwd,
    env: { ...env, PORT: String(port), BENCH_PROFILE_DIR: profileDir },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  })
  let stderr = ""
  child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4000)))
  const base = `http://127.0.0.1:${port}`
  const t0 = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name}: medusa start exited with ${child.exitCode}\n${stderr}`)
    if (await fetch(`${base}/health`).then((r) => r.ok).catch(() => false)) break
    if (Date.now() - t0 > 180_000) throw new Error(`${name}: no answer on /health in 180 s\n${stderr}`)
    await sleep(250)
  }
  log(`${name}: medusa start answered on :${port} after ${((Date.now() - t0) / 1000).toFixed(1)} s`)

  const server = {
    name,
    base,
    pid: child.pid,
    boot_seconds: (Date.now() - t0) / 1000,
    /**
     * Waits until the server has been (nearly) idle for half a second: background subscribers done.
     * `busyShare`: the CPU share still counted as idle (a running CPU profiler costs a few %).
     */
    async settle(maxMs = 30_000, busyShare = 0.08) {
      const start = Date.now()
      let last = cpuSeconds(child.pid)
      let quiet = 0
      while (Date.now() - start < maxMs) {
        await sleep(250)
        const now = cpuSeconds(child.pid)
        quiet = now - last < busyShare * 0.25 ? quiet + 1 : 0
        if (quiet >= 2) return
        last = now
      }
    },
    /** Runs fn with a CPU profile and workflow step timings of the server around it; returns [fn's result, profile, steps]. */
    async profiled(fn) {
      const before = new Set(fs.readdirSync(profileDir))
      process.kill(child.pid, "SIGUSR2")
      await sleep(300)
      const result = await fn()
      process.kill(child.pid, "SIGUSR2")
      for (let i = 0; i < 200; i++) {
        const file = fs.readdirSync(profileDir).find((f) => !before.has(f) && f.endsWith(".cpuprofile"))
        if (file) {
          const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8"))
          const steps = JSON.parse(fs.readFileSync(path.join(profileDir, file.replace(/\.cpuprofile$/, ".steps.json")), "utf8"))
          return [result, profile, steps]
        }
        await sleep(100)
      }
      throw new Error(`${name}: no CPU profile written`)
    },
    async stop() {
      if (child.exitCode !== null) return
      await new Promise((resolve) => {
        child.once("exit", resolve)
        try {
          process.kill(-child.pid, "SIGTERM")
        } catch {}
        setTimeout(() => {
          try {
            process.kill(-child.pid, "SIGKILL")
          } catch {}
        }, 10_000).unref()
      })
    },
  }
  return server
}
