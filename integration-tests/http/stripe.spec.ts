import { comebackIntegrationTestRunner } from "../utils/runner"
import { startStripeStandIn } from "../utils/stripe-stand-in"
import { adminHeaders, completeCart, readyCart, startPayment } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { RESONANCE_HANDLE } from "../../src/scripts/demo/config"

jest.setTimeout(120_000)

const WEBHOOK_SECRET = "whsec_comeback_test"
let stripe: Awaited<ReturnType<typeof startStripeStandIn>>

// Runs before the Medusa runner's own beforeAll, so medusa-config.ts sees Stripe configured.
beforeAll(async () => {
  stripe = await startStripeStandIn()
  process.env.STRIPE_API_KEY = "sk_test_comeback_standin"
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.STRIPE_API_HOST = stripe.url
})
afterAll(() => stripe?.close())

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let variantId: string

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      variantId = demo.products[RESONANCE_HANDLE].variants["RESONANCE-PAST"]
    })

    const cart = (email: string) =>
      readyCart(api, {
        key: demo.webKey,
        regionId: demo.regionId,
        shippingOptionId: demo.shippingOptionId,
        email,
        items: [{ variant_id: variantId, quantity: 2 }],
      })

    const orderForCart = async (cartId: string) => {
      const { data } = await api.get(`/admin/orders?fields=id,total,payment_status,*payment_collections.payments&limit=50`, await adminHeaders(api))
      const { data: cartData } = await api.get(`/store/carts/${cartId}?fields=id,completed_at`, { headers: { "x-publishable-api-key": demo.webKey } }).catch((e) => e.response)
      return { orders: data.orders, completed: Boolean(cartData?.cart?.completed_at) }
    }

    it("registers Medusa's Stripe provider in the region", async () => {
      const { data } = await api.get("/admin/payments/payment-providers", await adminHeaders(api))
      expect(data.payment_providers.map((p) => p.id)).toEqual(expect.arrayContaining(["pp_stripe_stripe", "pp_system_default"]))
      const { data: region } = await api.get(`/store/regions/${demo.regionId}?fields=*payment_providers`, { headers: { "x-publishable-api-key": demo.webKey } })
      expect(region.region.payment_providers.map((p) => p.id)).toContain("pp_stripe_stripe")
    })

    it("checks out through Stripe's API, captures the exact amount, and refunds through it", async () => {
      const cartId = await cart("stripe-fan@example.com")
      const session = await startPayment(api, demo.webKey, cartId, "pp_stripe_stripe")
      const create = stripe.requests.find((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.body["metadata[session_id]"] === session.id)!
      expect(create).toBeDefined()
      expect(create.auth).toBe("Bearer sk_test_comeback_standin")
      // 2 × $22.50 + $5.00 shipping, in cents
      expect(create.body.amount).toBe("5000")
      expect(create.body.currency).toBe("usd")

      stripe.confirm(session.data.id)
      const completed = await completeCart(api, demo.webKey, cartId)
      expect(completed.data.type).toBe("order")
      const order = completed.data.order
      expect(order.total).toBe(50)

      const admin = await adminHeaders(api)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=payment_status,*payment_collections.payments`, admin)
      expect(data.order.payment_status).toBe("captured")
      const payment = data.order.payment_collections[0].payments[0]
      expect(payment.provider_id).toBe("pp_stripe_stripe")

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 12.34 }, admin)
      expect(stripe.refunds).toEqual([expect.objectContaining({ payment_intent: session.data.id, amount: 1234 })])
    })

    it("completes the order from a signed payment_intent.succeeded webhook, and ignores a forged one", async () => {
      const paid = await cart("webhook-fan@example.com")
      const paidSession = await startPayment(api, demo.webKey, paid, "pp_stripe_stripe")
      const forged = await cart("forged-fan@example.com")
      const forgedSession = await startPayment(api, demo.webKey, forged, "pp_stripe_stripe")

      const good = stripe.webhook("payment_intent.succeeded", stripe.confirm(paidSession.data.id), WEBHOOK_SECRET)
      const bad = stripe.webhook("payment_intent.succeeded", stripe.confirm(forgedSession.data.id), "whsec_someone_else")
      for (const hook of [good, bad]) {
        const response = await api.post("/hooks/payment/stripe_stripe", hook.payload, {
          headers: { "content-type": "application/json", "stripe-signature": hook.signature },
        })
        expect(response.status).toBe(200)
      }

      const deadline = Date.now() + 30_000
      while (!(await orderForCart(paid)).completed && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250))
      }
      expect((await orderForCart(paid)).completed).toBe(true)
      expect((await orderForCart(forged)).completed).toBe(false)
    })
  },
})
