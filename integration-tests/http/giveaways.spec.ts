import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { adminHeaders, checkout, completeCart, customerHeaders, readyCart, startPayment, storeHeaders } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { demoGiveawayId, seedGiveawayDemo } from "../../src/scripts/demo/seed-giveaway"
import { HOT_SAUCE_HANDLE, RESONANCE_HANDLE } from "../../src/scripts/demo/config"
import { GIVEAWAY_MODULE } from "@comeback/medusa-plugin/internal/modules/giveaway/index"
import type GiveawayModuleService from "@comeback/medusa-plugin/internal/modules/giveaway/service"
import { commitment, entriesHash } from "@comeback/medusa-plugin/internal/modules/giveaway/lib/draw"
import { DRAND_QUICKNET, firstRoundAfter, roundTime } from "@comeback/medusa-plugin/internal/modules/giveaway/lib/beacon"
import { runDueGiveawayDraws } from "@comeback/medusa-plugin/internal/jobs/draw-due-giveaways"
import { startBeaconStandIn } from "../utils/beacon-stand-in"

jest.setTimeout(240_000)

const DAY = 86_400_000
const BEACON_DELAY_MS = 600_000 // the module's default beacon_delay_seconds
const VERIFIER = path.resolve(__dirname, "../../plugin/src/modules/giveaway/verifier/verify-draw.js")

let beacon: Awaited<ReturnType<typeof startBeaconStandIn>>
// Runs before the Medusa runner's own beforeAll, so medusa-config.ts points the drand provider at the stand-in.
beforeAll(async () => {
  beacon = await startBeaconStandIn()
  process.env.GIVEAWAY_BEACON_URLS = beacon.url
})
afterAll(() => beacon?.close())

/** The round a giveaway ending at `endsAt` commits to at go-live. */
const committedRound = (endsAt: string | Date) => firstRoundAfter(DRAND_QUICKNET, new Date(new Date(endsAt).getTime() + BEACON_DELAY_MS))

const waitFor = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150))
    value = await read()
  }
  return value
}

/** Runs the standalone verifier (`verifier`: a file path) on a published draw as a fan would; returns its exit code and output. */
function verifyDraw(published: unknown, args: string[], verifier = VERIFIER) {
  const file = path.join(os.tmpdir(), `giveaway-draw-${process.pid}-${Date.now()}.json`)
  fs.writeFileSync(file, JSON.stringify(published))
  try {
    const run = spawnSync(process.execPath, [verifier, file, ...args], { cwd: os.tmpdir(), encoding: "utf8" })
    return { code: run.status, out: run.stdout, err: run.stderr }
  } finally {
    fs.rmSync(file, { force: true })
  }
}

/** A request that must succeed; a failure names the status and Medusa's message instead of axios' generic one. */
const ok = <T>(request: Promise<T>) =>
  request.catch((e) => {
    throw new Error(`${e.response?.status ?? "no response"}: ${JSON.stringify(e.response?.data ?? e.message)}`)
  })

