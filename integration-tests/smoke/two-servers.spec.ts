/**
 * Two `medusa start` processes on one database, no Redis: what a drop looks
 * like behind a load balancer. Parallel checkouts alternate between the two;
 * caps and limits must hold across processes, because they are enforced by
 * PostgreSQL, not by anything in one process's memory.
 */
import axios, { AxiosInstance } from "axios"
import { ChildProcess, execFile, spawn } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { freePort } from "../utils/ports"
import { adminSql, cloneTemplateDatabase, testDatabaseUrl } from "../utils/runner"
import { adminHeaders, completeCart, customerHeaders, readyCart, startPayment, storeHeaders } from "../utils/store"

jest.setTimeout(300_000)

const root = path.resolve(__dirname, "../..")
const medusa = path.join(root, "node_modules/.bin/medusa")
const run = promisify(execFile)

describe("two server processes, one database", () => {
  const dbName = `comeback_two_servers_${process.pid}`
  const servers: ChildProcess[] = []
  const apis: AxiosInstance[] = []
  let env: NodeJS.ProcessEnv
  let webKey: string
  let output = ""

  beforeAll(async () => {
    env = { ...process.env, DATABASE_URL: testDatabaseUrl(dbName), DISABLE_MEDUSA_ADMIN: "true", MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "error" }
    for (const name of ["REDIS_URL", "STRIPE_API_KEY", "NODE_ENV"]) delete env[name]
    const template = process.env.COMEBACK_TEST_TEMPLATE_DB
    if (template) await cloneTemplateDatabase(dbName, template)
    else {
      await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`)
      await run(medusa, ["db:migrate"], { cwd: root, env })
    }
    const seeded = await run(medusa, ["exec", "./src/scripts/seed.ts"], { cwd: root, env: { ...env, LOG_LEVEL: "info" } })
    webKey = seeded.stdout.match(/Web key (pk_\w+)/)![1]

    for (let i = 0; i < 2; i++) {
      const port = await freePort()
      const child = spawn(medusa, ["start"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] })
      child.stdout!.on("data", (chunk) => (output += chunk))
      child.stderr!.on("data", (chunk) => (output += chunk))
      servers.push(child)
      apis.push(axios.create({ baseURL: `http://localhost:${port}` }))
    }
    for (const api of apis) {
      const deadline = Date.now() + 120_000
      while (!(await api.get("/health").then(() => true, () => false))) {
        if (Date.now() > deadline) throw new Error(`a server never answered:\n${output.slice(-3000)}`)
        await new Promise((r) => setTimeout(r, 300))
      }
    }
  })

  afterAll(async () => {
    for (const child of servers) child.kill("SIGTERM")
    await Promise.all(servers.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))))
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  })

  const lookup = async (api: AxiosInstance) => {
    const admin = await adminHeaders(api)
    const { data } = await api.get("/store/products?handle=nct-dream-hot-sauce&fields=id,variants.id,variants.sku", storeHeaders(webKey))
    const product = data.products[0]
    const sku = (s: string) => product.variants.find((v) => v.sku === s).id as string
    const { data: regions } = await api.get("/store/regions", storeHeaders(webKey))
    const { data: options } = await api.get(`/admin/shipping-options?fields=id,name`, admin)
    return { admin, product, sku, regionId: regions.regions[0].id as string, shippingOptionId: options.shipping_options[0].id as string }
  }
  /** Builds a ready cart per buyer (alternating servers), then completes them all at once, alternating again. */
  const buyInParallel = async (buyers: { email: string; variant: string; code?: string }[], shop: Awaited<ReturnType<typeof lookup>>) => {
    const carts: string[] = []
    for (const [i, buyer] of buyers.entries()) {
      const api = apis[i % 2]
      const cartId = await readyCart(api, { key: webKey, regionId: shop.regionId, shippingOptionId: shop.shippingOptionId, email: buyer.email, items: [{ variant_id: buyer.variant, quantity: 1 }] })
      if (buyer.code) await api.post(`/store/carts/${cartId}/group-order`, { code: buyer.code }, storeHeaders(webKey))
      await startPayment(api, webKey, cartId)
      carts.push(cartId)
    }
    return Promise.all(carts.map((cartId, i) => completeCart(apis[(i + 1) % 2], webKey, cartId)))
  }

  it("a pre-order cap of 10 sells exactly 10 when 30 fans check out at once across both servers", async () => {
    const shop = await lookup(apis[0])
    const chilling = shop.sku("HOTSAUCE-PB-CHILLING")
    const { data } = await apis[0].get(`/admin/preorder-plans?variant_id=${chilling}`, shop.admin)
    await apis[1].post(`/admin/preorder-plans/${data.preorder_plans[0].id}`, { cap: 10 }, shop.admin)

    const results = await buyInParallel(Array.from({ length: 30 }, (_, i) => ({ email: `two-servers-${i}@example.com`, variant: chilling })), shop)
    expect(results.filter((r) => r.status === 200)).toHaveLength(10)
    expect(results.filter((r) => r.status === 400).map((r) => r.data.message)).toEqual(
      Array(20).fill(`NCT Dream — Hot Sauce (Photo Book "Chilling") is sold out for pre-order.`)
    )
    const { data: after } = await apis[1].get(`/admin/preorder-plans/${data.preorder_plans[0].id}`, shop.admin)
    expect(after.preorder_plan).toMatchObject({ cap: 10, reserved_units: 10, remaining_units: 0 })
  })

  it("40 fans at once for 100 pre-order units across both servers all get orders: no 5xx (the line per process feeds Medusa's inventory lock)", async () => {
    const shop = await lookup(apis[0])
    const boring = shop.sku("HOTSAUCE-PB-BORING")
    const { data } = await apis[0].get(`/admin/preorder-plans?variant_id=${boring}`, shop.admin)
    await apis[1].post(`/admin/preorder-plans/${data.preorder_plans[0].id}`, { cap: 100 }, shop.admin)
    const results = await buyInParallel(Array.from({ length: 40 }, (_, i) => ({ email: `two-servers-plenty-${i}@example.com`, variant: boring })), shop)
    // A storefront follows 429 + Retry-After with the same request.
    const final = await Promise.all(
      results.map(async (r, i) => {
        for (let attempt = 0; r.status === 429 && attempt < 30; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, Number(r.headers["retry-after"]) * 1000))
          r = await completeCart(apis[i % 2], webKey, r.config.url.split("/")[3])
        }
        return r
      })
    )
    expect(final.map((r) => r.status)).toEqual(Array(40).fill(200))
    const { data: after } = await apis[1].get(`/admin/preorder-plans/${data.preorder_plans[0].id}`, shop.admin)
    expect(after.preorder_plan).toMatchObject({ cap: 100, reserved_units: 40 })
  })

  it("a group of at most 5 members takes exactly 5 when 16 fans check out at once across both servers", async () => {
    const shop = await lookup(apis[1])
    const { data } = await apis[0].post(
      "/admin/group-campaigns",
      { title: "Two servers", product_ids: [shop.product.id], tiers: [{ min_units: 3, percent: 5 }], ends_at: new Date(Date.now() + 86_400_000).toISOString(), currency_code: "usd", max_members: 5 },
      shop.admin
    )
    const leader = await customerHeaders(apis[1], webKey, "two-servers-leader@example.com")
    const { data: started } = await apis[1].post("/store/group-orders", { campaign_id: data.group_campaign.id }, storeHeaders(webKey, leader))
    const code = started.group_order.code
    const crazy = shop.sku("HOTSAUCE-PB-CRAZY")
    const results = await buyInParallel(Array.from({ length: 16 }, (_, i) => ({ email: `two-servers-member-${i}@example.com`, variant: crazy, code })), shop)
    expect(results.filter((r) => r.status === 200)).toHaveLength(5)
    expect(new Set(results.filter((r) => r.status === 400).map((r) => r.data.message))).toEqual(new Set([`Group ${code} is full: it already has 5 members.`]))
    const { data: groups } = await apis[0].get(`/admin/group-campaigns/${data.group_campaign.id}/groups`, shop.admin)
    expect(groups.groups[0]).toMatchObject({ member_count: 5, held_units: 5 })
  })
})
