/**
 * Installs Comeback the way a store does: `npm pack` of the plugin's build, `npm install` of that tarball into a
 * separate, minimal Medusa store in a temporary folder (the official starter's shape: package.json, medusa-config.ts,
 * tsconfig.json, src/), with its own database; `medusa db:migrate`, `medusa build`, `medusa start`.
 *
 * 1. giveaways turned off in the options: a route of every other feature answers, the giveaway routes are absent,
 *    and the store's built admin carries Comeback's extensions.
 * 2. the store has its own completeCartWorkflow.hooks.validate handler: without `host_hooks` the boot stops with a
 *    message naming the hook and the fix; with it, the store boots, its own rule runs, and a pre-order cap holds
 *    because its handler calls Comeback's exported one.
 */
import axios, { AxiosInstance } from "axios"
import { ChildProcess, execFile, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { Client } from "pg"
import { waitFor } from "../utils/async"
import { freePort } from "../utils/ports"
import { adminSql, testDatabaseUrl, testDbName } from "../utils/runner"
import { completeCart, readyCart, startPayment, storeHeaders } from "../utils/store"

jest.setTimeout(600_000)

const root = path.resolve(__dirname, "../..")
const run = promisify(execFile)
const pluginPkg = JSON.parse(fs.readFileSync(path.join(root, "plugin/package.json"), "utf8"))
const rootPkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))

const ADMIN = { email: "owner@store.test", password: "store-owner-password-1" }

/** The store's medusa-config.ts: the starter's, plus Comeback in `plugins`. */
const storeConfig = (comebackOptions: string) => `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: { disable: process.env.DISABLE_MEDUSA_ADMIN === "true" },
  plugins: [{ resolve: "@comeback/medusa-plugin", options: ${comebackOptions} }],
})
`

/** The store's own checkout rule, in the one completeCartWorkflow.validate handler Medusa allows. */
const HOST_VALIDATE_HOOK = `import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { releaseDropCheckout, reserveDropCheckout } from "@comeback/medusa-plugin/hooks"

completeCartWorkflow.hooks.validate(async (data, context) => {
  if ((data.cart as { metadata?: Record<string, unknown> }).metadata?.on_hold) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is on hold by the store.")
  }
  return reserveDropCheckout(data, context)
}, releaseDropCheckout)
`

/** The store's seed: Comeback's demo catalog (Medusa only) and a pre-order plan capped at 1 unit. */
const SEED_DROP = `import type { ExecArgs } from "@medusajs/framework/types"
import { createPreorderPlanWorkflow } from "@comeback/medusa-plugin/workflows"
import { seedCatalog } from "./demo/seed-catalog"
import { HOT_SAUCE_HANDLE } from "./demo/config"

export default async function seedDrop({ container }: ExecArgs) {
  const catalog = await seedCatalog(container)
  const variantId = catalog.products[HOT_SAUCE_HANDLE].variants["HOTSAUCE-PB-CHILLING"]
  await createPreorderPlanWorkflow(container).run({
    input: { variant_id: variantId, release_date: catalog.releaseDate, window_opens_at: new Date(), status: "active", cap: 1, per_customer_limit: null, benefit_note: null, benefit_pool: null },
  })
  console.log("SEED " + JSON.stringify({ webKey: catalog.webKey, regionId: catalog.regionId, shippingOptionId: catalog.shippingOptionId, variantId }))
}
`