type Fan = { email: string; id: string; auth: Record<string, string> }

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let admin: { headers: Record<string, string> }
    let weYoung: string // the demo giveaway: 1 entry per Hot Sauce unit, max 10, free entry 1/day
    let rally: string // Resonance stamp rally: 2 entries per unit, no cap
    let fans: Record<"avery" | "blake" | "casey", Fan>
    let orders: Record<"avery" | "blake1" | "blake2" | "casey", any>
    let v: Record<string, string>

    const store = (fan?: Fan) => ({ headers: { "x-publishable-api-key": demo.webKey, ...(fan?.auth ?? {}) } })
    const web = (items: { variant_id: string; quantity: number }[], fan: Fan) => ({
      key: demo.webKey,
      regionId: demo.regionId,
      shippingOptionId: demo.shippingOptionId,
      items,
      email: fan.email,
      headers: fan.auth,
    })
    const entries = async (giveawayId: string, query = "") =>
      (await api.get(`/admin/giveaways/${giveawayId}/entries?limit=200${query}`, admin)).data
    const lineOf = (order: any, variantId: string) => order.items.find((i: any) => i.variant_id === variantId)
    const captured = (orderId: string) =>
      waitFor(
        async () => (await api.get(`/admin/orders/${orderId}?fields=payment_status`, admin)).data.order.payment_status,
        (status) => status === "captured"
      )
    const closeWindow = (giveawayId: string) =>
      api.post(`/admin/giveaways/${giveawayId}`, { ends_at: new Date(Date.now() - 1000).toISOString() }, admin)
    const draw = (giveawayId: string, body: Record<string, unknown> = {}) =>
      api.post(`/admin/giveaways/${giveawayId}/draw`, body, admin).catch((e) => e.response)
    const picksOf = async (giveawayId: string): Promise<any[]> =>
      (await api.get(`/admin/giveaways/${giveawayId}/winners`, admin)).data.giveaway_winners
    const winnerNotices = () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: "giveaway-winner" })

    beforeAll(async () => {
      const started = Date.now()
      demo = await seedDemo(getContainer())
      await seedGiveawayDemo(getContainer(), demo)
      weYoung = (await demoGiveawayId(getContainer()))!
      admin = await adminHeaders(api)
      const hotSauce = demo.products[HOT_SAUCE_HANDLE].variants
      v = {
        crazy: hotSauce["HOTSAUCE-PB-CRAZY"],
        boring: hotSauce["HOTSAUCE-PB-BORING"],
        jewel: hotSauce["HOTSAUCE-JEWEL"],
        past: demo.products[RESONANCE_HANDLE].variants["RESONANCE-PAST"],
      }
      const created: any = await ok(api.post(
        "/admin/giveaways",
        {
          title: "Resonance stamp rally",
          prize: "A signed Resonance poster",
          product_ids: [demo.products[RESONANCE_HANDLE].id],
          entries_per_unit: 2,
          eligible_countries: ["US"],
          free_entry_enabled: true,
          rules_url: "https://comeback.test/rules/resonance-rally",
          ends_at: new Date(Date.now() + 30 * DAY).toISOString(),
          status: "live",
        },
        admin
      ))
      rally = created.data.giveaway.id

      const register = async (name: string): Promise<Fan> => {
        const email = `${name}@example.com`
        const auth = await customerHeaders(api, demo.webKey, email)
        const { data } = await api.get("/store/customers/me", { headers: { ...auth, "x-publishable-api-key": demo.webKey } })
        return { email, id: data.customer.id, auth }
      }
      fans = { avery: await register("avery"), blake: await register("blake"), casey: await register("casey") }
      const place = async (items: { variant_id: string; quantity: number }[], fan: Fan) => {
        const { response } = await checkout(api, web(items, fan))
        expect(response.data.type).toBe("order")
        return response.data.order
      }
      orders = {
        avery: await place([{ variant_id: v.crazy, quantity: 3 }, { variant_id: v.past, quantity: 2 }], fans.avery),
        blake1: await place([{ variant_id: v.jewel, quantity: 8 }], fans.blake),
        blake2: await place([{ variant_id: v.boring, quantity: 4 }], fans.blake),
        casey: await place([{ variant_id: v.crazy, quantity: 2 }], fans.casey),
      }
      // Entries are earned, and payments captured, by order.placed subscribers: let them finish before the snapshot.
      await waitFor(() => entries(weYoung), (d) => d.count === 4)
      await waitFor(() => entries(rally), (d) => d.count === 1)
      for (const order of Object.values(orders)) await captured(order.id)
      console.log(`giveaways fixtures ready in ${Date.now() - started} ms`)
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
      beacon.setNow(new Date()) // the beacon publishes rounds up to now
    })
    /** Lets the beacon publish every round up to `at` (default: far enough for any giveaway here). */
    const publishRoundsUntil = (at = new Date(Date.now() + 40 * DAY)) => beacon.setNow(at)

    it("publishes the rules and the seed's commitment hash from go-live, and never the seed before the draw", async () => {
      expect(await seedGiveawayDemo(getContainer(), demo)).toBeUndefined() // the demo seed runs again without a second giveaway
      const giveaways: GiveawayModuleService = getContainer().resolve(GIVEAWAY_MODULE)
      const [stored] = await giveaways.listGiveaways({ id: weYoung })
      expect(stored.seed).toMatch(/^[0-9a-f]{64}$/)

      const list = await api.get("/store/giveaways", store())
      expect(list.data.count).toBe(2)
      const listed = list.data.giveaways.find((g) => g.id === weYoung)
      expect(listed).toEqual(
        expect.objectContaining({
          title: "Win a signed copy of NCT Dream's We Young",
          state: "open",
          seed_hash: commitment(stored.seed!),
          algorithm: "comeback-draw-v1",
          max_entries_per_customer: 10,
          free_entry_enabled: true,
          free_entries_per_day: 1,
          eligible_countries: ["us"],
          rules_text: expect.stringContaining("NO PURCHASE NECESSARY"),
          // committed at go-live with the seed hash: the beacon round after ends_at + the delay
          beacon: {
            provider: "drand",
            chain_hash: DRAND_QUICKNET.chain_hash,
            round: committedRound(listed.ends_at),
            round_time: roundTime(DRAND_QUICKNET, committedRound(listed.ends_at)).toISOString(),
            public_url: `https://api.drand.sh/${DRAND_QUICKNET.chain_hash}/public/${committedRound(listed.ends_at)}`,
          },
          entries_hash: null,
          verifier_url: `/store/giveaways/${weYoung}/verifier.js`,
          draw: null,
        })
      )
      const { data: page } = await api.get(`/store/giveaways/${weYoung}`, store())
      expect(page.giveaway.history).toEqual([
        {
          action: "went_live",
          at: expect.any(String),
          details: { seed_hash: stored.seed_hash, beacon_round: listed.beacon.round, beacon_round_at: listed.beacon.round_time },
        },
      ])
      const byProduct = await api.get(`/store/giveaways?product_id=${demo.products[RESONANCE_HANDLE].id}`, store())
      expect(byProduct.data.giveaways.map((g) => g.id)).toEqual([rally])

      const tooEarly = await api.get(`/store/giveaways/${weYoung}/draw`, store()).catch((e) => e.response)
      expect(tooEarly.status).toBe(400)
      expect(tooEarly.data.message).toContain(stored.seed_hash)
      expect(tooEarly.data.message).toContain(`committed beacon round is ${listed.beacon.round}`)

      const bodies = [
        list.data,
        (await api.get(`/store/giveaways/${weYoung}`, store())).data,
        (await api.get(`/store/giveaways/${weYoung}`, store(fans.avery))).data,
        (await api.get("/admin/giveaways", admin)).data,
        (await api.get(`/admin/giveaways/${weYoung}`, admin)).data,
        (await api.get(`/admin/giveaways/${weYoung}/audit`, admin)).data,
        (await api.get(`/admin/giveaways/${weYoung}/entries?format=csv`, { ...admin, responseType: "text" })).data,
        tooEarly.data,
        (await draw(weYoung)).data,
      ]
      for (const body of bodies) expect(JSON.stringify(body)).not.toContain(stored.seed!)
    })

    it("earns units × entries per unit on eligible lines only, each tied to its order line", async () => {
      const avery = (await entries(weYoung, `&customer_id=${fans.avery.id}`)).giveaway_entries
      expect(avery).toEqual([
        expect.objectContaining({
          source: "purchase",
          order_id: orders.avery.id,
          order_line_item_id: lineOf(orders.avery, v.crazy).id,
          variant_id: v.crazy,
          units: 3,
          entries: 3,
          active_entries: 3,
          country_code: "us",
          region: "CA",
        }),
      ])
      // the Resonance line of the same order earns in the rally only, at 2 entries per unit
      expect((await entries(rally)).giveaway_entries).toEqual([
        expect.objectContaining({ order_line_item_id: lineOf(orders.avery, v.past).id, units: 2, entries: 4 }),
      ])
      const { data } = await api.get(`/admin/giveaways/${weYoung}`, admin)
      expect(data.giveaway.totals).toEqual({ entries: 15, entrants: 3, purchase_entries: 15, free_entries: 0, voided_entries: 0 })
    })

    it("caps a customer's entries across orders: 8 + 4 units at a cap of 10 grant 8 + 2", async () => {
      const rows = (await entries(weYoung, `&customer_id=${fans.blake.id}`)).giveaway_entries
      expect(rows.map((r) => [r.order_id, r.units, r.requested_entries, r.entries])).toEqual([
        [orders.blake1.id, 8, 8, 8],
        [orders.blake2.id, 4, 4, 2],
      ])
      const { data } = await api.get(`/store/giveaways/${weYoung}`, store(fans.blake))
      expect(data.giveaway.my_entries).toEqual(expect.objectContaining({ entries: 10, free_entry_available: false }))
    })

    it("holds the cap when one customer's orders complete at the same moment: 3 × 4 units at a cap of 10 grant 10", async () => {
      const dana = await customerHeaders(api, demo.webKey, "dana@example.com")
      const fan = { email: "dana@example.com", id: "", auth: dana }
      const carts: string[] = []
      for (let i = 0; i < 3; i++) {
        const cartId = await readyCart(api, web([{ variant_id: v.jewel, quantity: 4 }], fan))
        await startPayment(api, demo.webKey, cartId, "pp_system_default", dana)
        carts.push(cartId)
      }
      const results = await Promise.all(carts.map((cartId) => completeCart(api, demo.webKey, cartId, dana)))
      expect(results.map((r) => r.data.type)).toEqual(["order", "order", "order"])
      const mine = await waitFor(
        async () => (await api.get("/store/customers/me/giveaway-entries", store(fan))).data,
        (d) => d.count === 3
      )
      const granted = mine.giveaway_entries.map((e) => e.entries)
      expect(granted.reduce((a, b) => a + b, 0)).toBe(10)
      expect([...granted].sort()).toEqual([2, 4, 4])
      expect(mine.entries_by_giveaway[weYoung]).toBe(10)
      // let the capture subscriber finish before the next test restores the database
      for (const r of results) await captured(r.data.order.id)
    })

    it("voids every entry of an order cancelled through the admin", async () => {
      const cancel = await api.post(`/admin/orders/${orders.casey.id}/cancel`, {}, admin)
      expect(cancel.status).toBe(200)
      const [row] = (
        await waitFor(() => entries(weYoung, `&customer_id=${fans.casey.id}`), (d) => d.giveaway_entries[0]?.voided_entries === 2)
      ).giveaway_entries
      expect(row).toEqual(expect.objectContaining({ units: 2, returned_units: 2, entries: 2, voided_entries: 2, active_entries: 0 }))
      expect(row.void_reason).toMatch(/order canceled|refunded/)
      const mine = (await api.get("/store/customers/me/giveaway-entries", store(fans.casey))).data
      expect(mine.entries_by_giveaway[weYoung]).toBe(0)
      const { data } = await api.get(`/admin/giveaways/${weYoung}`, admin)
      expect(data.giveaway.totals).toEqual(expect.objectContaining({ entries: 13, entrants: 2, voided_entries: 2 }))
    })

    it("a partial return voids only the returned units' entries (Medusa's admin return flow)", async () => {
      const line = lineOf(orders.avery, v.past)
      const fulfilled = await api.post(
        `/admin/orders/${orders.avery.id}/fulfillments`,
        { location_id: demo.stockLocationId, items: [{ id: line.id, quantity: 2 }] },
        admin
      )
      expect(fulfilled.status).toBe(200)
      const { data: begun } = await api.post("/admin/returns", { order_id: orders.avery.id, location_id: demo.stockLocationId }, admin)
      const returnId = begun.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: line.id, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${returnId}/request`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: line.id, quantity: 1 }] }, admin)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)

      const [row] = (await waitFor(() => entries(rally), (d) => d.giveaway_entries[0]?.returned_units === 1)).giveaway_entries
      expect(row).toEqual(expect.objectContaining({ units: 2, returned_units: 1, entries: 4, voided_entries: 2, active_entries: 2 }))
      expect(row.void_reason).toContain("returned")
      // the Hot Sauce line of the same order keeps its entries
      expect((await entries(weYoung, `&customer_id=${fans.avery.id}`)).giveaway_entries[0].active_entries).toBe(3)
    })

    it("a pre-order the fan cancels for a refund (after a delay) voids that line's entries", async () => {
      const { data: plans } = await api.get(`/admin/preorder-plans?variant_id=${v.crazy}`, admin)
      const plan = plans.preorder_plans[0]
      await ok(api.post(`/admin/preorder-plans/${plan.id}`, { release_date: new Date(new Date(plan.release_date).getTime() + 14 * DAY).toISOString() }, admin))
      const [item] = (await api.get("/store/customers/me/preorders", store(fans.avery))).data.preorders
      const cancelled: any = await ok(api.post(`/store/customers/me/preorders/${item.id}/cancel`, {}, store(fans.avery)))
      expect(cancelled.data.refunded_amount).toBe("74.97")

      const [row] = (
        await waitFor(() => entries(weYoung, `&customer_id=${fans.avery.id}`), (d) => d.giveaway_entries[0]?.voided_entries === 3)
      ).giveaway_entries
      expect(row).toEqual(expect.objectContaining({ units: 3, returned_units: 3, voided_entries: 3, active_entries: 0, void_reason: "refunded" }))
      // the order's other line (Resonance, in the rally) is not refunded and keeps its entries
      expect((await entries(rally)).giveaway_entries[0].active_entries).toBe(4)
    })

    it("gives a free entry (same odds), one a day, and answers 400 with the reason past the limit or the cap", async () => {
      const url = `/store/giveaways/${weYoung}/free-entries`
      const body = { age_confirmed: true, country_code: "us", region: "NY" }
      const first = await api.post(url, body, store(fans.casey))
      expect(first.status).toBe(201)
      expect(first.data.giveaway_entry).toEqual(expect.objectContaining({ source: "free", entries: 1, active_entries: 1, region: "NY" }))
      expect(first.data.entries).toBe(3)

      const second = await api.post(url, body, store(fans.casey)).catch((e) => e.response)
      expect(second.status).toBe(400)
      const tomorrow = new Date(Math.floor(Date.now() / DAY + 1) * DAY).toISOString()
      expect(second.data).toEqual(expect.objectContaining({ reason: "daily_limit", retry_at: tomorrow }))
      expect(second.data.message).toContain("limited to 1 per day")
      const { data } = await api.get(`/store/giveaways/${weYoung}`, store(fans.casey))
      // no entrant label before entries close
      expect(data.giveaway.my_entries).toEqual({
        entries: 3,
        free_entries: 1,
        free_entry_available: false,
        free_entry_retry_at: tomorrow,
        entrant: null,
        drawn_entries: null,
      })

      const capped = await api.post(url, body, store(fans.blake)).catch((e) => e.response)
      expect(capped.status).toBe(400)
      expect(capped.data).toEqual(expect.objectContaining({ reason: "entry_cap", retry_at: null }))

      const noAge = await api.post(url, { country_code: "us" }, store(fans.avery)).catch((e) => e.response)
      expect(noAge.status).toBe(400)
      expect(noAge.data.message).toContain("age_confirmed")
      const badCountry = await api.post(url, { ...body, country_code: "usa" }, store(fans.avery)).catch((e) => e.response)
      expect(badCountry.status).toBe(400)
      expect(badCountry.data.message).toContain("country_code")
      const abroad = await api.post(url, { ...body, country_code: "kr" }, store(fans.avery)).catch((e) => e.response)
      expect(abroad.data).toEqual(expect.objectContaining({ reason: "not_eligible" }))
      const anonymous = await api.post(url, body, store()).catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("draws once, with the committed beacon round on the entry list committed at close; the standalone verifier agrees", async () => {
      // What a fan saves at go-live.
      const golive = (await api.get(`/store/giveaways/${weYoung}`, store())).data.giveaway
      const saved = { seed_hash: golive.seed_hash, round: golive.beacon.round }
      const early = await draw(weYoung)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain("ends_at")
      const chosen = await draw(weYoung, { public_value: "beacon-round-4242" })
      expect(chosen.status).toBe(400)
      expect(chosen.data.message).toContain("public_value")

      // Closing early is allowed and public; extending a live giveaway is not.
      expect((await closeWindow(weYoung)).status).toBe(200)
      const later = await api.post(`/admin/giveaways/${weYoung}`, { ends_at: new Date(Date.now() + DAY).toISOString() }, admin).catch((e) => e.response)
      expect(later.status).toBe(400)
      expect(later.data.message).toBe("ends_at: can only move earlier once the giveaway is live")

      // Before the round is published, the draw closes and commits the entry list, then waits.
      const waiting = await draw(weYoung)
      expect(waiting.status).toBe(202)
      expect(waiting.data).toEqual(
        expect.objectContaining({
          already_drawn: false,
          draw: null,
          waiting: { beacon_round: saved.round, available_at: roundTime(DRAND_QUICKNET, saved.round).toISOString(), beacon_error: null },
        })
      )
      expect(beacon.requests.at(-1)).toEqual({ path: `/${DRAND_QUICKNET.chain_hash}/public/${saved.round}`, status: 425 })
      const closed = (await api.get(`/store/giveaways/${weYoung}`, store(fans.avery))).data.giveaway
      const committedList = [
        { entrant: "E0001", entries: 3 },
        { entrant: "E0002", entries: 10 },
        { entrant: "E0003", entries: 2 },
      ]
      expect(closed).toEqual(expect.objectContaining({ state: "ended", entries_hash: entriesHash(committedList), entrants: 3, draw: null }))
      expect(new Date(closed.entries_closed_at).getTime()).toBeLessThan(roundTime(DRAND_QUICKNET, saved.round).getTime())
      expect(closed.history.map((h) => h.action)).toEqual(["went_live", "ends_at_moved", "entries_closed"])
      expect(closed.history[1].details).toEqual({ from: golive.ends_at, to: expect.any(String) })
      expect(closed.history[2].details).toEqual({ entries_hash: closed.entries_hash, entrants: 3, total_entries: 15, beacon_round: saved.round })
      // A fan finds themselves in the committed list: label and entries.
      expect(closed.my_entries).toEqual(expect.objectContaining({ entries: 3, entrant: "E0001", drawn_entries: 3 }))
      const mine = (await api.get("/store/customers/me/giveaway-entries", store(fans.blake))).data
      expect(mine.entrants_by_giveaway).toEqual({ [weYoung]: { entrant: "E0002", entries: 10 } })
      // Entries are frozen from the close: a cancellation now voids nothing, and says so in the audit log.
      await api.post(`/admin/orders/${orders.casey.id}/cancel`, {}, admin)
      await waitFor(
        async () => (await api.get(`/admin/giveaways/${weYoung}/audit?action=entries_not_voided_after_draw`, admin)).data,
        (d) => d.count >= 1
      )
      expect((await entries(weYoung, `&customer_id=${fans.casey.id}`)).giveaway_entries[0].voided_entries).toBe(0)
      // An order placed before ends_at but handled after the close earns nothing; staff see it in the audit log.
      const giveaways: GiveawayModuleService = getContainer().resolve(GIVEAWAY_MODULE)
      const late = {
        order_id: "order_late",
        customer_id: fans.avery.id,
        email: fans.avery.email,
        placed_at: new Date(new Date(closed.ends_at).getTime() - 1000),
        country_code: "us",
        region: "CA",
        lines: [{ id: "ordli_late", product_id: demo.products[HOT_SAUCE_HANDLE].id, variant_id: v.crazy, quantity: 2 }],
      }
      expect(await giveaways.earnEntries(late)).toEqual([])
      await giveaways.earnEntries(late) // a replayed order.placed is recorded once
      const { data: notEarned } = await api.get(`/admin/giveaways/${weYoung}/audit?action=entries_not_earned_after_close`, admin)
      expect(notEarned.giveaway_audit_logs.map((row) => row.details)).toEqual([
        { order_id: "order_late", customer_id: fans.avery.id, order_line_item_ids: ["ordli_late"], units: 2 },
      ])

      // Once the round is published, two draws at once draw once; drawing again changes nothing.
      publishRoundsUntil(roundTime(DRAND_QUICKNET, saved.round))
      beacon.fail(1) // an unreachable beacon is no 5xx: the draw keeps waiting and says why
      const down = await draw(weYoung)
      expect(down.status).toBe(202)
      expect(down.data.waiting.beacon_error).toContain("HTTP 503")
      const [a, b] = await Promise.all([draw(weYoung), draw(weYoung)])
      expect([a.status, b.status]).toEqual([200, 200])
      expect([a.data.already_drawn, b.data.already_drawn].sort()).toEqual([false, true])
      expect(a.data.draw).toEqual(b.data.draw)
      const again = await draw(weYoung)
      expect(again.data.already_drawn).toBe(true)
      expect(again.data.draw).toEqual(a.data.draw)
      // The same people in the same places (notification fields change as the subscriber notifies them).
      const places = (winners: any[]) => winners.map((w) => [w.rank, w.kind, w.customer_id, w.entrant])
      expect(places(again.data.winners)).toEqual(places(a.data.winners))

      const published = (await api.get(`/store/giveaways/${weYoung}/draw`, store())).data
      const round = beacon.round(saved.round)
      expect(published).toEqual(
        expect.objectContaining({
          algorithm: "comeback-draw-v1",
          giveaway_id: weYoung,
          seed_hash: saved.seed_hash,
          public_value: round.randomness,
          beacon: expect.objectContaining({ provider: "drand", round: saved.round, randomness: round.randomness, signature: round.signature }),
          entries_hash: closed.entries_hash,
          entries_closed_at: closed.entries_closed_at,
          winners_count: 1,
          alternates_count: 3,
          entries: committedList,
        })
      )
      expect(commitment(published.seed)).toBe(saved.seed_hash)
      expect(JSON.stringify(published)).not.toMatch(/example\.com|cus_/)

      // The fan downloads the verifier from the store and runs it with what they saved.
      const download = await api.get(`/store/giveaways/${weYoung}/verifier.js`, { ...store(), responseType: "text" })
      expect(download.headers["content-type"]).toContain("javascript")
      expect(download.data).toBe(fs.readFileSync(VERIFIER, "utf8"))
      const verifier = path.join(os.tmpdir(), `verify-${process.pid}.js`)
      fs.writeFileSync(verifier, download.data)
      const args = ["--committed-hash", saved.seed_hash, "--round", String(saved.round), "--entries-hash", closed.entries_hash]
      const checked = verifyDraw(published, args, verifier)
      expect(checked.code).toBe(0)
      expect(checked.out).toContain(`drand quicknet round ${saved.round}`)
      expect(checked.out).toContain(`randomness ${round.randomness}`)
      expect(checked.out.trim().split("\n").pop()).toBe("OK: the draw checks out.")
      // Tampered seed, entry list, round value, or a hash the fan did not save: each fails.
      const otherSeed = "ab".repeat(32)
      const tampered = {
        seed: { ...published, seed: otherSeed, seed_hash: commitment(otherSeed) },
        entries: { ...published, entries: [{ entrant: "E0001", entries: 30 }, ...published.entries.slice(1)] },
        round: { ...published, public_value: beacon.round(saved.round + 1).randomness, beacon: { ...published.beacon, ...beacon.round(saved.round + 1) } },
        winners: { ...published, winners: published.alternates.slice(0, 1) },
      }
      for (const [what, body] of Object.entries(tampered)) {
        const result = verifyDraw(body, args, verifier)
        expect([what, result.code]).toEqual([what, 1])
        expect(result.out).toContain("FAILED")
      }
      expect(verifyDraw(tampered.round, args, verifier).out).toContain(`not round ${saved.round} that you saved`)
      expect(verifyDraw(published, ["--committed-hash", "cd".repeat(32)], verifier).out).toContain("not the hash you saved")
      fs.rmSync(verifier, { force: true })

      // one prize per customer: 3 entrants give 1 winner and 2 alternates, each customer once
      const { data: w } = await api.get(`/admin/giveaways/${weYoung}/winners`, admin)
      expect(w.giveaway_winners.map((x) => [x.rank, x.kind])).toEqual([[1, "winner"], [2, "alternate"], [3, "alternate"]])
      expect(new Set(w.giveaway_winners.map((x) => x.customer_id)).size).toBe(3)
      expect(w.giveaway_winners.map((x) => x.entrant)).toEqual([...published.winners, ...published.alternates])

      const winner = w.giveaway_winners[0]
      const notices = await waitFor(winnerNotices, (n) => n.length === 1)
      expect(notices[0]).toEqual(
        expect.objectContaining({ to: winner.email, data: expect.objectContaining({ giveaway_id: weYoung, rank: 1 }) })
      )
      const [notified] = await waitFor(() => picksOf(weYoung), (p) => p[0].status === "notified")
      expect(new Date(notified.claim_deadline).getTime()).toBeGreaterThan(Date.now() + 13 * DAY)

      const { data: shown } = await api.get(`/store/giveaways/${weYoung}`, store())
      expect(shown.giveaway.winners).toEqual([
        { rank: 1, entrant: winner.entrant, name: winner.public_name, region: "CA", claimed: false, promoted: false },
      ])
      expect(winner.public_name).toMatch(/^Fan [ABC]\.$/)
      expect(shown.giveaway.draw).toEqual(
        expect.objectContaining({ seed: published.seed, entrants: 3, total_entries: 15, beacon_round: saved.round, entries_hash: closed.entries_hash })
      )
      expect(shown.giveaway.history.map((h) => h.action)).toEqual(["went_live", "ends_at_moved", "entries_closed", "drawn"])
      expect(JSON.stringify(shown)).not.toContain("@example.com")

      expect((await runDueGiveawayDraws(getContainer())).drawn).toEqual([])
    })

    it("disqualifying a winner promotes the next alternate, who is notified; staff actions are audited", async () => {
      await closeWindow(weYoung)
      publishRoundsUntil()
      expect((await draw(weYoung)).status).toBe(200)
      // once the winner is told (and the claim deadline set), staff act
      const picks = await waitFor(() => picksOf(weYoung), (p) => p[0].status === "notified")
      const [first, second] = picks
      const url = (id: string, action: string) => `/admin/giveaways/${weYoung}/winners/${id}/${action}`

      const noReason = await api.post(url(first.id, "disqualify"), {}, admin).catch((e) => e.response)
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toContain("reason")
      const { data } = await api.post(url(first.id, "disqualify"), { reason: "Did not meet the age requirement" }, admin)
      expect(data.disqualified).toEqual(expect.objectContaining({ id: first.id, status: "disqualified", disqualify_reason: "Did not meet the age requirement" }))
      expect(data.promoted).toEqual(expect.objectContaining({ id: second.id, kind: "winner", rank: 2, replaces_winner_id: first.id }))
      const twice = await api.post(url(first.id, "disqualify"), { reason: "again" }, admin).catch((e) => e.response)
      expect(twice.status).toBe(400)

      const notices = await waitFor(winnerNotices, (n) => n.length === 2)
      expect(notices.find((n) => n.to === second.email)?.data).toEqual(expect.objectContaining({ promoted: true, rank: 2 }))
      await waitFor(() => picksOf(weYoung), (p) => p[1].status === "notified")
      const claimed = await api.post(url(second.id, "claim"), { note: "Shipping address confirmed" }, admin)
      expect(claimed.data.giveaway_winner).toEqual(expect.objectContaining({ status: "claimed" }))
      expect((await api.post(url(second.id, "claim"), {}, admin).catch((e) => e.response)).status).toBe(400)

      const { data: shown } = await api.get(`/store/giveaways/${weYoung}`, store())
      expect(shown.giveaway.winners).toEqual([expect.objectContaining({ rank: 2, entrant: second.entrant, claimed: true, promoted: true })])

      const me = (await api.get("/admin/users/me", admin)).data.user
      const { data: log } = await api.get(`/admin/giveaways/${weYoung}/audit?limit=50`, admin)
      const actions = log.giveaway_audit_logs.map((row) => row.action).reverse()
      expect(actions).toEqual(["created", "went_live", "updated", "entries_closed", "drawn", "winners_notified", "winner_disqualified", "alternate_promoted", "winners_notified", "prize_claimed"])
      const byAction = Object.fromEntries(log.giveaway_audit_logs.map((row) => [row.action, row]))
      expect(byAction.winner_disqualified).toEqual(
        expect.objectContaining({ actor_type: "user", actor_id: me.id, details: expect.objectContaining({ reason: "Did not meet the age requirement" }) })
      )
      expect(byAction.drawn.details).toEqual(expect.objectContaining({ entrants: 3, total_entries: 15, seed_hash: expect.any(String) }))
      expect(byAction.updated.details.changes).toEqual({ ends_at: expect.objectContaining({ to: expect.any(String) }) })
    })

    it("the scheduled job closes entries once the window has closed, then draws each giveaway once its round is published", async () => {
      const ends = await Promise.all([weYoung, rally].map(async (id) => (await api.get(`/admin/giveaways/${id}`, admin)).data.giveaway))
      const closeAt = new Date(Math.max(...ends.map((g) => new Date(g.ends_at).getTime())) + 60_000)
      const first = await runDueGiveawayDraws(getContainer(), closeAt)
      expect(first).toEqual(expect.objectContaining({ due: 2, drawn: [], failed: [] }))
      expect(first.waiting.map((w) => [w.id, w.beacon_round]).sort()).toEqual(ends.map((g) => [g.id, g.beacon.round]).sort())

      const drawAt = new Date(Math.max(...ends.map((g) => new Date(g.beacon.round_time).getTime())))
      publishRoundsUntil(drawAt)
      const second = await runDueGiveawayDraws(getContainer(), drawAt)
      expect([...second.drawn].sort()).toEqual([rally, weYoung].sort())
      expect(second.failed).toEqual([])
      expect((await runDueGiveawayDraws(getContainer(), drawAt)).drawn).toEqual([])
      const { data } = await api.get(`/admin/giveaways/${rally}/audit?action=drawn`, admin)
      expect(data.giveaway_audit_logs).toEqual([expect.objectContaining({ actor_type: "system", actor_id: "draw-due-giveaways" })])
      const listed = (await api.get("/store/giveaways", store())).data.giveaways
      expect(listed.map((g) => [g.id, g.state])).toEqual(expect.arrayContaining([[weYoung, "drawn"], [rally, "drawn"]]))
      const published = (await api.get(`/store/giveaways/${rally}/draw`, store())).data
      expect(published.winners).toHaveLength(1)
      expect(published.beacon.round).toBe(ends.find((g) => g.id === rally).beacon.round)
      expect(verifyDraw(published, ["--committed-hash", ends.find((g) => g.id === rally).seed_hash]).code).toBe(0)
    })

    it("entries closed after the committed round was published re-commit to a later round, on the public record", async () => {
      const before = (await api.get(`/store/giveaways/${rally}`, store())).data.giveaway
      // The store was down: entries close a day after ends_at, long after the committed round.
      const lateAt = new Date(new Date(before.ends_at).getTime() + DAY)
      const run = await runDueGiveawayDraws(getContainer(), lateAt)
      const newRound = firstRoundAfter(DRAND_QUICKNET, new Date(lateAt.getTime() + BEACON_DELAY_MS))
      expect(run.waiting).toEqual(
        expect.arrayContaining([{ id: rally, beacon_round: newRound, available_at: roundTime(DRAND_QUICKNET, newRound).toISOString(), beacon_error: null }])
      )
      const after = (await api.get(`/store/giveaways/${rally}`, store())).data.giveaway
      expect(after.beacon.round).toBe(newRound)
      expect(after.history.find((h) => h.action === "beacon_recommitted").details).toEqual({
        from_round: before.beacon.round,
        to_round: newRound,
        to_round_at: roundTime(DRAND_QUICKNET, newRound).toISOString(),
        reason: expect.stringContaining(`after round ${before.beacon.round} was published`),
      })
      publishRoundsUntil(roundTime(DRAND_QUICKNET, newRound))
      expect((await runDueGiveawayDraws(getContainer(), roundTime(DRAND_QUICKNET, newRound))).drawn).toContain(rally)
      const published = (await api.get(`/store/giveaways/${rally}/draw`, store())).data
      // A fan holding the round saved at go-live is told the draw used another one.
      const result = verifyDraw(published, ["--committed-hash", before.seed_hash, "--round", String(before.beacon.round)])
      expect(result.code).toBe(1)
      expect(result.out).toContain(`the draw used beacon round ${newRound}, not round ${before.beacon.round} that you saved at go-live`)
    })

    it("a live giveaway closed without a draw stays public, with the closing on its record", async () => {
      expect((await api.post(`/admin/giveaways/${rally}`, { status: "closed" }, admin)).status).toBe(200)
      const { data } = await api.get(`/store/giveaways/${rally}`, store())
      expect(data.giveaway).toEqual(expect.objectContaining({ status: "closed", state: "closed", draw: null }))
      expect(data.giveaway.history.at(-1)).toEqual({ action: "closed", at: expect.any(String), details: { from: "live", without_draw: true } })
      const listed = (await api.get("/store/giveaways", store())).data.giveaways
      expect(listed.map((g) => g.id)).toContain(rally)
      // A draft never went live: it is not public, closed or not.
      const { data: draft } = await api.post("/admin/giveaways", { title: "Draft", prize: "Nothing", ends_at: new Date(Date.now() + DAY).toISOString() }, admin)
      await api.post(`/admin/giveaways/${draft.giveaway.id}`, { status: "closed" }, admin)
      expect((await api.get(`/store/giveaways/${draft.giveaway.id}`, store()).catch((e) => e.response)).status).toBe(404)
    })

    it("shows each customer only their own entries", async () => {
      const avery = (await api.get("/store/customers/me/giveaway-entries", store(fans.avery))).data
      expect(avery.giveaway_entries.map((e) => e.order_id)).toEqual([orders.avery.id, orders.avery.id])
      expect(avery.entries_by_giveaway).toEqual({ [weYoung]: 3, [rally]: 4 })
      expect(avery.entrants_by_giveaway).toEqual({}) // labels exist once entries close
      expect(JSON.stringify(avery)).not.toContain("blake")
      const blake = (await api.get(`/store/customers/me/giveaway-entries?giveaway_id=${weYoung}`, store(fans.blake))).data
      expect(new Set(blake.giveaway_entries.map((e) => e.order_id))).toEqual(new Set([orders.blake1.id, orders.blake2.id]))
      expect(blake.giveaway_entries[0].giveaway).toEqual(expect.objectContaining({ id: weYoung, status: "live" }))

      expect((await api.get(`/store/giveaways/${rally}`, store(fans.avery))).data.giveaway.my_entries.entries).toBe(4)
      expect((await api.get(`/store/giveaways/${rally}`, store(fans.blake))).data.giveaway.my_entries.entries).toBe(0)
      expect((await api.get(`/store/giveaways/${rally}`, store())).data.giveaway.my_entries).toBeNull()
      const anonymous = await api.get("/store/customers/me/giveaway-entries", store()).catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("admin routes need an admin, name the bad field in a 400, filter and count, and export entries as safe CSV", async () => {
      expect((await api.get("/admin/giveaways").catch((e) => e.response)).status).toBe(401)
      expect((await api.post(`/admin/giveaways/${weYoung}/draw`, {}).catch((e) => e.response)).status).toBe(401)
      expect((await api.get("/admin/giveaways", { headers: fans.avery.auth }).catch((e) => e.response)).status).toBe(401)

      const bad = await api
        .post("/admin/giveaways", { title: "", winners_count: 0, ends_at: "soon", rules_url: "not a url" }, admin)
        .catch((e) => e.response)
      expect(bad.status).toBe(400)
      for (const field of ["title", "prize", "winners_count", "ends_at", "rules_url"]) expect(bad.data.message).toContain(field)
      const ends_at = new Date(Date.now() + 7 * DAY).toISOString()
      const base = { title: "Photocard drop", prize: "A signed photocard", ends_at, rules_text: "Official rules." }
      const noFreeEntry = await api
        .post("/admin/giveaways", { ...base, product_ids: [demo.products[HOT_SAUCE_HANDLE].id], status: "live" }, admin)
        .catch((e) => e.response)
      expect(noFreeEntry.status).toBe(400)
      expect(noFreeEntry.data.message).toContain("free_entry_enabled")
      const unknown = await api.post("/admin/giveaways", { ...base, product_ids: ["prod_nope"] }, admin).catch((e) => e.response)
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("product_ids")

      const { data: created } = await api.post("/admin/giveaways", { ...base, free_entry_enabled: true }, admin)
      expect(created.giveaway).toEqual(expect.objectContaining({ status: "draft", seed_hash: null }))
      const live = await api.post(`/admin/giveaways/${created.giveaway.id}`, { status: "live" }, admin)
      expect(live.data.giveaway.seed_hash).toMatch(/^[0-9a-f]{64}$/)
      const frozen = await api.post(`/admin/giveaways/${weYoung}`, { entries_per_unit: 5 }, admin).catch((e) => e.response)
      expect(frozen.status).toBe(400)
      expect(frozen.data.message).toBe("entries_per_unit: cannot change once the giveaway is live")

      const { data: page } = await api.get("/admin/giveaways?status=live&limit=2&offset=1&order=title", admin)
      expect(page).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 1 }))
      expect(page.giveaways.map((g) => g.title)).toEqual(["Resonance stamp rally", "Win a signed copy of NCT Dream's We Young"])
      expect(page.giveaways[1].totals).toEqual(expect.objectContaining({ entries: 15, entrants: 3 }))
      const badQuery = await api.get("/admin/giveaways?limit=0", admin).catch((e) => e.response)
      expect(badQuery.status).toBe(400)
      expect(badQuery.data.message).toContain("limit")

      const paged = (await api.get(`/admin/giveaways/${weYoung}/entries?source=purchase&limit=2`, admin)).data
      expect(paged).toEqual(expect.objectContaining({ count: 4, limit: 2 }))
      const csv = await api.get(`/admin/giveaways/${weYoung}/entries?format=csv`, { ...admin, responseType: "text" })
      expect(csv.headers["content-type"]).toContain("text/csv")
      const lines = csv.data.trim().split("\r\n")
      expect(lines[0]).toBe(
        "id,source,customer_id,email,order_id,order_line_item_id,product_id,variant_id,units,returned_units,requested_entries,entries,voided_entries,active_entries,void_reason,country_code,region,created_at"
      )
      expect(lines).toHaveLength(5)
      expect(csv.data).toContain(`${fans.avery.email},${orders.avery.id}`)
    })
  },
})
