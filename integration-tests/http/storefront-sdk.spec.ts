import type { HttpTypes } from "@medusajs/types"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { waitFor } from "../utils/async"
import { US_ADDRESS } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { DEMO, HOT_SAUCE_HANDLE, RESONANCE_HANDLE } from "../../src/scripts/demo/config"
import { DEMO_APP_KEY } from "@comeback/medusa-plugin/internal/modules/app-channel/demo-key"
import { signAppToken } from "@comeback/medusa-plugin/internal/modules/app-channel/lib/app-token"
import { APP_SESSION_HEADER, ComebackSdk, cartFields, orderFields, storeProductFields } from "@comeback/medusa-plugin/internal/sdk/index"
import * as Schemas from "@comeback/medusa-plugin/internal/openapi/responses"

jest.setTimeout(240_000)

const DAY = 86_400_000

/**
 * The whole fan path with Medusa's own `@medusajs/js-sdk` (through ComebackSdk,
 * which only adds our routes), and the exact calls Medusa's Next.js starter
 * makes for promotion codes (src/lib/data/cart.ts applyPromotions and
 * src/modules/checkout/components/discount-code: `sdk.store.cart.update(cartId,
 * { promo_codes })` with the cart's codes plus or minus one).
 */
comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let baseUrl: string
    let v: Record<string, string>
    let resonance: string

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      baseUrl = String(api.defaults.baseURL).replace(/\/$/, "")
      v = demo.products[HOT_SAUCE_HANDLE].variants
      resonance = demo.products[RESONANCE_HANDLE].variants["RESONANCE-PAST"]
    })

    const storefront = (publishableKey = demo.webKey) =>
      new ComebackSdk({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
    const adminSdk = async () => {
      const sdk = new ComebackSdk({ baseUrl, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
      await sdk.auth.login("user", "emailpass", { email: DEMO.adminEmail, password: DEMO.adminPassword })
      return sdk
    }
    /** A fan who registered and logged in with the SDK, as the starter's signup does. */
    const fan = async (email: string, publishableKey?: string) => {
      const sdk = storefront(publishableKey)
      await sdk.auth.register("customer", "emailpass", { email, password: "fan-password-1" })
      await sdk.store.customer.create({ email, first_name: "Fan", last_name: email.split("@")[0] })
      await sdk.auth.login("customer", "emailpass", { email, password: "fan-password-1" })
      return sdk
    }
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => ({ status: 200, message: "" }),
        (e: any) => ({ status: e.status as number, message: e.message as string })
      )
    const newCart = async (sdk: ComebackSdk, email: string, items: { variant_id: string; quantity: number }[], headers?: Record<string, string>) => {
      const { cart } = await sdk.store.cart.create({ region_id: demo.regionId, email, items }, {}, headers)
      await sdk.store.cart.update(cart.id, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS }, {}, headers)
      await sdk.store.cart.addShippingMethod(cart.id, { option_id: demo.shippingOptionId }, {}, headers)
      return cart.id
    }
    const codesOf = (cart: HttpTypes.StoreCart) => (cart.promotions ?? []).map((p) => p.code!).filter(Boolean)
    const retrieve = async (sdk: ComebackSdk, cartId: string, headers?: Record<string, string>) =>
      (await sdk.store.cart.retrieve(cartId, { fields: "+promotions.code,+discount_total" }, headers)).cart

    /** The Next.js starter's applyPromotions(codes): cart.update with the whole list. */
    const applyPromotions = (sdk: ComebackSdk, cartId: string, codes: string[], headers: Record<string, string> = {}) =>
      sdk.store.cart.update(cartId, { promo_codes: codes }, {}, headers)
    /** The starter's addPromotionCode: the cart's codes plus the typed one. */
    const addPromotionCode = async (sdk: ComebackSdk, cartId: string, code: string, headers: Record<string, string> = {}) => {
      const codes = codesOf(await retrieve(sdk, cartId, headers))
      codes.push(code)
      return applyPromotions(sdk, cartId, codes, headers)
    }
    /** The starter's removePromotionCode: the cart's codes minus the removed one. */
    const removePromotionCode = async (sdk: ComebackSdk, cartId: string, code: string, headers: Record<string, string> = {}) => {
      const codes = codesOf(await retrieve(sdk, cartId, headers)).filter((c) => c !== code)
      return applyPromotions(sdk, cartId, codes, headers)
    }

    it("browses with pre-order badges from Medusa's own product routes, current after staff move the release date", async () => {
      const sdk = storefront()
      const { products } = await sdk.store.product.list({ fields: storeProductFields.preorderPlan, region_id: demo.regionId, limit: 20 })
      expect(products.flatMap((p) => p.variants ?? []).length).toBeGreaterThan(5)
      const hotSauce = products.find((p) => p.handle === HOT_SAUCE_HANDLE)!
      const chilling = hotSauce.variants!.find((x) => x.id === v["HOTSAUCE-PB-CHILLING"]) as any
      expect(chilling.preorder_plan).toEqual(
        expect.objectContaining({
          variant_id: chilling.id,
          state: "open",
          release_date: demo.releaseDate.toISOString(),
          remaining_units: 300,
          sold_out: false,
          per_customer_limit: 2,
          benefit_remaining: 100,
        })
      )
      // The documented shape (docs/openapi.json: StorePreorderPlan), strictly.
      Schemas.StorePreorderPlanSchema.parse(chilling.preorder_plan)
      // The same object /store/preorder-plans gives, and Medusa's default fields are still there.
      const { preorder_plans } = await sdk.store.preorders.listPlans({ variant_id: chilling.id })
      expect(chilling.preorder_plan).toEqual(preorder_plans[0])
      expect(chilling.calculated_price ?? chilling.title).toBeTruthy()
      expect(hotSauce.title).toBeTruthy()
      const inStock = products.find((p) => p.handle === RESONANCE_HANDLE)!
      expect(inStock.variants!.every((x: any) => x.preorder_plan === null)).toBe(true)

      // Staff-only columns never reach the store.
      expect(Object.keys(chilling.preorder_plan)).not.toEqual(expect.arrayContaining(["cap"]))
      expect(chilling.preorder_plan.date_history).toBeUndefined()

      // A draft plan is not shown; a moved release date shows at once.
      const admin = await adminSdk()
      await admin.admin.preorderPlans.create({ variant_id: resonance, release_date: new Date(Date.now() + 40 * DAY).toISOString(), status: "draft" })
      const moved = new Date(demo.releaseDate.getTime() + 7 * DAY)
      await admin.admin.drops.update(chilling.preorder_plan.id, { release_date: moved.toISOString(), reason: "Manufacturing delay" })
      const after = await sdk.store.product.list({ fields: storeProductFields.preorderPlan, region_id: demo.regionId, limit: 20 })
      const variants = after.products.flatMap((p) => p.variants ?? []) as any[]
      expect(variants.find((x) => x.id === resonance).preorder_plan).toBeNull()
      expect(variants.find((x) => x.id === chilling.id).preorder_plan.release_date).toBe(moved.toISOString())
      // Nothing stale left in product metadata to contradict it; a store seeded before loses the old key at the next seed.
      const { product: stored } = await admin.admin.product.retrieve(hotSauce.id, { fields: "metadata" })
      expect((stored.metadata as any)?.release_date).toBeUndefined()
      await admin.admin.product.update(hotSauce.id, { metadata: { artist: "NCT Dream", release_date: "2020-01-01T00:00:00.000Z" } })
      await seedDemo(getContainer())
      const { product: reseeded } = await admin.admin.product.retrieve(hotSauce.id, { fields: "metadata" })
      expect(reseeded.metadata).toEqual({ artist: "NCT Dream" })
    })

    it("pre-orders with the SDK: cart lines say which ship at release, the order's lines and the fan's own list say it too", async () => {
      const sdk = await fan("sdk-preorder@example.com")
      const chilling = v["HOTSAUCE-PB-CHILLING"]
      const cartId = await newCart(sdk, "sdk-preorder@example.com", [
        { variant_id: chilling, quantity: 2 },
        { variant_id: resonance, quantity: 1 },
      ])
      const { cart } = await sdk.store.cart.retrieve(cartId, { fields: cartFields.preorderPlan })
      const line = (variant: string) => cart.items!.find((i) => i.variant_id === variant) as any
      expect(line(chilling).preorder_plan).toEqual(expect.objectContaining({ state: "open", release_date: demo.releaseDate.toISOString() }))
      expect(line(resonance).preorder_plan).toBeNull()
      expect(cart.total).toBeDefined() // Medusa's default cart fields are kept

      const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      expect(payment_collection.payment_sessions?.length).toBe(1)
      const completed = await sdk.store.cart.complete(cartId)
      expect(completed.type).toBe("order")
      const orderId = (completed as any).order.id as string

      const order = await waitFor(
        async () => (await sdk.store.order.retrieve(orderId, { fields: orderFields.preorderItem })).order,
        (o) => Boolean((o.items!.find((i) => i.variant_id === chilling) as any)?.preorder_item?.status === "pending")
      )
      const ordered = order.items!.find((i) => i.variant_id === chilling) as any
      expect(ordered.preorder_item).toEqual(
        expect.objectContaining({ status: "pending", release_date: demo.releaseDate.toISOString(), benefit_units: 2 })
      )
      Schemas.StorePreorderLineSchema.parse(ordered.preorder_item)
      expect((order.items!.find((i) => i.variant_id === resonance) as any).preorder_item).toBeNull()

      const { preorders } = await sdk.store.preorders.listMine()
      preorders.forEach((p) => Schemas.StoreCustomerPreorderSchema.parse(p))
      expect(preorders).toEqual([expect.objectContaining({ order_id: orderId, variant_id: chilling, quantity: 2, status: "pending" })])
      const { preorder_plans } = await sdk.store.preorders.listPlans({ variant_id: chilling })
      expect(preorder_plans[0]).toMatchObject({ remaining_units: 298, benefit_remaining: 98 })

      // The per-customer limit refuses with a clear message through the SDK.
      const refused = await failure(sdk.store.cart.create({ region_id: demo.regionId, email: "sdk-preorder@example.com", items: [{ variant_id: chilling, quantity: 1 }] }))
      expect(refused.status).toBe(400)
      expect(refused.message).toContain("limited to 2 per customer")
    })

    it("joins and leaves a group from the Next.js starter's promo box (cart.update), and the group cart shows its progress", async () => {
      const sdk = storefront()
      const cartId = await newCart(sdk, "starter-box@example.com", [{ variant_id: v["HOTSAUCE-PB-BORING"], quantity: 5 }])

      // Typed into the promo box, as typed: lower case, spaces.
      await addPromotionCode(sdk, cartId, ` ${DEMO.groupCode.toLowerCase()} `)
      let cart = await retrieve(sdk, cartId)
      expect(codesOf(cart)).toEqual([`${DEMO.groupCode}-T1`])
      expect(Number(cart.discount_total)).toBeCloseTo(6.2475, 6)
      const { group_order } = await sdk.store.groupOrders.retrieveForCart(cartId)
      expect(group_order).toMatchObject({ code: DEMO.groupCode, status: "open" })
      Schemas.StoreGroupOrderSchema.parse(group_order)
      Schemas.StoreGroupCampaignSchema.array().parse((await sdk.store.groupOrders.listCampaigns()).group_campaigns)

      // An unknown code next to it: Medusa's own message, and the group stays.
      const unknown = await failure(addPromotionCode(sdk, cartId, "NOSUCHCODE"))
      expect(unknown).toEqual({ status: 400, message: "The promotion code NOSUCHCODE is invalid" })
      expect(codesOf(await retrieve(sdk, cartId))).toEqual([`${DEMO.groupCode}-T1`])

      // Another real code: both apply (the starter sends the tier code back with it).
      const admin = await adminSdk()
      await admin.admin.promotion.create({
        code: "STACK10",
        type: "standard",
        status: "active",
        application_method: {
          type: "percentage", target_type: "items", allocation: "each", max_quantity: 10, value: 10,
          target_rules: [{ attribute: "items.product.id", operator: "in", values: [demo.products[HOT_SAUCE_HANDLE].id] }],
        },
      } as any)
      await addPromotionCode(sdk, cartId, "STACK10")
      cart = await retrieve(sdk, cartId)
      expect(codesOf(cart).sort()).toEqual([`${DEMO.groupCode}-T1`, "STACK10"])

      // The trash icon on the group's code: the starter sends the rest; the cart leaves the group.
      await removePromotionCode(sdk, cartId, `${DEMO.groupCode}-T1`)
      cart = await retrieve(sdk, cartId)
      expect(codesOf(cart)).toEqual(["STACK10"])
      expect((await sdk.store.groupOrders.retrieveForCart(cartId)).group_order).toBeNull()
      await removePromotionCode(sdk, cartId, "STACK10")
      cart = await retrieve(sdk, cartId)
      expect(codesOf(cart)).toEqual([])
      expect(Number(cart.discount_total)).toBe(0)

      // Medusa's other two paths do the same: add (POST /promotions) joins, remove (DELETE) leaves.
      const added = await sdk.store.cart.addPromotions(cartId, { promo_codes: [DEMO.groupCode] })
      expect(codesOf(added.cart)).toEqual([`${DEMO.groupCode}-T1`])
      expect(Number(added.cart.discount_total)).toBeCloseTo(6.2475, 6)
      const removed = await sdk.store.cart.removePromotions(cartId, { promo_codes: [DEMO.groupCode] })
      expect(codesOf(removed.cart)).toEqual([])
      expect((await sdk.store.groupOrders.retrieveForCart(cartId)).group_order).toBeNull()
    })

    it("refuses a group the cart may not join with the same reason on every path", async () => {
      const admin = await adminSdk()
      const { group_campaign } = await admin.admin.groupCampaigns.create({
        title: "Two per member",
        product_ids: [demo.products[HOT_SAUCE_HANDLE].id],
        tiers: [{ min_units: 2, percent: 5 }],
        ends_at: new Date(Date.now() + 7 * DAY).toISOString(),
        currency_code: "usd",
        max_units_per_member: 2,
      })
      const leader = await fan("two-leader@example.com")
      const { group_order } = await leader.store.groupOrders.start({ campaign_id: group_campaign.id })
      const sdk = storefront()
      const cartId = await newCart(sdk, "too-many@example.com", [{ variant_id: v["HOTSAUCE-PB-CRAZY"], quantity: 3 }])
      const expected = `Each member of group ${group_order.code} may buy up to 2 units; this cart has 3.`
      expect(await failure(applyPromotions(sdk, cartId, [group_order.code]))).toEqual({ status: 400, message: expected })
      expect(await failure(sdk.store.cart.addPromotions(cartId, { promo_codes: [group_order.code] }))).toEqual({ status: 400, message: expected })
      expect(await failure(sdk.store.groupOrders.join(cartId, { code: group_order.code }))).toEqual({ status: 400, message: expected })
      expect((await sdk.store.groupOrders.retrieveForCart(cartId)).group_order).toBeNull()
    })

    it("app-only offer: refused with its reason on a web cart by every path, applied in the app with a session, removed by the starter's call", async () => {
      const web = storefront()
      const webCart = await newCart(web, "web-fan@example.com", [{ variant_id: v["HOTSAUCE-PB-CRAZY"], quantity: 2 }])
      const onlyInApp = `promo_codes: ${DEMO.appCode} is an app-only offer: open the Comeback app to use it.`
      expect(await failure(addPromotionCode(web, webCart, DEMO.appCode))).toEqual({ status: 400, message: onlyInApp })
      expect(await failure(web.store.cart.addPromotions(webCart, { promo_codes: [DEMO.appCode] }))).toEqual({ status: 400, message: onlyInApp })
      expect(codesOf(await retrieve(web, webCart))).toEqual([])
      // What the storefront receives on the wire: Medusa's error envelope, documented as Error.
      const raw = await fetch(`${baseUrl}/store/carts/${webCart}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": demo.webKey },
        body: JSON.stringify({ promo_codes: [DEMO.appCode] }),
      })
      expect(raw.status).toBe(400)
      expect(Schemas.ErrorSchema.parse(await raw.json())).toMatchObject({ type: "invalid_data", message: onlyInApp })

      const app = storefront(demo.appKey)
      const attestation = await signAppToken({ sub: "sdk-device-1", platform: "ios" } as any, DEMO_APP_KEY)
      const { app_session } = await app.store.appSessions.open({ attestation })
      Schemas.StoreAppSessionSchema.parse(app_session)
      const session = { [APP_SESSION_HEADER]: app_session.token }
      const appCart = await newCart(app, "app-fan@example.com", [{ variant_id: v["HOTSAUCE-PB-CRAZY"], quantity: 2 }], session)
      const noSession = await failure(addPromotionCode(app, appCart, DEMO.appCode))
      expect(noSession).toEqual({ status: 400, message: `promo_codes: ${DEMO.appCode} needs a verified app session (send the ${APP_SESSION_HEADER} header).` })
      await addPromotionCode(app, appCart, DEMO.appCode, session)
      let cart = await retrieve(app, appCart, session)
      expect(codesOf(cart)).toEqual([DEMO.appCode])
      expect(Number(cart.discount_total)).toBeGreaterThan(0)
      const offers = await app.store.appSessions.listOffers(session)
      expect(offers.app_promotions.map((p: any) => p.code)).toContain(DEMO.appCode)
      await removePromotionCode(app, appCart, DEMO.appCode, session)
      cart = await retrieve(app, appCart, session)
      expect(codesOf(cart)).toEqual([])
    })

    it("enters a giveaway and sees the fan's own entries", async () => {
      const sdk = await fan("sdk-giveaway@example.com")
      const { giveaways } = await sdk.store.giveaways.list()
      const giveaway = giveaways[0]
      expect(giveaway).toMatchObject({ status: "live" })
      const entered = await sdk.store.giveaways.enterFree(giveaway.id, { age_confirmed: true, country_code: "us", region: "NY" })
      expect(entered.giveaway_entry).toMatchObject({ source: "free", entries: 1 })
      Schemas.StoreGiveawayEntrySchema.parse(entered.giveaway_entry)
      giveaways.forEach((g) => Schemas.StoreGiveawaySchema.parse(g))
      const again = await failure(sdk.store.giveaways.enterFree(giveaway.id, { age_confirmed: true, country_code: "us", region: "NY" }))
      expect(again.status).toBe(400)
      expect(again.message).toBeTruthy()
      const mine = await sdk.store.giveaways.listMyEntries()
      expect(mine.giveaway_entries).toEqual([expect.objectContaining({ source: "free", giveaway: expect.objectContaining({ id: giveaway.id }) })])
      const { giveaway: detail } = await sdk.store.giveaways.retrieve(giveaway.id)
      expect(detail.my_entries).toBeTruthy()
    })
  },
})
