import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { adminHeaders, checkout, completeCart, customerHeaders, readyCart, startPayment, storeHeaders } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { HOT_SAUCE_HANDLE, RESONANCE_HANDLE } from "../../src/scripts/demo/config"
import { runPreorderMaintenance } from "@comeback/medusa-plugin/internal/jobs/release-due-preorders"
import { pool, waitFor } from "../utils/async"

jest.setTimeout(240_000)

const DAY = 86_400_000

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let admin: { headers: Record<string, string> }
    let chilling: string // limited version: cap 300, 2 per customer, 100 benefits
    let jewel: string // uncapped
    let resonance: string // in stock, not a pre-order
    let plans: Record<string, any>

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      chilling = demo.products[HOT_SAUCE_HANDLE].variants["HOTSAUCE-PB-CHILLING"]
      jewel = demo.products[HOT_SAUCE_HANDLE].variants["HOTSAUCE-JEWEL"]
      resonance = demo.products[RESONANCE_HANDLE].variants["RESONANCE-PAST"]
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/preorder-plans?product_id=${demo.products[HOT_SAUCE_HANDLE].id}`, admin)
      plans = Object.fromEntries(data.preorder_plans.map((p) => [p.variant_id, p]))
    })

    const web = (items: { variant_id: string; quantity: number }[], email = "fan@example.com", headers?: Record<string, string>) => ({
      key: demo.webKey,
      regionId: demo.regionId,
      shippingOptionId: demo.shippingOptionId,
      items,
      email,
      headers,
    })
    const updatePlan = (variantId: string, body: Record<string, unknown>) =>
      api.post(`/admin/preorder-plans/${plans[variantId].id}`, body, admin).catch((e) => e.response)
    const planOf = async (variantId: string) =>
      (await api.get(`/admin/preorder-plans/${plans[variantId].id}`, admin)).data.preorder_plan
    const itemsOfOrder = async (orderId: string) => {
      const { data } = await api.get(`/admin/preorder-plans/${plans[chilling].id}/items?order_id=${orderId}`, admin)
      return data.preorder_items
    }
    /** Orders are captured at placement by a subscriber: wait for it before refunds. */
    const captured = (orderId: string) =>
      waitFor(
        async () => (await api.get(`/admin/orders/${orderId}?fields=payment_status`, admin)).data.order.payment_status,
        (status) => status === "captured"
      )
    const notifications = (template: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template })

    it("shows fans the live plans with state, units left and the benefit", async () => {
      const { data } = await api.get(`/store/preorder-plans?variant_id=${chilling}`, storeHeaders(demo.webKey))
      expect(data.preorder_plans).toEqual([
        expect.objectContaining({
          variant_id: chilling,
          state: "open",
          remaining_units: 300,
          sold_out: false,
          per_customer_limit: 2,
          benefit_remaining: 100,
          benefit_note: expect.stringContaining("photocard"),
          release_date: demo.releaseDate.toISOString(),
        }),
      ])
      const all = await api.get(`/store/preorder-plans?product_id=${demo.products[HOT_SAUCE_HANDLE].id}`, storeHeaders(demo.webKey))
      expect(all.data.preorder_plans).toHaveLength(4)
      expect(all.data.preorder_plans.find((p) => p.variant_id === jewel).remaining_units).toBeNull()
    })

    it("refuses to add a variant before its window opens or after it closes, saying when", async () => {
      const opens = new Date(Date.now() + 2 * DAY)
      expect((await updatePlan(chilling, { window_opens_at: opens.toISOString() })).status).toBe(200)
      const early = await api
        .post("/store/carts", { region_id: demo.regionId, items: [{ variant_id: chilling, quantity: 1 }] }, storeHeaders(demo.webKey))
        .catch((e) => e.response)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain(`opens for pre-order at ${opens.toISOString()}`)

      await updatePlan(chilling, { window_opens_at: new Date(Date.now() - 3 * DAY).toISOString(), window_closes_at: new Date(Date.now() - DAY).toISOString() })
      const { data: cart } = await api.post("/store/carts", { region_id: demo.regionId }, storeHeaders(demo.webKey))
      const late = await api
        .post(`/store/carts/${cart.cart.id}/line-items`, { variant_id: chilling, quantity: 1 }, storeHeaders(demo.webKey))
        .catch((e) => e.response)
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/Pre-orders for .* closed at/)
      const { data: after } = await api.get(`/store/carts/${cart.cart.id}`, storeHeaders(demo.webKey))
      expect(after.cart.items).toHaveLength(0)
    })

    it("never oversells: 25 parallel checkouts at a cap of 10 make exactly 10 orders", async () => {
      await updatePlan(chilling, { cap: 10, per_customer_limit: null })
      const fans = Array.from({ length: 25 }, (_, i) => `racer${i}@example.com`)
      const carts = await pool(fans, 8, async (email) => {
        const cartId = await readyCart(api, web([{ variant_id: chilling, quantity: 1 }], email))
        await startPayment(api, demo.webKey, cartId)
        return cartId
      })
      const results = await Promise.all(carts.map((cartId) => completeCart(api, demo.webKey, cartId)))
      const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
      const refused = results.filter((r) => !(r.status === 200 && r.data.type === "order"))
      expect(orders).toHaveLength(10)
      expect(refused).toHaveLength(15)
      for (const r of refused) {
        expect(r.status).toBe(400)
        expect(r.data.message).toBe('NCT Dream — Hot Sauce (Photo Book "Chilling") is sold out for pre-order.')
      }
      const plan = await planOf(chilling)
      expect(plan.reserved_units).toBe(10)
      expect(plan.remaining_units).toBe(0)

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: allOrders } = await query.graph({ entity: "order", fields: ["id"] })
      expect(allOrders).toHaveLength(10)
      const { data: payments } = await query.graph({ entity: "payment", fields: ["id", "captured_at"] })
      expect(payments).toHaveLength(10)
      const { data: losers } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: carts } })
      expect(losers.filter((c) => c.completed_at)).toHaveLength(10)
    })

    it("counts the per-customer limit across orders, by email for guests and by account", async () => {
      const first = await readyCart(api, web([{ variant_id: chilling, quantity: 2 }], "Limit@Example.com"))
      const second = await readyCart(api, web([{ variant_id: chilling, quantity: 1 }], "limit@example.com"))
      await startPayment(api, demo.webKey, first)
      await startPayment(api, demo.webKey, second)
      expect((await completeCart(api, demo.webKey, first)).data.type).toBe("order")
      const refused = await completeCart(api, demo.webKey, second)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("limited to 2 per customer")
      // and a new cart for the same email is stopped as soon as the album is added
      const third = await api
        .post("/store/carts", { region_id: demo.regionId, email: "limit@example.com", items: [{ variant_id: chilling, quantity: 1 }] }, storeHeaders(demo.webKey))
        .catch((e) => e.response)
      expect(third.status).toBe(400)
      expect(third.data.message).toBe(
        'NCT Dream — Hot Sauce (Photo Book "Chilling") is limited to 2 per customer; you can pre-order 0 more.'
      )

      const auth = await customerHeaders(api, demo.webKey, "member@example.com")
      const own = await readyCart(api, web([{ variant_id: chilling, quantity: 2 }], "member@example.com", auth))
      // same account, another email on the cart: still counted against the account
      const other = await readyCart(api, web([{ variant_id: chilling, quantity: 1 }], "member-alt@example.com", auth))
      await startPayment(api, demo.webKey, own, "pp_system_default", auth)
      await startPayment(api, demo.webKey, other, "pp_system_default", auth)
      expect((await completeCart(api, demo.webKey, own, auth)).data.type).toBe("order")
      const blocked = await completeCart(api, demo.webKey, other, auth)
      expect(blocked.status).toBe(400)
      expect((await planOf(chilling)).reserved_units).toBe(4)
    })

    it("places mixed carts through the standard completion and tells which lines ship at release", async () => {
      const auth = await customerHeaders(api, demo.webKey, "mixed@example.com")
      const { response } = await checkout(
        api,
        web([{ variant_id: chilling, quantity: 1 }, { variant_id: resonance, quantity: 1 }], "mixed@example.com", auth)
      )
      expect(response.data.type).toBe("order")
      const order = response.data.order

      const mine = await waitFor(
        async () => (await api.get("/store/customers/me/preorders", { headers: { ...auth, "x-publishable-api-key": demo.webKey } })).data.preorders,
        (list) => list.length === 1
      )
      expect(mine).toEqual([
        expect.objectContaining({ order_id: order.id, variant_id: chilling, quantity: 1, status: "pending", release_date: demo.releaseDate.toISOString(), benefit_units: 1 }),
      ])
      // The same order.placed step stamps the line after it attaches the item: wait for the stamp too.
      const items = await waitFor(
        async () => (await api.get(`/admin/orders/${order.id}?fields=items.variant_id,items.metadata`, admin)).data.order.items,
        (lines) => !!lines.find((i) => i.variant_id === chilling)?.metadata?.preorder
      )
      const preorderLine = items.find((i) => i.variant_id === chilling)
      const stockLine = items.find((i) => i.variant_id === resonance)
      expect(preorderLine.metadata.preorder).toEqual(
        expect.objectContaining({ ships: "at_release", release_date: demo.releaseDate.toISOString(), benefit_units: 1 })
      )
      expect(stockLine.metadata?.preorder).toBeUndefined()

      // another customer cannot see it
      const stranger = await customerHeaders(api, demo.webKey, "stranger@example.com")
      const theirs = await api.get("/store/customers/me/preorders", { headers: { ...stranger, "x-publishable-api-key": demo.webKey } })
      expect(theirs.data.preorders).toEqual([])
      const anonymous = await api.get("/store/customers/me/preorders", storeHeaders(demo.webKey)).catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("on a delay notifies customers, moves the date on the order and lets the fan cancel for a full refund", async () => {
      const auth = await customerHeaders(api, demo.webKey, "delayed@example.com")
      const store = { headers: { ...auth, "x-publishable-api-key": demo.webKey } }
      const { response } = await checkout(api, web([{ variant_id: chilling, quantity: 2 }, { variant_id: resonance, quantity: 1 }], "delayed@example.com", auth))
      const order = response.data.order
      const [item] = await waitFor(async () => (await api.get("/store/customers/me/preorders", store)).data.preorders, (l) => l.length === 1)
      expect(await captured(order.id)).toBe("captured")

      const early = await api.post(`/store/customers/me/preorders/${item.id}/cancel`, {}, store).catch((e) => e.response)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain("has not been delayed")

      const newDate = new Date(demo.releaseDate.getTime() + 14 * DAY)
      const changed = await updatePlan(chilling, { release_date: newDate.toISOString(), reason: "Production delay" })
      expect(changed.data.release_date_change).toEqual({ from: demo.releaseDate.toISOString(), to: newDate.toISOString(), delayed: true })
      expect(changed.data.preorder_plan.date_history.changes).toEqual([
        expect.objectContaining({ from: demo.releaseDate.toISOString(), to: newDate.toISOString(), reason: "Production delay" }),
      ])
      const sent = await waitFor(() => notifications("preorder-release-date-changed"), (n) => n.length === 1)
      expect(sent[0]).toEqual(
        expect.objectContaining({
          to: "delayed@example.com",
          channel: "email",
          data: expect.objectContaining({ old_release_date: demo.releaseDate.toISOString(), new_release_date: newDate.toISOString(), can_cancel: true }),
        })
      )
      const [orderItem] = await itemsOfOrder(order.id)
      expect(orderItem).toEqual(expect.objectContaining({ release_date: newDate.toISOString(), ordered_release_date: demo.releaseDate.toISOString() }))
      const stamped = await waitFor(
        async () => (await api.get(`/admin/orders/${order.id}?fields=items.variant_id,items.metadata`, admin)).data.order.items.find((i) => i.variant_id === chilling),
        (line) => line.metadata?.preorder?.release_date === newDate.toISOString()
      )
      expect(stamped.metadata.preorder).toEqual(expect.objectContaining({ item_id: orderItem.id, ships: "at_release", release_date: newDate.toISOString() }))
      const lines = (await api.get(`/admin/orders/${order.id}?fields=total,items.variant_id,items.total`, admin)).data.order.items
      const line = lines.find((i) => i.variant_id === chilling)

      const [delayed] = (await api.get("/store/customers/me/preorders", store)).data.preorders
      expect(delayed).toEqual(expect.objectContaining({ delayed: true, can_cancel: true, release_date: newDate.toISOString() }))
      const before = (await planOf(chilling)).reserved_units
      const cancelled = await api.post(`/store/customers/me/preorders/${item.id}/cancel`, {}, store)
      expect(cancelled.data.preorder.status).toBe("cancelled")
      expect(cancelled.data.refunded_amount).toBe(String(line.total))
      expect(line.total).toBe(49.98)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.refunds.amount`, admin)
      expect(data.order.payment_collections[0].payments[0].refunds.map((r) => r.amount)).toEqual([49.98])
      const plan = await planOf(chilling)
      expect(plan.reserved_units).toBe(before - 2)
      expect(plan.benefit_remaining).toBe(100)

      const again = await api.post(`/store/customers/me/preorders/${item.id}/cancel`, {}, store).catch((e) => e.response)
      expect(again.status).toBe(400)
      const stranger = await customerHeaders(api, demo.webKey, "not-theirs@example.com")
      const foreign = await api
        .post(`/store/customers/me/preorders/${item.id}/cancel`, {}, { headers: { ...stranger, "x-publishable-api-key": demo.webKey } })
        .catch((e) => e.response)
      expect(foreign.status).toBe(404)
    })

    it("gives the limited benefit first come, first served and returns it when an order is cancelled", async () => {
      await updatePlan(chilling, { benefit_pool: 1 })
      const first = (await checkout(api, web([{ variant_id: chilling, quantity: 1 }], "early@example.com"))).response.data.order
      const second = (await checkout(api, web([{ variant_id: chilling, quantity: 1 }], "late@example.com"))).response.data.order
      const [earlyItem] = await waitFor(() => itemsOfOrder(first.id), (l) => l.length === 1 && l[0].status === "pending")
      const [lateItem] = await waitFor(() => itemsOfOrder(second.id), (l) => l.length === 1 && l[0].status === "pending")
      expect(earlyItem.benefit_units).toBe(1)
      expect(lateItem.benefit_units).toBe(0)
      const store = (await api.get(`/store/preorder-plans?variant_id=${chilling}`, storeHeaders(demo.webKey))).data.preorder_plans[0]
      expect(store.benefit_remaining).toBe(0)

      expect(await captured(first.id)).toBe("captured")
      await api.post(`/admin/orders/${first.id}/cancel`, {}, admin)
      const plan = await waitFor(() => planOf(chilling), (p) => p.benefit_remaining === 1)
      expect(plan.reserved_units).toBe(1)
      expect((await itemsOfOrder(first.id))[0]).toEqual(expect.objectContaining({ status: "cancelled", cancel_reason: "order cancelled" }))
      const { data } = await api.get(`/admin/orders/${first.id}?fields=status,payment_status`, admin)
      expect(data.order.status).toBe("canceled")
      expect(data.order.payment_status).toBe("refunded")
    })

    it("releases once: items ready, customers told, normal inventory again; running again changes nothing", async () => {
      const order = (await checkout(
        api,
        web([{ variant_id: chilling, quantity: 1 }, { variant_id: resonance, quantity: 1 }], "release@example.com")
      )).response.data.order
      await waitFor(() => itemsOfOrder(order.id), (l) => l[0]?.status === "pending")
      const line = (variantId: string) => order.items.find((i) => i.variant_id === variantId)
      const fulfil = (variantId: string) =>
        api
          .post(
            `/admin/orders/${order.id}/fulfillments`,
            { location_id: demo.stockLocationId, items: [{ id: line(variantId).id, quantity: 1 }] },
            admin
          )
          .catch((e) => e.response)

      const early = await fulfil(chilling)
      expect(early.status).toBe(400)
      expect(early.data.message).toContain("ship at release")
      expect((await fulfil(resonance)).status).toBe(200) // the in-stock album ships now

      const first = await api.post(`/admin/preorder-plans/${plans[chilling].id}/release`, {}, admin)
      expect(first.data).toEqual({ plan_id: plans[chilling].id, released_items: 1, first_release: true })
      const again = await api.post(`/admin/preorder-plans/${plans[chilling].id}/release`, {}, admin)
      expect(again.data).toEqual({ plan_id: plans[chilling].id, released_items: 0, first_release: false })

      expect((await itemsOfOrder(order.id))[0].status).toBe("ready")
      const sent = await waitFor(() => notifications("preorder-released"), (n) => n.length >= 1)
      expect(sent.filter((n) => n.to === "release@example.com")).toHaveLength(1)
      const { data } = await api.get(`/admin/products/${demo.products[HOT_SAUCE_HANDLE].id}/variants/${chilling}?fields=allow_backorder`, admin)
      expect(data.variant.allow_backorder).toBe(false)
      const store = (await api.get(`/store/preorder-plans?variant_id=${chilling}`, storeHeaders(demo.webKey))).data.preorder_plans[0]
      expect(store.state).toBe("released")
      expect((await fulfil(chilling)).status).toBe(200)
    })

    it("the scheduled job releases plans whose date has come, idempotently", async () => {
      const order = (await checkout(api, web([{ variant_id: jewel, quantity: 3 }], "job@example.com"))).response.data.order
      const jewelPlan = plans[jewel]
      await waitFor(
        async () => (await api.get(`/admin/preorder-plans/${jewelPlan.id}/items?order_id=${order.id}`, admin)).data.preorder_items,
        (l) => l[0]?.status === "pending"
      )
      const notYet = await runPreorderMaintenance(getContainer())
      expect(notYet.plans_released).toBe(0)
      const releaseDay = new Date(demo.releaseDate.getTime() + 60_000)
      const [run1, run2] = [await runPreorderMaintenance(getContainer(), releaseDay), await runPreorderMaintenance(getContainer(), releaseDay)]
      expect(run1).toEqual(expect.objectContaining({ plans_released: 4, items_released: 1 }))
      expect(run2).toEqual(expect.objectContaining({ plans_released: 0, items_released: 0 }))
      const { data } = await api.get(`/admin/preorder-plans/${jewelPlan.id}/items`, admin)
      expect(data.preorder_items.map((i) => i.status)).toEqual(["ready"])
      const sent = await waitFor(() => notifications("preorder-released"), (n) => n.length >= 1)
      expect(sent.filter((n) => n.to === "job@example.com")).toHaveLength(1)
    })

    it("at a short supply allocates first come, first served and cancels the rest with refunds in one action", async () => {
      const orders: any[] = []
      for (const email of ["first@example.com", "second@example.com", "third@example.com"]) {
        orders.push((await checkout(api, web([{ variant_id: chilling, quantity: 1 }], email))).response.data.order)
      }
      for (const order of orders) {
        await waitFor(() => itemsOfOrder(order.id), (l) => l[0]?.status === "pending")
        await captured(order.id)
      }
      const planId = plans[chilling].id
      const allocation = await api.post(`/admin/preorder-plans/${planId}/allocate`, { received_quantity: 2 }, admin)
      expect(allocation.data).toEqual(
        expect.objectContaining({ ordered_units: 3, shortfall: 1, unallocated: [expect.objectContaining({ order_id: orders[2].id, allocated: 0 })] })
      )
      const cancelled = await api.post(`/admin/preorder-plans/${planId}/cancel-unallocated`, {}, admin)
      expect(cancelled.data.cancelled).toEqual([expect.objectContaining({ order_id: orders[2].id, refunded: "24.99" })])
      expect(cancelled.data.failed).toEqual([])
      expect((await itemsOfOrder(orders[2].id))[0].status).toBe("cancelled")
      expect((await itemsOfOrder(orders[0].id))[0].status).toBe("pending")
      expect((await planOf(chilling)).units).toEqual(expect.objectContaining({ pending: 2, cancelled: 1 }))
    })

    it("aggregates a drop per day in a time zone and per minute in the database, and filters plans by state", async () => {
      const product = demo.products[HOT_SAUCE_HANDLE].id
      const placed: string[] = []
      for (const [email, variant, quantity] of [["a@fans.test", chilling, 1], ["b@fans.test", chilling, 1], ["c@fans.test", jewel, 2]] as const) {
        const { response } = await checkout(api, web([{ variant_id: variant, quantity }], email))
        expect(response.status).toBe(200)
        placed.push(response.data.order.id)
      }
      // The aggregates count items the order.placed subscriber has attached to their orders: let it finish.
      const preorders = getContainer().resolve("preorder") as any
      await waitFor(() => preorders.listPreorderItems({ order_id: placed, status: ["pending"] }), (items: any[]) => items.length === 3)
      const today = (tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date())
      for (const tz of ["Asia/Seoul", "America/Los_Angeles"]) {
        const { data } = await api.get(`/admin/drops/daily?product_id=${product}&tz=${tz}`, admin)
        expect(data.days).toEqual([{ day: today(tz), units: 4, cancelled_units: 0, orders: 3, cumulative_units: 4 }])
      }
      const badZone = await api.get(`/admin/drops/daily?product_id=${product}&tz=Mars/Olympus`, admin).catch((e) => e.response)
      expect(badZone.status).toBe(400)
      expect(badZone.data.message).toContain("tz:")
      expect((await api.get(`/admin/drops/daily`, admin).catch((e) => e.response)).data.message).toContain("product_id:")

      const { data: live } = await api.get(`/admin/drops/live?product_id=${product}&minutes=30`, admin)
      expect(live.minutes).toHaveLength(30)
      expect(live.totals).toEqual({ orders: 3, units: 4 })
      // Each minute holds the units and orders of the items reserved in it (three checkouts may straddle a minute).
      const reserved = await preorders.listPreorderItems({ order_id: placed })
      const expected: Record<string, { units: number; orders: Set<string> }> = {}
      for (const item of reserved) {
        const minute = new Date(Math.floor(new Date(item.created_at).getTime() / 60_000) * 60_000).toISOString()
        expected[minute] ??= { units: 0, orders: new Set() }
        expected[minute].units += item.quantity
        expected[minute].orders.add(item.order_id)
      }
      expect(live.minutes.filter((m) => m.units > 0)).toEqual(
        Object.entries(expected)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([minute, m]) => ({ minute, units: m.units, orders: m.orders.size }))
      )
      expect(live.versions.find((v) => v.variant_id === chilling)).toMatchObject({ cap: 300, remaining_units: 298, units: expect.objectContaining({ pending: 2 }) })
      const tooLong = await api.get(`/admin/drops/live?minutes=1000`, admin).catch((e) => e.response)
      expect(tooLong.status).toBe(400)

      const { data: byOrder } = await api.get(`/admin/preorder-items?order_id=${placed[2]}`, admin)
      expect(byOrder.preorder_items).toEqual([
        expect.objectContaining({ quantity: 2, status: "pending", plan: expect.objectContaining({ variant_id: jewel, state: "open" }) }),
      ])

      const byState = async (state: string) =>
        (await api.get(`/admin/preorder-plans?product_id=${product}&state=${state}`, admin)).data.preorder_plans.map((p) => p.variant_id)
      expect(await byState("open")).toHaveLength(4)
      expect(await byState("upcoming")).toEqual([])
      await updatePlan(jewel, { window_opens_at: new Date(Date.now() + DAY).toISOString() })
      expect(await byState("upcoming")).toEqual([jewel])
      expect(await byState("open")).toHaveLength(3)
    })

    it("validates admin input with errors naming the field, and requires an admin", async () => {
      const bad = await api.post("/admin/preorder-plans", { variant_id: resonance, release_date: "not-a-date", cap: -1 }, admin).catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("release_date")
      expect(bad.data.message).toContain("cap")
      const window = await api
        .post("/admin/preorder-plans", { variant_id: resonance, release_date: "2027-01-01T00:00:00Z", window_opens_at: "2027-02-01T00:00:00Z" }, admin)
        .catch((e) => e.response)
      expect(window.status).toBe(400)
      expect(window.data.message).toContain("window_opens_at")
      const duplicate = await api.post("/admin/preorder-plans", { variant_id: chilling, release_date: "2027-01-01T00:00:00Z" }, admin).catch((e) => e.response)
      expect(duplicate.status).toBe(422)
      expect(duplicate.data.message).toContain("variant_id")
      const { data: count } = await api.get("/admin/preorder-plans", admin)
      expect(count.count).toBe(4)

      const lowCap = await updatePlan(chilling, { cap: 0 })
      expect(lowCap.status).toBe(400)
      const filtered = await api.get("/admin/preorder-plans?status=active&limit=2&offset=1&order=-release_date", admin)
      expect(filtered.data).toEqual(expect.objectContaining({ count: 4, limit: 2, offset: 1 }))
      expect(filtered.data.preorder_plans).toHaveLength(2)
      const badQuery = await api.get("/admin/preorder-plans?limit=0", admin).catch((e) => e.response)
      expect(badQuery.status).toBe(400)
      expect(badQuery.data.message).toContain("limit")

      const created = await api.post("/admin/preorder-plans", { variant_id: resonance, release_date: "2027-01-01T00:00:00Z", status: "active", cap: 5 }, admin)
      expect(created.status).toBe(201)
      const removed = await api.delete(`/admin/preorder-plans/${created.data.preorder_plan.id}`, admin)
      expect(removed.data.deleted).toBe(true)

      const anonymous = await api.get("/admin/preorder-plans").catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })
  },
})
