/**
 * Two `medusa start` processes on one database, no Redis: what a drop looks
 * like behind a load balancer. Parallel checkouts alternate between the two;
 * caps and limits must hold across processes, because they are enforced by
 * PostgreSQL, not by anything in one process's memory; and money moves once:
 * both servers settling the same group, or cancelling the same pre-order, at
 * the same moment refund exactly once (the refund is claimed in PostgreSQL).
 * Both run in production mode with real secrets, so a forged admin token fails.
 */
import axios, { AxiosInstance } from "axios"
import jwt from "jsonwebtoken"
import { ChildProcess, execFile, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import path from "node:path"
import { promisify } from "node:util"
import { freePort } from "../utils/ports"
import { pool } from "../utils/async"
import { adminSql, cloneTemplateDatabase, seededTemplateDatabase, testDatabaseUrl } from "../utils/runner"
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
  let stopping = false
  // `medusa start` is production mode: it refuses to boot without real secrets.
  const jwtSecret = randomBytes(32).toString("hex")

  beforeAll(async () => {
    env = {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(dbName),
      DISABLE_MEDUSA_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "error",
      JWT_SECRET: jwtSecret,
      COOKIE_SECRET: randomBytes(32).toString("hex"),
    }
    for (const name of ["REDIS_URL", "STRIPE_API_KEY", "NODE_ENV"]) delete env[name]
    const template = process.env.COMEBACK_TEST_TEMPLATE_DB
    if (template) {
      // The run's seeded copy of the template (seeded once, shared with the browser tests).
      const seeded = await seededTemplateDatabase(template)
      await cloneTemplateDatabase(dbName, seeded.dbName)
      webKey = seeded.keys.webKey
    } else {
      await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`)
      await run(medusa, ["db:migrate"], { cwd: root, env })
      const seeded = await run(medusa, ["exec", "./src/scripts/seed.ts"], { cwd: root, env: { ...env, LOG_LEVEL: "info" } })
      webKey = seeded.stdout.match(/Web key (pk_\w+)/)![1]
    }

    for (let i = 0; i < 2; i++) {
      const port = await freePort()
      const child = spawn(medusa, ["start"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] })
      child.stdout!.on("data", (chunk) => (output += chunk))
      child.stderr!.on("data", (chunk) => (output += chunk))
      // A server that dies mid-file fails every later test with ECONNREFUSED: say how it died.
      child.once("exit", (code, signal) => {
        if (!stopping) console.error(`server ${i + 1} (:${port}) exited with ${code ?? signal} during the tests:\n${output.slice(-4000)}`)
      })
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
    stopping = true
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
  /**
   * Builds a ready cart per buyer (alternating servers, a few at a time: carts are not what is raced), then
   * completes them all at once, alternating again.
   */
  const buyInParallel = async (buyers: { email: string; variant: string; code?: string }[], shop: Awaited<ReturnType<typeof lookup>>) => {
    const carts = await pool(buyers, 6, async (buyer, i) => {
      const api = apis[i % 2]
      const cartId = await readyCart(api, { key: webKey, regionId: shop.regionId, shippingOptionId: shop.shippingOptionId, email: buyer.email, items: [{ variant_id: buyer.variant, quantity: 1 }] })
      if (buyer.code) await api.post(`/store/carts/${cartId}/group-order`, { code: buyer.code }, storeHeaders(webKey))
      await startPayment(api, webKey, cartId)
      return cartId
    })
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

  const orderRefunds = async (api: AxiosInstance, admin: object, orderId: string) => {
    const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.refunds.amount,payment_collections.payments.refunds.note`, admin)
    return data.order.payment_collections.flatMap((c) => c.payments).flatMap((p) => p.refunds ?? []) as { amount: number; note: string }[]
  }
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await read()
      if (done(value) || Date.now() > deadline) return value
      await new Promise((r) => setTimeout(r, 250))
    }
  }

  it("both servers settling the same group at the same moment refund each member exactly once", async () => {
    const shop = await lookup(apis[0])
    const { data } = await apis[0].post(
      "/admin/group-campaigns",
      { title: "Settle race", product_ids: [shop.product.id], tiers: [{ min_units: 3, percent: 10 }], ends_at: new Date(Date.now() + 86_400_000).toISOString(), currency_code: "usd" },
      shop.admin
    )
    const leader = await customerHeaders(apis[0], webKey, "settle-race-leader@example.com")
    const { data: started } = await apis[0].post("/store/group-orders", { campaign_id: data.group_campaign.id }, storeHeaders(webKey, leader))
    const code = started.group_order.code
    const buyers = Array.from({ length: 4 }, (_, i) => ({ email: `settle-race-${i}@example.com`, variant: shop.sku("HOTSAUCE-JEWEL"), code }))
    // Bought at once, before any order counts: each paid at no tier and is owed 10 % at settlement.
    const bought = await buyInParallel(buyers, shop)
    expect(bought.map((r) => r.status)).toEqual([200, 200, 200, 200])
    const groupId = (await apis[1].get(`/admin/group-campaigns/${data.group_campaign.id}/groups`, shop.admin)).data.groups[0].id
    const placed = await until(
      async () => (await apis[1].get(`/admin/group-orders/${groupId}`, shop.admin)).data.group_order.purchases,
      (purchases: any[]) => purchases.length === 4 && purchases.every((p) => p.status === "placed")
    )
    expect(placed.map((p) => p.status)).toEqual(["placed", "placed", "placed", "placed"])

    const settled = await Promise.all(apis.map((api) => api.post(`/admin/group-orders/${groupId}/settle`, {}, shop.admin).catch((e) => e.response)))
    expect(settled.map((r) => r.status)).toEqual([200, 200])
    // Whichever run finished last saw every refund recorded and settled the group; a third run finds nothing to do.
    const again = await apis[0].post(`/admin/group-orders/${groupId}/settle`, {}, shop.admin)
    expect(again.data.group_order.status).toBe("settled")
    expect(again.data.outcome).toMatchObject({ refunded: 0, in_progress: 0, failed: 0 })
    // Members who paid below the final 10 % are owed 10 % of $14.99 less what they got: exactly one refund each.
    const purchases = again.data.group_order.purchases ?? (await apis[1].get(`/admin/group-orders/${groupId}`, shop.admin)).data.group_order.purchases
    const owed = purchases.filter((p) => Number(p.paid_percent ?? 0) < 10)
    expect(owed.length).toBeGreaterThan(0)
    expect(settled[0].data.outcome.refunded + settled[1].data.outcome.refunded).toBe(owed.length)
    for (const purchase of purchases) {
      const refunds = await orderRefunds(apis[1], shop.admin, purchase.order_id)
      expect(refunds).toHaveLength(owed.includes(purchase) ? 1 : 0)
      expect(purchase.refund_status).toBe(owed.includes(purchase) ? "refunded" : "not_owed")
    }
    expect(owed.filter((p) => Number(p.paid_percent ?? 0) === 0).every((p) => p.refund_amount === "1.5")).toBe(true)
  })

  it("both servers cancelling the same pre-order at the same moment refund it exactly once", async () => {
    const shop = await lookup(apis[1])
    const boring = shop.sku("HOTSAUCE-PB-BORING")
    const fans = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const email = `cancel-race-${i}@example.com`
        const auth = await customerHeaders(apis[i % 2], webKey, email)
        const cartId = await readyCart(apis[i % 2], { key: webKey, regionId: shop.regionId, shippingOptionId: shop.shippingOptionId, email, items: [{ variant_id: boring, quantity: 1 }], headers: auth })
        await startPayment(apis[i % 2], webKey, cartId, "pp_system_default", auth)
        const completed = await completeCart(apis[(i + 1) % 2], webKey, cartId, auth)
        expect(completed.status).toBe(200)
        const orderId = completed.data.order.id as string
        // Captured at placement by a subscriber: only a captured payment is refunded.
        const status = await until(
          async () => (await apis[i % 2].get(`/admin/orders/${orderId}?fields=payment_status`, shop.admin)).data.order.payment_status,
          (value) => value === "captured"
        )
        expect(status).toBe("captured")
        return { auth, orderId }
      })
    )
    const { data } = await apis[0].get(`/admin/preorder-plans?variant_id=${boring}`, shop.admin)
    const plan = data.preorder_plans[0]
    const later = new Date(new Date(plan.release_date).getTime() + 14 * 86_400_000).toISOString()
    await apis[1].post(`/admin/preorder-plans/${plan.id}`, { release_date: later, reason: "Production delay" }, shop.admin)

    for (const fan of fans) {
      const store = storeHeaders(webKey, fan.auth)
      const [item] = await until(
        async () => (await apis[0].get("/store/customers/me/preorders", store)).data.preorders,
        (items: any[]) => items.length === 1 && items[0].can_cancel
      )
      const answers = await Promise.all(apis.map((api) => api.post(`/store/customers/me/preorders/${item.id}/cancel`, {}, store).catch((e) => e.response)))
      expect(answers.map((r) => r.status).sort()).toEqual([200, 400])
      expect(answers.find((r) => r.status === 400).data.message).toBe("This pre-order is cancelled and can no longer be cancelled")
      const refunds = await orderRefunds(apis[0], shop.admin, fan.orderId)
      expect(refunds.map((r) => Number(r.amount))).toEqual([24.99])
    }
    const { data: after } = await apis[0].get(`/admin/preorder-plans/${plan.id}`, shop.admin)
    expect(after.preorder_plan.reserved_units).toBe(plan.reserved_units - 3)
  })

  it("refuses an admin token forged with the old default secret, and takes one signed with the real secret", async () => {
    const claims = { actor_id: "user_forged", actor_type: "user", auth_identity_id: "authid_forged", app_metadata: { user_id: "user_forged" } }
    const forged = jwt.sign(claims, "supersecret", { expiresIn: "1h" })
    const refused = await apis[0].get("/admin/preorder-plans", { headers: { authorization: `Bearer ${forged}` } }).catch((e) => e.response)
    expect(refused.status).toBe(401)
    // The same claims signed with the server's secret pass: the refusal is the secret, not the claims.
    const genuine = jwt.sign(claims, jwtSecret, { expiresIn: "1h" })
    const taken = await apis[1].get("/admin/preorder-plans", { headers: { authorization: `Bearer ${genuine}` } }).catch((e) => e.response)
    expect(taken.status).toBe(200)
  })
})
