/**
 * The production topology, proven: the app built with `medusa build`, two
 * server processes (MEDUSA_WORKER_MODE=server) and one worker (worker) started
 * from the build with `medusa start`, on one PostgreSQL and one Redis (Medusa's
 * Redis event bus, cache, workflow engine and locking). Every check goes
 * through HTTP, with requests spread over both servers.
 *
 * `npm run topology` runs it at full size; inside `npm test` it runs at CI size
 * (TOPOLOGY_SCALE=ci). Without a reachable Redis it fails in CI (CI=true) and is
 * skipped, saying so, elsewhere.
 */
import { AxiosInstance } from "axios"
import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { Client } from "pg"
import { DEMO_APP_KEY } from "@comeback/medusa-plugin/internal/modules/app-channel/demo-key"
import { signAppToken } from "@comeback/medusa-plugin/internal/modules/app-channel/lib/app-token"
import { adminSql, cloneTemplateDatabase, testDatabaseUrl, testDbName } from "../utils/runner"
import { startBeaconStandIn } from "../utils/beacon-stand-in"
import { adminHeaders, completeCart, readyCart, startPayment, storeHeaders } from "../utils/store"
import {
  buildDir,
  claimRedisDatabase,
  DEFAULT_REDIS_URL,
  ensureBuild,
  MedusaProcess,
  REDIS_NEEDED,
  redisUnreachable,
  root,
  scheduledJobRuns,
} from "../utils/topology"

jest.setTimeout(900_000)

const run = promisify(execFile)
const medusa = path.join(root, "node_modules/.bin/medusa")
const FULL = process.env.TOPOLOGY_SCALE === "full"
const SIZE = FULL
  ? { capBuyers: 30, cap: 10, greedyCarts: 6, groupBuyers: 16, groupMax: 5, appCarts: 5, lockRequests: 8, releaseOrders: 3, settleMembers: 4, killMembers: 8 }
  : { capBuyers: 10, cap: 4, greedyCarts: 4, groupBuyers: 6, groupMax: 3, appCarts: 3, lockRequests: 4, releaseOrders: 2, settleMembers: 3, killMembers: 4 }
const JOB_SECONDS = 5
/**
 * Lines only a process that handles events or runs jobs writes: the Redis event bus's "Processing <event> … which
 * has N subscribers" and "An error occurred while processing <event>", and our subscribers' and jobs' own.
 */
const WORKER_ONLY = /Processing [\w.]+ (\(priority: \d+\) )?which has \d+ subscribers|An error occurred while processing|finance rows:|pre-orders:|group orders:|giveaways:|app offers:|checkout holds:/
const redisBase = process.env.TOPOLOGY_REDIS_URL || DEFAULT_REDIS_URL
const figures: Record<string, unknown> = { scale: FULL ? "full" : "ci" }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const log = (line: string) => process.stdout.write(`[topology] ${line}\n`)

async function until<T>(what: string, probe: () => Promise<T | false | null | undefined>, timeoutMs = 120_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await sleep(everyMs)
  }
}

// CI machines have Redis: there (CI set, as .ci/run does) a missing one fails the run.
// Elsewhere (a laptop without Redis) the file is skipped, saying why.
const unreachable = redisUnreachable(redisBase)
if (unreachable && process.env.CI && process.env.CI !== "false") throw new Error(`${REDIS_NEEDED}\nRedis at ${redisBase}: ${unreachable}`)
if (unreachable) log(`SKIPPED: Redis at ${redisBase} does not answer (${unreachable}). ${REDIS_NEEDED}`)

