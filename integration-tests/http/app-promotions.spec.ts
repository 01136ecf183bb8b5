import { generateKeyPairSync } from "node:crypto"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { waitFor } from "../utils/async"
import { adminHeaders, completeCart, readyCart, startPayment, storeHeaders } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { DEMO, HOT_SAUCE_HANDLE } from "../../src/scripts/demo/config"
import { DEMO_APP_KEY } from "@comeback/medusa-plugin/internal/modules/app-channel/demo-key"
import { signAppToken } from "@comeback/medusa-plugin/internal/modules/app-channel/lib/app-token"
import { APP_CHANNEL_MODULE } from "@comeback/medusa-plugin/internal/modules/app-channel/index"
import { runAppRedemptionMaintenance } from "@comeback/medusa-plugin/internal/jobs/tidy-app-redemptions"

jest.setTimeout(180_000)

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let admin: { headers: Record<string, string> }
    let crazy: string // Hot Sauce "Crazy", $24.99
    const CODE = DEMO.appCode

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      crazy = demo.products[HOT_SAUCE_HANDLE].variants["HOTSAUCE-PB-CRAZY"]
    })
    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    const attestation = (device: string, claims: Record<string, unknown> = {}, key: { kid: string; private_key_pem: string } = DEMO_APP_KEY) =>
      signAppToken({ sub: device, platform: "ios", ...claims } as any, key)
    const openSession = (token: string, key = demo.appKey) =>
      api.post("/store/app-sessions", { attestation: token }, storeHeaders(key)).catch((e) => e.response)
    const session = async (device: string) => {
      const { data } = await openSession(attestation(device))
      return { "x-app-session": data.app_session.token as string }
    }
    const cart = (key: string, email: string, headers: Record<string, string> = {}) =>
      readyCart(api, { key, regionId: demo.regionId, shippingOptionId: demo.shippingOptionId, email, items: [{ variant_id: crazy, quantity: 2 }], headers })
    const applyCode = (key: string, cartId: string, headers: Record<string, string> = {}) =>
      api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [CODE] }, storeHeaders(key, headers)).catch((e) => e.response)
    const payAndComplete = async (cartId: string, headers: Record<string, string> = {}) => {
      await startPayment(api, demo.appKey, cartId, "pp_system_default", headers)
      return completeCart(api, demo.appKey, cartId, headers)
    }
    /** An app cart with the code applied under a fresh session of `device`. */
    const appCartWithCode = async (email: string, device: string) => {
      const headers = await session(device)
      const cartId = await cart(demo.appKey, email, headers)
      const applied = await applyCode(demo.appKey, cartId, headers)
      expect(applied.status).toBe(200)
      return { cartId, headers, applied }
    }

    it("refuses the app-only code on a web cart", async () => {
      const cartId = await cart(demo.webKey, "web@example.com")
      const res = await applyCode(demo.webKey, cartId)
      expect(res.status).toBe(400)
      expect(res.data.message).toBe(`Invalid request: promo_codes: ${CODE} is an app-only offer: open the Comeback app to use it.`.replace("Invalid request: ", ""))
      const { data } = await api.get(`/store/carts/${cartId}?fields=discount_total,promotions.code`, storeHeaders(demo.webKey))
      expect(data.cart.promotions).toEqual([])
      // Even with a live app session, a web cart is not an app cart.
      const withSession = await applyCode(demo.webKey, cartId, await session("web-device"))
      expect(withSession.status).toBe(400)
    })

    it("refuses the code on a Mobile App cart without an app session", async () => {
      const cartId = await cart(demo.appKey, "no-session@example.com")
      const res = await applyCode(demo.appKey, cartId)
      expect(res.status).toBe(400)
      expect(res.data.message).toBe(`promo_codes: ${CODE} needs a verified app session (send the x-app-session header).`)
      const forgedHeader = await applyCode(demo.appKey, cartId, { "x-app-session": "made-up-token" })
      expect(forgedHeader.data.message).toMatch(/app session is not valid/)
    })

    it("rejects forged, expired and replayed attestations, and non-app keys", async () => {
      const other = generateKeyPairSync("ed25519")
      const forged = await openSession(attestation("d1", {}, { kid: DEMO_APP_KEY.kid, private_key_pem: other.privateKey.export({ type: "pkcs8", format: "pem" }).toString() }))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toBe("attestation: the attestation's signature is not valid")
      const now = Math.floor(Date.now() / 1000)
      const expired = await openSession(attestation("d1", { iat: now - 400, exp: now - 10 }))
      expect(expired.data.message).toBe("attestation: the attestation has expired")
      const token = attestation("d1")
      // The same attestation five times at once: exactly one session.
      const replays = await Promise.all(Array.from({ length: 5 }, () => openSession(token)))
      expect(replays.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400])
      expect(replays.find((r) => r.status === 400).data.message).toBe("attestation: this attestation was already used; request a new one")
      const web = await openSession(attestation("d2"), demo.webKey)
      expect(web.status).toBe(400)
      expect(web.data.message).toMatch(/^x-publishable-api-key: this key is not an app channel's/)
      const bad = await api.post("/store/app-sessions", { token: "x" }, storeHeaders(demo.appKey)).catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("attestation")
    })

    it("gives the app price with a live session, and the order records the app promotion", async () => {
      const { cartId, headers, applied } = await appCartWithCode("fan@example.com", "phone-1")
      expect(Number(applied.data.cart.discount_total)).toBeCloseTo(4.998, 6) // 2 × 24.99 × 10 %
      const offers = await api.get("/store/app-promotions", storeHeaders(demo.appKey, headers))
      expect(offers.data.app_promotions).toEqual([
        expect.objectContaining({ id: demo.appPromotionId, code: CODE, title: "App exclusive: 10% off Hot Sauce", per_customer_limit: 1 }),
      ])
      expect((await api.get("/store/app-promotions", storeHeaders(demo.appKey)).catch((e) => e.response)).status).toBe(401)
      expect((await api.get("/store/app-promotions", storeHeaders(demo.webKey, headers)).catch((e) => e.response)).status).toBe(400)

      const completed = await payAndComplete(cartId, headers)
      expect(completed.status).toBe(200)
      const orderId = completed.data.order.id
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,discount_total,metadata,sales_channel_id,items.adjustments.code`, admin)
      expect(Number(data.order.discount_total)).toBeCloseTo(4.998, 6)
      expect(data.order.items[0].adjustments.map((a) => a.code)).toEqual([CODE])
      // Recorded by the order.placed subscriber.
      const recorded = await waitFor(
        async () => (await api.get(`/admin/orders/${orderId}?fields=metadata`, admin)).data,
        (d) => Boolean(d.order.metadata?.app)
      )
      expect(recorded.order.metadata.app).toMatchObject({ sales_channel_id: demo.appChannelId, platform: "ios", promotion_codes: [CODE], promotion_ids: [demo.appPromotionId] })
      const { data: listed } = await api.get("/admin/app-promotions", admin)
      expect(listed.app_promotions[0]).toMatchObject({ code: CODE, orders: 1 })
      // The promotion page's widget: the offer and its uses, counted in the database.
      const { data: widget } = await api.get(`/admin/promotions/${demo.appPromotionId}/app-channels`, admin)
      expect(widget.app_promotion).toMatchObject({ promotion_id: demo.appPromotionId, sales_channel_ids: [demo.appChannelId], per_customer_limit: 1 })
      expect(widget.uses).toEqual({ placed: 1, reserved: 0, cancelled: 0 })
      expect((await api.get(`/admin/app-promotions?sales_channel_id=${demo.appChannelId}`, admin)).data.count).toBe(1)
      expect((await api.get(`/admin/app-promotions?sales_channel_id=${demo.webChannelId}`, admin)).data).toMatchObject({ count: 0, app_promotions: [] })
    })

    it("never places an order at the app price when the session expires before completion", async () => {
      const { cartId, headers } = await appCartWithCode("slow@example.com", "phone-2")
      const apps: any = getContainer().resolve(APP_CHANNEL_MODULE)
      const [live] = await apps.listAppSessions({ device_id: "phone-2" })
      await apps.updateAppSessions({ id: live.id, expires_at: new Date(Date.now() - 1000) })

      const refused = await payAndComplete(cartId, headers)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        `Your app session has expired or is missing, so ${CODE} was removed from your cart. Open the app to get the app price again, or check out at the regular price.`
      )
      const { data } = await api.get(`/store/carts/${cartId}?fields=discount_total,total,promotions.code,completed_at`, storeHeaders(demo.appKey))
      expect(data.cart.promotions).toEqual([])
      expect(Number(data.cart.discount_total)).toBe(0)
      expect(data.cart.completed_at).toBeNull()

      // A forged session header at completion is treated the same way.
      const second = await appCartWithCode("slow2@example.com", "phone-3")
      const forged = await payAndComplete(second.cartId, { "x-app-session": "forged" })
      expect(forged.status).toBe(400)
      const { data: orders } = await api.get("/admin/orders?fields=id,email&limit=100", admin)
      expect(orders.orders.filter((o) => o.email.startsWith("slow"))).toEqual([])
    })

    it("holds per-customer and per-device limits, also for parallel checkouts", async () => {
      // Once per customer: five carts of one fan, on five devices, completed at once → one order.
      const carts: Awaited<ReturnType<typeof appCartWithCode>>[] = []
      for (const i of [1, 2, 3, 4, 5]) carts.push(await appCartWithCode("greedy@example.com", `greedy-phone-${i}`))
      for (const c of carts) await startPayment(api, demo.appKey, c.cartId, "pp_system_default", c.headers)
      const results = await Promise.all(carts.map((c) => completeCart(api, demo.appKey, c.cartId, c.headers)))
      expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400])
      expect(results.find((r) => r.status === 400).data.message).toBe(`${CODE} can be used 1 time per customer, and you have used it already.`)

      // Once per device: two fans on one phone.
      const marked = await api.post(
        `/admin/promotions/${demo.appPromotionId}/app-channels`,
        { sales_channel_ids: [demo.appChannelId], per_customer_limit: 5, per_device_limit: 1 },
        admin
      )
      expect(marked.data.app_promotion).toMatchObject({ per_customer_limit: 5, per_device_limit: 1 })
      const first = await appCartWithCode("sibling-a@example.com", "family-tablet")
      expect((await payAndComplete(first.cartId, first.headers)).status).toBe(200)
      const second = await appCartWithCode("sibling-b@example.com", "family-tablet")
      const refused = await payAndComplete(second.cartId, second.headers)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`${CODE} can be used 1 time per device, and this device has used it already.`)

      // A checkout that crashed after taking a use gives it back (the maintenance job, after 30 minutes).
      const apps: any = getContainer().resolve(APP_CHANNEL_MODULE)
      const [phone] = await apps.listAppSessions({ device_id: "family-tablet" })
      await apps.reserveRedemptions({
        promotions: [{ promotion_id: demo.appPromotionId, code: CODE, per_customer_limit: 5, per_device_limit: 2 }],
        cart_id: "cart_crashed", session: phone, email: "crashed@example.com", customer_id: null,
      })
      expect(await runAppRedemptionMaintenance(getContainer(), new Date(Date.now() + 31 * 60_000))).toEqual({ reattached: 0, freed: 1 })
      const [tally] = await apps.listAppRedemptionTallies({ promotion_id: demo.appPromotionId, holder: "device:family-tablet" })
      expect(tally.uses).toBe(1)
    })

    it("lets staff configure app channels and mark or unmark promotions, admins only", async () => {
      const { data } = await api.get("/admin/app-channels", admin)
      expect(data.app_channels).toEqual([expect.objectContaining({ sales_channel_id: demo.appChannelId, sales_channel_name: "Mobile App", platform: "both" })])
      // Outside production the committed demo key is trusted: staff see it as a warning.
      expect(data.providers).toEqual([
        {
          id: "signed-token",
          ready: true,
          details: { key_ids: [DEMO_APP_KEY.kid], demo_key_ids: [DEMO_APP_KEY.kid], warning: expect.stringMatching(/^the committed demo key is trusted/) },
        },
      ])
      expect((await api.get("/admin/app-channels").catch((e) => e.response)).status).toBe(401)

      const notApp = await api.post(`/admin/promotions/${demo.appPromotionId}/app-channels`, { sales_channel_ids: [demo.webChannelId] }, admin).catch((e) => e.response)
      expect(notApp.status).toBe(400)
      expect(notApp.data.message).toBe(`sales_channel_ids: ${demo.webChannelId} is not an app channel; configure it at /admin/app-channels first`)
      const bad = await api.post(`/admin/promotions/${demo.appPromotionId}/app-channels`, { per_device_limit: 0 }, admin).catch((e) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("sales_channel_ids")
      expect(bad.data.message).toContain("per_device_limit")
      const badChannel = await api.post("/admin/app-channels", { sales_channel_id: demo.webChannelId, platform: "windows" }, admin).catch((e) => e.response)
      expect(badChannel.data.message).toContain("platform")

      // Unmarked, the code is an ordinary promotion again: a web cart can use it.
      await api.delete(`/admin/promotions/${demo.appPromotionId}/app-channels`, admin)
      const cartId = await cart(demo.webKey, "after-unmark@example.com")
      const applied = await applyCode(demo.webKey, cartId)
      expect(applied.status).toBe(200)
      expect(Number(applied.data.cart.discount_total)).toBeCloseTo(4.998, 6)
      expect((await api.get("/admin/app-promotions", admin)).data.count).toBe(0)
      expect((await api.get(`/admin/promotions/${demo.appPromotionId}/app-channels`, admin)).data).toEqual({
        app_promotion: null,
        uses: { placed: 0, reserved: 0, cancelled: 0 },
      })
      expect((await api.get("/admin/promotions/promo_missing/app-channels", admin).catch((e) => e.response)).status).toBe(404)
    })
  },
})