describe("installing the packed plugin into a separate Medusa store", () => {
  const dbName = testDbName("install")
  let store: string
  let env: NodeJS.ProcessEnv
  let server: ChildProcess | null = null
  let output = ""
  const medusa = () => path.join(store, "node_modules/.bin/medusa")

  const inStore = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    run(medusa(), args, { cwd: store, env: { ...env, ...extra }, maxBuffer: 64 * 1024 * 1024 })

  /**
   * `medusa start` in the store: from its build (`.medusa/server`, as in production, admin included) or from its
   * sources (admin off). Resolves with an API client once /health answers, or with the exit code if it stops.
   */
  async function start(from: "build" | "sources"): Promise<{ api: AxiosInstance } | { exitCode: number; output: string }> {
    const port = await freePort()
    output = ""
    const cwd = from === "build" ? path.join(store, ".medusa/server") : store
    const extra = from === "build" ? {} : { DISABLE_MEDUSA_ADMIN: "true" }
    const child = spawn(medusa(), ["start"], { cwd, env: { ...env, ...extra, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    server = child
    const api = axios.create({ baseURL: `http://localhost:${port}` })
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) return { exitCode: child.exitCode, output }
      if (await api.get("/health").then(() => true, () => false)) return { api }
      await new Promise((r) => setTimeout(r, 300))
    }
    throw new Error(`the store never answered /health:\n${output.slice(-4000)}`)
  }

  async function stop() {
    const child = server
    server = null
    if (!child || child.exitCode !== null) return
    child.kill("SIGTERM")
    await new Promise((r) => child.once("exit", r))
  }

  /** What the store logged, as a person reads it: production logs are JSON lines, one message each. */
  const logText = () =>
    output
      .split("\n")
      .map((line) => {
        try {
          return JSON.parse(line).message ?? line
        } catch {
          return line
        }
      })
      .join("\n")

  const writeStore = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(store, file)), { recursive: true })
    fs.writeFileSync(path.join(store, file), text)
  }

  async function adminApi(api: AxiosInstance) {
    const { data } = await api.post("/auth/user/emailpass", ADMIN)
    return { headers: { Authorization: `Bearer ${data.token}` } }
  }

  beforeAll(async () => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-store-"))
    env = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: testDatabaseUrl(dbName),
      JWT_SECRET: randomBytes(32).toString("hex"),
      COOKIE_SECRET: randomBytes(32).toString("hex"),
      STORE_CORS: "http://localhost:8000",
      ADMIN_CORS: "http://localhost:9000",
      AUTH_CORS: "http://localhost:9000",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "info",
    }
    for (const name of ["REDIS_URL", "STRIPE_API_KEY", "DISABLE_MEDUSA_ADMIN", "NODE_OPTIONS", "APP_ATTESTATION_DEMO"]) delete env[name]

    // The package a store would download: `npm pack` of the plugin's build (`npm test` built it).
    const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", store], { cwd: path.join(root, "plugin") })
    const tarball = path.join(store, JSON.parse(packed.stdout)[0].filename)

    // A starter-shaped store. Its dependencies are the same pinned Medusa packages as this repository's, so its
    // node_modules starts as hard links of ours (no download); npm then installs the tarball as for any package.
    const medusaDeps = Object.fromEntries(Object.entries(rootPkg.dependencies as Record<string, string>).filter(([name]) => name.startsWith("@medusajs/")))
    writeStore(
      "package.json",
      JSON.stringify(
        {
          name: "my-kpop-store",
          version: "0.0.1",
          private: true,
          scripts: { build: "medusa build", start: "medusa start" },
          dependencies: { ...medusaDeps, "@comeback/medusa-plugin": `file:${path.basename(tarball)}` },
          devDependencies: {
            "@swc/core": rootPkg.devDependencies["@swc/core"],
            "@types/node": rootPkg.devDependencies["@types/node"],
            "ts-node": rootPkg.devDependencies["ts-node"],
            typescript: rootPkg.devDependencies.typescript,
            react: rootPkg.devDependencies.react,
            "react-dom": rootPkg.devDependencies["react-dom"],
          },
        },
        null,
        2
      )
    )
    writeStore("tsconfig.json", fs.readFileSync(path.join(root, "tsconfig.json"), "utf8"))
    writeStore("medusa-config.ts", storeConfig(`{ giveaways: { enabled: false } }`))
    for (const file of ["catalog.ts", "config.ts", "seed-catalog.ts"]) {
      writeStore(`src/scripts/demo/${file}`, fs.readFileSync(path.join(root, "src/scripts/demo", file), "utf8"))
    }
    writeStore("src/scripts/seed-drop.ts", SEED_DROP)
    await run("cp", ["-al", path.join(root, "node_modules"), path.join(store, "node_modules")])
    fs.rmSync(path.join(store, "node_modules/@comeback"), { recursive: true, force: true })
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: store, env: { ...env, NODE_ENV: "" } })
    const installed = JSON.parse(fs.readFileSync(path.join(store, "node_modules/@comeback/medusa-plugin/package.json"), "utf8"))
    expect(installed.version).toBe(pluginPkg.version)
    expect(fs.lstatSync(path.join(store, "node_modules/@comeback/medusa-plugin")).isSymbolicLink()).toBe(false)

    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`)
    await inStore(["db:migrate"])
    await inStore(["user", "-e", ADMIN.email, "-p", ADMIN.password])
  })

  afterAll(async () => {
    await stop()
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
    if (store) fs.rmSync(store, { recursive: true, force: true })
  })

  it("migrates Comeback's tables into the store's own database", async () => {
    const client = new Client({ connectionString: testDatabaseUrl(dbName) })
    await client.connect()
    const { rows } = await client
      .query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_name IN ('preorder_plan', 'group_campaign', 'app_channel', 'giveaway', 'finance_order_row') ORDER BY table_name`
      )
      .finally(() => client.end())
    expect(rows.map((r) => r.table_name)).toEqual(["app_channel", "finance_order_row", "giveaway", "group_campaign", "preorder_plan"])
  })

  it("with giveaways turned off: every other feature has its routes, giveaways have none, and the built admin carries Comeback's extensions", async () => {
    await inStore(["build"])
    const assets = path.join(store, ".medusa/server/public/admin/assets")
    const bundle = fs.readdirSync(assets).filter((f) => f.endsWith(".js")).map((f) => fs.readFileSync(path.join(assets, f), "utf8")).join("\n")
    // Texts of plugin/src/admin: a widget's toast, two pages' sidebar labels, an admin route it calls.
    for (const text of ["Pre-order plan saved", "App channels", "Giveaways", "/admin/preorder-plans"]) expect(bundle).toContain(text)

    // As the starter's README deploys it: the build directory with the store's dependencies.
    fs.symlinkSync(path.join(store, "node_modules"), path.join(store, ".medusa/server/node_modules"), "dir")
    const started = await start("build")
    if (!("api" in started)) throw new Error(`the store did not boot (exit ${started.exitCode}):\n${started.output.slice(-4000)}`)
    const { api } = started
    expect(logText()).toContain("[comeback] features on: preorders, group_orders, app_promotions, finance_reports; off: giveaways")
    const admin = await adminApi(api)
    const status = async (url: string) => (await api.get(url, admin).catch((e) => e.response)).status
    expect(await status("/admin/preorder-plans")).toBe(200)
    expect(await status("/admin/group-campaigns")).toBe(200)
    expect(await status("/admin/app-channels")).toBe(200)
    expect(await status("/admin/reports/order-exports")).toBe(200)
    const giveaways = await api.get("/admin/giveaways", admin).catch((e) => e.response)
    expect(giveaways.status).toBe(404)
    expect(giveaways.data.message).toContain("the giveaways feature is turned off")
    // Medusa's own routes are untouched.
    expect(await status("/admin/products")).toBe(200)
    expect((await api.get("/app")).status).toBe(200)
    await stop()
  })

  it("a store with its own completeCartWorkflow.validate handler: the boot names the conflict and the fix, then with host_hooks the store's rule runs and a pre-order cap holds", async () => {
    writeStore("src/workflows/hooks/complete-cart.ts", HOST_VALIDATE_HOOK)
    writeStore("medusa-config.ts", storeConfig(`{}`))
    const refused = await start("sources")
    expect(refused).toMatchObject({ exitCode: 1 })
    expect(logText()).toContain("[comeback] your store already handles this workflow hook")
    expect(logText()).toContain(`Fix: add host_hooks: ["completeCartWorkflow.validate"] to the @comeback/medusa-plugin options`)
    expect(logText()).toContain(`call reserveDropCheckout (and releaseDropCheckout as its compensation) from "@comeback/medusa-plugin/hooks"`)

    writeStore("medusa-config.ts", storeConfig(`{ host_hooks: ["completeCartWorkflow.validate"] }`))
    const seeded = await inStore(["exec", "./src/scripts/seed-drop.ts"])
    const seed = JSON.parse(seeded.stdout.match(/SEED (\{.*\})/)![1])
    const started = await start("sources")
    if (!("api" in started)) throw new Error(`the store did not boot (exit ${started.exitCode}):\n${started.output.slice(-4000)}`)
    const { api } = started
    expect(logText()).toContain("the store handles completeCartWorkflow.validate itself")

    const cart = async (email: string, metadata?: Record<string, unknown>) => {
      const id = await readyCart(api, { key: seed.webKey, regionId: seed.regionId, shippingOptionId: seed.shippingOptionId, email, items: [{ variant_id: seed.variantId, quantity: 1 }] }).catch((e) => {
        throw new Error(`creating a cart: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
      })
      if (metadata) await api.post(`/store/carts/${id}`, { metadata }, storeHeaders(seed.webKey))
      await startPayment(api, seed.webKey, id)
      return id
    }
    // Three fans with carts ready, then checking out one after the other.
    const heldCart = await cart("held@example.com", { on_hold: true })
    const firstCart = await cart("first@example.com")
    const secondCart = await cart("second@example.com")
    // The store's own rule: refused before Comeback reserves anything.
    const held = await completeCart(api, seed.webKey, heldCart)
    expect({ status: held.status, message: held.data.message }).toEqual({ status: 400, message: "This cart is on hold by the store." })
    // The unit it was admitted with goes back on sale once that answer is out.
    const admin = await adminApi(api)
    const plan = async () => (await api.get(`/admin/preorder-plans?variant_id=${seed.variantId}`, admin)).data.preorder_plans[0]
    await waitFor(plan, (p) => p.reserved_units === 0)
    // The cap of 1 through the store's handler: the first fan gets the unit, the second hears it is sold out.
    const first = await completeCart(api, seed.webKey, firstCart)
    expect({ status: first.status, type: first.data.type, message: first.data.message }).toEqual({ status: 200, type: "order", message: undefined })
    const second = await completeCart(api, seed.webKey, secondCart)
    expect(second.status).toBe(400)
    expect(second.data.message).toMatch(/sold out for pre-order/)
    expect(await plan()).toMatchObject({ cap: 1, reserved_units: 1, remaining_units: 0 })
    await stop()
  })
})