;(unreachable ? describe.skip : describe)("production topology: 2 servers + 1 worker, built, on PostgreSQL and Redis", () => {
  const dbName = testDbName("topology")
  let redis: Awaited<ReturnType<typeof claimRedisDatabase>> | null = null
  let beacon: Awaited<ReturnType<typeof startBeaconStandIn>> | null = null
  let s1: MedusaProcess, s2: MedusaProcess, worker: MedusaProcess
  let servers: MedusaProcess[]
  let webKey: string, appKey: string
  let admin: { headers: Record<string, string> }
  let db: Client
  let shop: { productId: string; sku: (s: string) => string; regionId: string; shippingOptionId: string }
  const started = Date.now()
  let requests = 0

  let testStarted = 0
  beforeEach(() => {
    testStarted = Date.now()
    log(`start: ${expect.getState().currentTestName}`)
  })
  afterEach(() => log(`done in ${((Date.now() - testStarted) / 1000).toFixed(1)} s`))

  const api = (i: number): AxiosInstance => servers[i % 2].api
  const all = () => [s1, s2, worker]

  beforeAll(async () => {
    // Inside `npm test` (which prepared COMEBACK_TEST_TEMPLATE_DB) the admin tests' build is shared.
    figures.build_seconds = await ensureBuild(log, { shareWithAdminTests: !!process.env.COMEBACK_TEST_TEMPLATE_DB })
    // Draws read drand's beacon over HTTPS; this machine may have no internet. A local stand-in of its
    // HTTP API, its clock 40 days ahead, publishes every round a giveaway of this run commits to.
    beacon = await startBeaconStandIn()
    beacon.setNow(new Date(Date.now() + 40 * 86_400_000))
    redis = await claimRedisDatabase(redisBase)
    log(`Redis ${redis.url}, database ${dbName}`)

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: testDatabaseUrl(dbName),
      REDIS_URL: redis.url,
      NODE_ENV: "production",
      JWT_SECRET: "topology-jwt-secret-not-for-production",
      COOKIE_SECRET: "topology-cookie-secret-not-for-production",
      DISABLE_MEDUSA_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "info",
      // Every job every 5 seconds, so the run sees several firings of each.
      COMEBACK_JOB_SCHEDULE: `*/${JOB_SECONDS} * * * * *`,
      // A killed worker's settlement lock expires after 10 s instead of 15 minutes, and the refund
      // it had claimed (and perhaps made) is taken over after 15 s: the production windows, shortened.
      COMEBACK_SETTLEMENT_LOCK_TTL: "10",
      COMEBACK_REFUND_CLAIM_STALE_SECONDS: "15",
      // Production trusts only configured app keys: configure the demo one explicitly.
      APP_ATTESTATION_KEYS: JSON.stringify({ [DEMO_APP_KEY.kid]: DEMO_APP_KEY.public_key_pem }),
      APP_ATTESTATION_DEMO: "true",
      GIVEAWAY_BEACON_URLS: beacon.url,
    }
    for (const name of ["STRIPE_API_KEY", "NODE_OPTIONS", "COMEBACK_TEST_TEMPLATE_DB"]) delete env[name]

    const template = process.env.COMEBACK_TEST_TEMPLATE_DB
    if (template) await cloneTemplateDatabase(dbName, template)
    else {
      await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`)
      await run(medusa, ["db:migrate"], { cwd: buildDir, env, maxBuffer: 64 * 1024 * 1024 })
    }
    const seeded = await run(medusa, ["exec", "./src/scripts/seed.js"], { cwd: buildDir, env, maxBuffer: 64 * 1024 * 1024 })
    webKey = seeded.stdout.match(/Web key (pk_\w+)/)![1]
    appKey = seeded.stdout.match(/Mobile App key (pk_\w+)/)![1]
    db = new Client({ connectionString: testDatabaseUrl(dbName) })
    await db.connect()

    // Every process's output, kept after the run for a look at what happened where.
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "comeback-topology-"))
    log(`process logs in ${logDir}`)
    s1 = new MedusaProcess("server-1", "server", env, logDir)
    s2 = new MedusaProcess("server-2", "server", env, logDir)
    worker = new MedusaProcess("worker", "worker", env, logDir)
    servers = [s1, s2]
    const booting = Date.now()
    // One at a time: three boots at once on two shared cores only slow each other down.
    for (const p of all()) await p.start()
    figures.boot_seconds = (Date.now() - booting) / 1000
    log(`3 processes up in ${figures.boot_seconds} s (build ${figures.build_seconds} s)`)

    admin = await adminHeaders(s1.api)
    const { data } = await s2.api.get("/store/products?handle=nct-dream-hot-sauce&fields=id,variants.id,variants.sku", storeHeaders(webKey))
    const product = data.products[0]
    const { data: regions } = await s1.api.get("/store/regions", storeHeaders(webKey))
    const { data: options } = await s2.api.get("/admin/shipping-options?fields=id,name", admin)
    shop = {
      productId: product.id,
      sku: (s: string) => product.variants.find((v: any) => v.sku === s).id,
      regionId: regions.regions[0].id,
      shippingOptionId: options.shipping_options[0].id,
    }
  })

  afterAll(async () => {
    figures.requests_to_servers = requests
    figures.requests_per_process = Object.fromEntries((all().filter(Boolean) as MedusaProcess[]).map((p) => [p.name, p.requests]))
    figures.seconds = (Date.now() - started) / 1000
    log(`figures ${JSON.stringify(figures)}`)
    await Promise.all((all().filter(Boolean) as MedusaProcess[]).map((p) => p.stop()))
    await db?.end().catch(() => undefined)
    await redis?.release().catch(() => undefined)
    await beacon?.close()
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  })

  type Buyer = { email: string; variant: string; quantity?: number; code?: string; app?: { device: string } }
  /** Ready carts, built one by one alternating between the servers (a storefront's traffic). */
  async function prepareCarts(buyers: Buyer[]) {
    const carts: { id: string; key: string; headers: Record<string, string> }[] = []
    for (const [i, buyer] of buyers.entries()) {
      const server = api(i)
      let headers: Record<string, string> = {}
      let key = webKey
      if (buyer.app) {
        key = appKey
        const token = signAppToken({ sub: buyer.app.device, platform: "ios" } as any, DEMO_APP_KEY)
        const { data } = await server.post("/store/app-sessions", { attestation: token }, storeHeaders(appKey))
        headers = { "x-app-session": data.app_session.token }
      }
      const id = await readyCart(server, { key, regionId: shop.regionId, shippingOptionId: shop.shippingOptionId, email: buyer.email, items: [{ variant_id: buyer.variant, quantity: buyer.quantity ?? 1 }], headers })
      if (buyer.code) await server.post(`/store/carts/${id}/group-order`, { code: buyer.code }, storeHeaders(key, headers))
      if (buyer.app) {
        const applied = await server.post(`/store/carts/${id}/promotions`, { promo_codes: ["APPHOTSAUCE"] }, storeHeaders(key, headers))
        expect(applied.status).toBe(200)
      }
      await startPayment(server, key, id, "pp_system_default", headers)
      requests += buyer.code || buyer.app ? 8 : 6
      carts.push({ id, key, headers })
    }
    return carts
  }
  /** Completes every cart at the same moment, each on the other server than the one that built it. */
  async function completeAll(carts: Awaited<ReturnType<typeof prepareCarts>>) {
    requests += carts.length
    return Promise.all(carts.map((c, i) => completeCart(api(i + 1), c.key, c.id, c.headers)))
  }
  const buy = async (buyers: Buyer[]) => completeAll(await prepareCarts(buyers))
  const statuses = (results: { status: number }[]) => results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})
  const get = async (path: string, i = 0) => {
    requests++
    return (await api(i).get(path, admin)).data
  }
  const post = async (path: string, body: unknown, i = 0) => {
    requests++
    return (await api(i).post(path, body, admin)).data
  }
  const notificationsTo = async (email: string, template: string) =>
    (await get(`/admin/notifications?to=${encodeURIComponent(email)}&fields=id,template&limit=100`)).notifications.filter((n: any) => n.template === template).length
  const refundsOf = async (orderId: string) => {
    const { order } = await get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.refunds.id,payment_collections.payments.refunds.amount,payment_collections.payments.refunds.note`)
    return order.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.refunds ?? []))
  }
  const groupDetail = (id: string, i = 0) => get(`/admin/group-orders/${id}`, i).then((d) => d.group_order)
  /** A group campaign on Hot Sauce with one group; returns the group's code and id. */
  async function groupWith(title: string, tiers: { min_units: number; percent: number }[], maxMembers: number | null) {
    const { group_campaign } = await post("/admin/group-campaigns", {
      title, product_ids: [shop.productId], tiers, ends_at: new Date(Date.now() + 86_400_000).toISOString(), currency_code: "usd",
      ...(maxMembers ? { max_members: maxMembers } : {}),
    })
    const { data: reg } = await s2.api.post("/auth/customer/emailpass/register", { email: `${title}-leader@example.com`.toLowerCase().replace(/\s+/g, "-"), password: "leader-password-1" })
    const leader = { authorization: `Bearer ${reg.token}`, "x-publishable-api-key": webKey }
    await s2.api.post("/store/customers", { email: `${title}-leader@example.com`.toLowerCase().replace(/\s+/g, "-"), first_name: "Lead", last_name: "Er" }, { headers: leader })
    const { data: login } = await s1.api.post("/auth/customer/emailpass", { email: `${title}-leader@example.com`.toLowerCase().replace(/\s+/g, "-"), password: "leader-password-1" })
    const { data: started } = await s1.api.post("/store/group-orders", { campaign_id: group_campaign.id }, storeHeaders(webKey, { authorization: `Bearer ${login.token}` }))
    requests += 5
    const { groups } = await get(`/admin/group-campaigns/${group_campaign.id}/groups`)
    return { campaignId: group_campaign.id as string, code: started.group_order.code as string, groupId: groups[0].id as string }
  }

  it("caps and limits are exact under parallel checkouts spread over both servers", async () => {
    // Per-customer limit: "Chilling" allows 2 per customer; one fan completes several 1-unit carts at once.
    const chilling = shop.sku("HOTSAUCE-PB-CHILLING")
    const greedy = await buy(Array.from({ length: SIZE.greedyCarts }, () => ({ email: "topology-greedy@example.com", variant: chilling })))
    expect(statuses(greedy)).toEqual({ 200: 2, 400: SIZE.greedyCarts - 2 })

    // Pre-order cap.
    const boring = shop.sku("HOTSAUCE-PB-BORING")
    const { preorder_plans } = await get(`/admin/preorder-plans?variant_id=${boring}`)
    await post(`/admin/preorder-plans/${preorder_plans[0].id}`, { cap: SIZE.cap }, 1)
    const capped = await buy(Array.from({ length: SIZE.capBuyers }, (_, i) => ({ email: `topology-cap-${i}@example.com`, variant: boring })))
    expect(statuses(capped)).toEqual({ 200: SIZE.cap, 400: SIZE.capBuyers - SIZE.cap })
    const { preorder_plan } = await get(`/admin/preorder-plans/${preorder_plans[0].id}`, 1)
    expect(preorder_plan).toMatchObject({ cap: SIZE.cap, reserved_units: SIZE.cap, remaining_units: 0 })

    // Group member limit.
    const group = await groupWith("Topology limit", [{ min_units: 100, percent: 5 }], SIZE.groupMax)
    const joined = await buy(Array.from({ length: SIZE.groupBuyers }, (_, i) => ({ email: `topology-member-${i}@example.com`, variant: shop.sku("HOTSAUCE-PB-CRAZY"), code: group.code })))
    expect(statuses(joined)).toEqual({ 200: SIZE.groupMax, 400: SIZE.groupBuyers - SIZE.groupMax })
    const detail = await until("the worker to place every group purchase", async () => {
      const g = await groupDetail(group.groupId, 1)
      return g.member_count === SIZE.groupMax && g.units === SIZE.groupMax && g
    })
    expect(detail).toMatchObject({ member_count: SIZE.groupMax, units: SIZE.groupMax })

    // App-offer limit: once per customer, one fan on several phones.
    const app = await buy(Array.from({ length: SIZE.appCarts }, (_, i) => ({ email: "topology-app-fan@example.com", variant: shop.sku("HOTSAUCE-PB-CRAZY"), app: { device: `topology-phone-${i}` } })))
    expect(statuses(app)).toEqual({ 200: 1, 400: SIZE.appCarts - 1 })
    expect(app.find((r) => r.status === 400).data.message).toBe("APPHOTSAUCE can be used 1 time per customer, and you have used it already.")

    figures.checkouts = { per_customer: greedy.length, cap: capped.length, group: joined.length, app: app.length, server_errors: [...greedy, ...capped, ...joined, ...app].filter((r) => r.status >= 500).length }
  })

  it("a cart being completed on one server is locked for the other (one order, whichever server answers)", async () => {
    const [cart] = await prepareCarts([{ email: "topology-lock@example.com", variant: shop.sku("HOTSAUCE-PB-CRAZY") }])
    const before = (await get("/admin/orders?fields=id&limit=1")).count
    const results = await Promise.all(Array.from({ length: SIZE.lockRequests }, (_, i) => completeCart(api(i), cart.key, cart.id)))
    requests += SIZE.lockRequests
    const orderIds = new Set(results.filter((r) => r.status === 200).map((r) => r.data.order?.id))
    expect(results.filter((r) => r.status >= 500)).toEqual([])
    expect(orderIds.size).toBe(1)
    expect([...orderIds][0]).toMatch(/^order_/)
    expect((await get("/admin/orders?fields=id&limit=1")).count).toBe(before + 1)
    figures.cart_lock = statuses(results)
  })

  it("subscribers run on the worker only, and events raised on a server reach it", async () => {
    const jewel = shop.sku("HOTSAUCE-JEWEL")
    const { preorder_plans } = await get(`/admin/preorder-plans?variant_id=${jewel}`)
    const planId = preorder_plans[0].id
    await worker.stop("SIGTERM")
    let orderId: string
    const email = "topology-while-worker-down@example.com"
    try {
      const [placed] = await buy([{ email, variant: jewel }])
      expect(placed.status).toBe(200)
      orderId = placed.data.order.id
      // No process handles order.placed while the worker is down: the item stays reserved, the payment uncaptured.
      await sleep(8_000)
      const waiting = await get(`/admin/orders/${orderId}`)
      expect(waiting.order.payment_status).not.toBe("captured")
      const [down] = (await get(`/admin/preorder-plans/${planId}/items?email=${encodeURIComponent(email)}`)).preorder_items
      expect(down.status).toBe("reserved")
    } finally {
      // The next checks need the worker, whatever happened here.
      await worker.start()
    }
    const after = await until("the restarted worker to handle order.placed", async () => {
      const { order } = await get(`/admin/orders/${orderId}`, 1)
      return order.payment_status === "captured" && order
    })
    expect(after.payment_status).toBe("captured")
    const [up] = (await get(`/admin/preorder-plans/${planId}/items?email=${encodeURIComponent(email)}`)).preorder_items
    expect(up).toMatchObject({ status: "pending", order_id: orderId })
    // Neither server handled an event at any point of the run (Medusa's event bus logs each one it processes,
    // our subscribers log their work); the worker handled every order.placed of the run.
    expect([...s1.grep(WORKER_ONLY), ...s2.grep(WORKER_ONLY)]).toEqual([])
    expect(worker.grep(/Processing order\.placed/).length).toBeGreaterThan(0)
  })

  it("each scheduled job runs once per schedule across the processes: release, settlement, draw, tidying, finance rows", async () => {
    // Release: Jewel Case orders, then the release date moves to a few seconds from now.
    const jewel = shop.sku("HOTSAUCE-JEWEL")
    const releaseBuyers = Array.from({ length: SIZE.releaseOrders }, (_, i) => ({ email: `topology-release-${i}@example.com`, variant: jewel }))
    expect(statuses(await buy(releaseBuyers))).toEqual({ 200: SIZE.releaseOrders })
    // Settlement: members who all paid at no tier; the group ends at the top tier, so each is owed a refund.
    const group = await groupWith("Topology settle", [{ min_units: SIZE.settleMembers, percent: 10 }], null)
    const members = Array.from({ length: SIZE.settleMembers }, (_, i) => ({ email: `topology-settle-${i}@example.com`, variant: shop.sku("HOTSAUCE-PB-CRAZY"), code: group.code }))
    expect(statuses(await buy(members))).toEqual({ 200: SIZE.settleMembers })
    // Draw: a live giveaway on Hot Sauce, with entries from orders placed now.
    const { giveaway } = await post("/admin/giveaways", {
      title: "Topology draw", prize: "A signed album", ends_at: new Date(Date.now() + 3600_000).toISOString(), rules_text: "Official rules.",
      product_ids: [shop.productId], free_entry_enabled: true, winners_count: 1, alternates_count: 1, status: "live",
    })
    const entrants = Array.from({ length: 3 }, (_, i) => ({ email: `topology-entrant-${i}@example.com`, variant: shop.sku("HOTSAUCE-PB-CRAZY") }))
    expect(statuses(await buy(entrants))).toEqual({ 200: 3 })
    await until("entries from the three orders (giveaway-order-placed on the worker)", async () => (await get(`/admin/giveaways/${giveaway.id}`)).giveaway.totals.entries >= 3)
    await until("the worker to place every settlement purchase", async () => (await groupDetail(group.groupId)).units === SIZE.settleMembers)

    // Tidying: a crashed checkout's reservation (a Chilling unit whose cart never became an order), 31 minutes old.
    const chilling = (await get(`/admin/preorder-plans?variant_id=${shop.sku("HOTSAUCE-PB-CHILLING")}`)).preorder_plans[0]
    const crashed = await db.query(
      `UPDATE preorder_item SET status = 'reserved', cart_id = 'cart_topology_crashed', created_at = now() - interval '31 minutes'
       WHERE id = (SELECT id FROM preorder_item WHERE plan_id = $1 AND status = 'pending' AND deleted_at IS NULL ORDER BY created_at LIMIT 1)
       RETURNING id, quantity`,
      [chilling.id]
    )
    expect(crashed.rowCount).toBe(1)
    // Finance rows: one order's row lost (as if its event had been).
    const lostRowOrder = (await db.query(`SELECT order_id FROM finance_order_row WHERE deleted_at IS NULL ORDER BY order_created_at LIMIT 1`)).rows[0].order_id
    await db.query(`DELETE FROM finance_order_row WHERE order_id = $1`, [lostRowOrder])

    const watchFrom = Date.now()
    const jewelPlan = (await get(`/admin/preorder-plans?variant_id=${jewel}`)).preorder_plans[0]
    const soon = (s: number) => new Date(Date.now() + s * 1000).toISOString()
    await post(`/admin/preorder-plans/${jewelPlan.id}`, { release_date: soon(3), reason: "Topology: released early" }, 1)
    await post(`/admin/group-campaigns/${group.campaignId}/close`, {}, 0)
    await post(`/admin/giveaways/${giveaway.id}`, { ends_at: soon(3) }, 1)

    await until("the release", async () => (await get(`/admin/preorder-plans/${jewelPlan.id}`)).preorder_plan.status === "released", 90_000)
    await until("the settlement", async () => (await groupDetail(group.groupId)).status === "settled", 90_000)
    await until("the draw", async () => (await get(`/admin/giveaways/${giveaway.id}`)).giveaway.status === "drawn", 90_000)
    await until("the crashed reservation freed", async () => (await db.query(`SELECT 1 FROM preorder_item WHERE id = $1`, [crashed.rows[0].id])).rowCount === 0, 90_000)
    await until("the lost finance row restored", async () => (await db.query(`SELECT 1 FROM finance_order_row WHERE order_id = $1 AND deleted_at IS NULL`, [lostRowOrder])).rowCount === 1, 90_000)
    // Three more firings of every job: nothing may happen twice.
    await sleep(3 * JOB_SECONDS * 1000)
    const watchedSeconds = (Date.now() - watchFrom) / 1000

    // Effects, each counted once.
    const released = (await get(`/admin/preorder-plans/${jewelPlan.id}/items?limit=100`)).preorder_items
    expect(released.filter((i: any) => i.status === "ready").length).toBeGreaterThanOrEqual(SIZE.releaseOrders)
    for (const buyer of releaseBuyers) expect(await notificationsTo(buyer.email, "preorder-released")).toBe(1)
    const settled = await groupDetail(group.groupId)
    expect(settled.purchases.map((p: any) => p.refund_status)).toEqual(Array(SIZE.settleMembers).fill("refunded"))
    for (const p of settled.purchases) {
      const refunds = await refundsOf(p.order_id)
      expect(refunds).toHaveLength(1)
      expect(await notificationsTo(p.email, "group-order-settled")).toBe(1)
    }
    const audit = (await get(`/admin/giveaways/${giveaway.id}/audit?limit=100`)).giveaway_audit_logs
    expect(audit.filter((a: any) => a.action === "drawn")).toHaveLength(1)
    const { giveaway_winners: winners } = await get(`/admin/giveaways/${giveaway.id}/winners`)
    expect(winners).toHaveLength(2)
    const winner = winners.find((w: any) => w.rank === 1)
    expect(await notificationsTo(winner.email, "giveaway-winner")).toBe(1)
    expect((await db.query(`SELECT count(*)::int AS n FROM finance_order_row WHERE order_id = $1 AND deleted_at IS NULL`, [lostRowOrder])).rows[0].n).toBe(1)
    const plan = (await get(`/admin/preorder-plans/${chilling.id}`)).preorder_plan
    expect(plan.reserved_units).toBe(chilling.reserved_units - crashed.rows[0].quantity)

    // Runs: BullMQ's record of every firing the workflow engine executed, and who logged job work.
    const runs = (await scheduledJobRuns(redis!.url)).filter((r) => r.scheduled_for >= watchFrom - JOB_SECONDS * 1000)
    const byJob: Record<string, number> = {}
    for (const r of runs) byJob[r.job] = (byJob[r.job] ?? 0) + 1
    const firings = Math.ceil(watchedSeconds / JOB_SECONDS) + 2
    for (const job of ["job-release-due-preorders", "job-settle-due-group-orders", "job-draw-due-giveaways", "job-tidy-app-redemptions", "job-refresh-finance-rows"]) {
      // At least a few firings (a busy job queue may run some late), never more than the schedule has.
      expect(byJob[job]).toBeGreaterThanOrEqual(2)
      expect(byJob[job]).toBeLessThanOrEqual(firings)
    }
    const slots = runs.map((r) => `${r.job}@${r.scheduled_for}`)
    expect(new Set(slots).size).toBe(slots.length)
    const jobLines = /pre-orders: released|group orders: \d+ settled|giveaways: drew|Scheduled job/
    expect([...s1.grep(jobLines), ...s2.grep(jobLines)]).toEqual([])
    expect(worker.grep(/pre-orders: released 1 plan/)).toHaveLength(1)
    expect(worker.grep(/giveaways: drew 1 of 1/)).toHaveLength(1)
    expect(worker.grep(/group orders: 1 settled/)).toHaveLength(1)
    figures.jobs = { watched_seconds: Math.round(watchedSeconds), runs: byJob, refunds: SIZE.settleMembers, release_notifications: SIZE.releaseOrders, winner_notifications: 1 }
  })

  it("a worker killed in the middle of a settlement or a draw finishes it after a restart, refunding and drawing once", async () => {
    // Settlement: N members owed a refund each; the worker dies once the first refund is recorded.
    const group = await groupWith("Topology kill", [{ min_units: SIZE.killMembers, percent: 10 }], null)
    const members = Array.from({ length: SIZE.killMembers }, (_, i) => ({ email: `topology-kill-${i}@example.com`, variant: shop.sku("HOTSAUCE-PB-BORING"), code: group.code }))
    // Boring is capped by the first test; lift the cap.
    const boring = (await get(`/admin/preorder-plans?variant_id=${shop.sku("HOTSAUCE-PB-BORING")}`)).preorder_plans[0]
    await post(`/admin/preorder-plans/${boring.id}`, { cap: null })
    expect(statuses(await buy(members))).toEqual({ 200: SIZE.killMembers })
    await until("the worker to place every purchase", async () => (await groupDetail(group.groupId)).units === SIZE.killMembers)
    await post(`/admin/group-campaigns/${group.campaignId}/close`, {})
    const atKill = await until(
      "the first refund of the settlement",
      async () => {
        const g = await groupDetail(group.groupId, 1)
        const done = g.purchases.filter((p: any) => p.refund_status === "refunded").length
        return (done > 0 || g.status === "settled") && { done, status: g.status }
      },
      90_000,
      40
    )
    await worker.stop("SIGKILL")
    log(`worker killed with ${atKill.done} of ${SIZE.killMembers} refunds recorded (group ${atKill.status})`)
    await worker.start()
    await until("the settlement to finish after the restart", async () => (await groupDetail(group.groupId)).status === "settled", 180_000, 1000)
    const settled = await groupDetail(group.groupId)
    expect(settled.purchases.map((p: any) => p.refund_status)).toEqual(Array(SIZE.killMembers).fill("refunded"))
    const refundCounts = await Promise.all(settled.purchases.map(async (p: any) => (await refundsOf(p.order_id)).length))
    expect(refundCounts).toEqual(Array(SIZE.killMembers).fill(1))

    // Draw: the worker dies as soon as the draw is committed.
    const { giveaway } = await post("/admin/giveaways", {
      title: "Topology kill draw", prize: "A signed album", ends_at: new Date(Date.now() + 3600_000).toISOString(), rules_text: "Official rules.",
      product_ids: [shop.productId], free_entry_enabled: true, winners_count: 1, alternates_count: 1, status: "live",
    })
    expect(statuses(await buy(Array.from({ length: 2 }, (_, i) => ({ email: `topology-kill-entrant-${i}@example.com`, variant: shop.sku("HOTSAUCE-PB-CRAZY") }))))).toEqual({ 200: 2 })
    await until("entries", async () => (await get(`/admin/giveaways/${giveaway.id}`)).giveaway.totals.entries >= 2)
    await post(`/admin/giveaways/${giveaway.id}`, { ends_at: new Date(Date.now() + 2000).toISOString() })
    await until("the draw", async () => (await get(`/admin/giveaways/${giveaway.id}`, 1)).giveaway.status === "drawn", 90_000, 40)
    await worker.stop("SIGKILL")
    // The published draw, read by a fan (store routes need the publishable key).
    const { data: firstDraw } = await s2.api.get(`/store/giveaways/${giveaway.id}/draw`, storeHeaders(webKey))
    await worker.start()
    const { giveaway_winners: winners } = await get(`/admin/giveaways/${giveaway.id}/winners`)
    expect(winners).toHaveLength(2)
    const winner = winners.find((w: any) => w.rank === 1)
    // Told by giveaway.drawn's subscriber, or (the event lost with the worker) by the draw job 30 s on; if the worker
    // died while telling, that job waits for the dead worker's notify lock to expire (its TTL is 120 s).
    await until("the winner's notification", async () => (await notificationsTo(winner.email, "giveaway-winner")) > 0, 210_000, 1000)
    // By now the restarted worker's draw job has fired several times: the published draw is the first one.
    const { data: draw } = await s1.api.get(`/store/giveaways/${giveaway.id}/draw`, storeHeaders(webKey))
    expect(draw).toEqual(firstDraw)
    await sleep(2 * JOB_SECONDS * 1000)
    expect(await notificationsTo(winner.email, "giveaway-winner")).toBe(1)
    figures.kill = {
      settlement_refunds_before_kill: atKill.done,
      members: SIZE.killMembers,
      refunds_after: refundCounts.reduce((a, b) => a + b, 0),
      worker_starts: worker.starts,
      // Whether the killed draw's giveaway.drawn had gone out, or the job told the winner instead.
      winner_told_by_job: worker.grep(/giveaways: told \d+ winner/).length > 0,
    }
  })
})
