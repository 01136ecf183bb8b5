// The root app runs Comeback the way a store does: from the plugin's build (plugin/.medusa/server).
// Scripts that start the app call ensurePluginBuild() first: it runs `medusa plugin:build` when plugin/ has
// changed since the last build (or there is none), and does nothing otherwise.
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const pluginDir = path.join(root, "plugin")
const stampFile = path.join(pluginDir, ".medusa/server/.comeback-build")

function newestSourceTime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".medusa") continue
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

export function ensurePluginBuild({ log = console.log } = {}) {
  const built = fs.existsSync(stampFile) ? Number(fs.readFileSync(stampFile, "utf8")) : 0
  const changed = newestSourceTime(pluginDir)
  if (built && built >= changed) return false
  log("[comeback] building the plugin (npm run build:plugin)")
  const started = Date.now()
  const result = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build", "-w", "@comeback/medusa-plugin"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "" },
    encoding: "utf8",
  })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0 || /completed with errors/.test(output)) {
    console.error(output)
    throw new Error(`the plugin build failed (exit ${result.status}); see the output above`)
  }
  fs.writeFileSync(stampFile, String(changed))
  log(`[comeback] plugin built in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return true
}
