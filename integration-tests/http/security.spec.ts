/**
 * Hardening (issue 13), against the real app and PostgreSQL: production refuses
 * unsafe secrets; bad input is a 400 naming the field and changes nothing;
 * allocation, plan deletion and group starts hold under parallel requests;
 * refunds claimed by a run that died are finished exactly once.
 * (Two server processes racing the same refunds: integration-tests/smoke/two-servers.spec.ts.)
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { spawn } from "node:child_process"
import path from "node:path"
import { runPreorderMaintenance } from "@comeback/medusa-plugin/internal/jobs/release-due-preorders"
import { runGroupSettlement } from "@comeback/medusa-plugin/internal/jobs/settle-due-group-orders"
import { HOT_SAUCE_HANDLE, RESONANCE_HANDLE } from "../../src/scripts/demo/config"
import { DemoSeedResult, seedDemo } from "../../src/scripts/demo/seed-demo"
import { settlementNote } from "@comeback/medusa-plugin/internal/workflows/group-order/steps/settlement-steps"
import { preorderRefundNote } from "@comeback/medusa-plugin/internal/modules/preorder/lib/refund-note"
import { waitFor } from "../utils/async"
import { freePort } from "../utils/ports"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { adminHeaders, checkout, completeCart, customerHeaders, readyCart, startPayment, storeHeaders } from "../utils/store"

jest.setTimeout(240_000)

const root = path.resolve(__dirname, "../..")
const DAY = 86_400_000
const TOO_BIG = 2_147_483_648

/** Runs `medusa start` and returns its exit code and output (it must exit on its own). */
function bootInProduction(env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; output: string }>(async (resolve) => {
    const full: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(await freePort()), LOG_LEVEL: "error", ...env }
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete full[name]
    let output = ""
    const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["start"], { cwd: root, env: full, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout!.on("data", (chunk) => (output += chunk))
    child.stderr!.on("data", (chunk) => (output += chunk))
    const killer = setTimeout(() => child.kill("SIGKILL"), 90_000)
    child.on("exit", (code) => {
      clearTimeout(killer)
      resolve({ code, output })
    })
  })
}

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let admin: { headers: Record<string, string> }
    let jewel: string
    let resonance: string
    let productId: string

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
      productId = demo.products[HOT_SAUCE_HANDLE].id
      jewel = demo.products[HOT_SAUCE_HANDLE].variants["HOTSAUCE-JEWEL"]
      resonance = demo.products[RESONANCE_HANDLE].variants["RESONANCE-PAST"]
    })
    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    const sql = (text: string, bindings: any[] = []) =>
      getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings).then((r: any) => r.rows)
    const web = (email: string, quantity = 1, variant = jewel, headers?: Record<string, string>) => ({
      key: demo.webKey,
      regionId: demo.regionId,
      shippingOptionId: demo.shippingOptionId,
      items: [{ variant_id: variant, quantity }],
      email,
      headers,
    })
    const post = (url: string, body: unknown, options: object = admin) => api.post(url, body, options).catch((e) => e.response)
    const get = (url: string, options: object = admin) => api.get(url, options).catch((e) => e.response)
    const paymentOf = async (orderId: string) => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_status,payment_collections.payments.id,payment_collections.payments.refunds.amount,payment_collections.payments.refunds.id`, admin)
      const payment = data.order.payment_collections[0].payments[0]
      return { status: data.order.payment_status as string, id: payment.id as string, refunds: (payment.refunds ?? []) as { id: string; amount: number }[] }
    }
    const placedOrder = async (email: string, variant = jewel) => {
      const { response } = await checkout(api, web(email, 1, variant))
      expect(response.status).toBe(200)
      const orderId = response.data.order.id as string
      await waitFor(() => paymentOf(orderId), (p) => p.status === "captured")
      return orderId
    }
    const planOf = async (variantId: string) => (await api.get(`/admin/preorder-plans?variant_id=${variantId}`, admin)).data.preorder_plans[0]

    describe("production boot", () => {
      it("refuses to start without a JWT secret, or with a well-known default one, saying what to set", async () => {
        const strong = "f".repeat(64)
        const missing = await bootInProduction({ JWT_SECRET: undefined, COOKIE_SECRET: strong })
        expect(missing.code).toBe(1)
        expect(missing.output).toContain("refusing to start: JWT_SECRET is not set: set JWT_SECRET to a long random value")
        const defaulted = await bootInProduction({ JWT_SECRET: strong, COOKIE_SECRET: "supersecret" })
        expect(defaulted.code).toBe(1)
        expect(defaulted.output).toContain(`refusing to start: COOKIE_SECRET is a well-known default ("supersecret")`)
      })
    })

    describe("bad input is a 400 naming the field, and changes nothing", () => {
      const expect400 = (response: any, ...fields: string[]) => {
        expect(response.status).toBe(400)
        for (const field of fields) expect(response.data.message).toContain(`${field}:`)
      }

      it("bounds every count of a pre-order plan and an allocation", async () => {
        const plan = await planOf(jewel)
        for (const field of ["cap", "per_customer_limit", "benefit_pool"]) {
          expect400(await post(`/admin/preorder-plans/${plan.id}`, { [field]: TOO_BIG }), field)
          expect400(await post("/admin/preorder-plans", { variant_id: resonance, release_date: new Date(Date.now() + 30 * DAY).toISOString(), [field]: TOO_BIG }), field)
        }
        expect400(await post(`/admin/preorder-plans/${plan.id}/allocate`, { received_quantity: TOO_BIG }), "received_quantity")
        expect400(await post(`/admin/preorder-plans/${plan.id}/allocate`, { received_quantity: 1e30 }), "received_quantity")
        expect(await planOf(jewel)).toEqual(plan)
        expect(await planOf(resonance)).toBeUndefined()
      })

      it("refuses a pre-order plan whose release date has passed", async () => {
        const past = new Date(Date.now() - DAY).toISOString()
        expect400(await post("/admin/preorder-plans", { variant_id: resonance, release_date: past }), "release_date")
        const plan = await planOf(jewel)
        expect400(await post(`/admin/preorder-plans/${plan.id}`, { release_date: past }), "release_date")
        expect(await planOf(resonance)).toBeUndefined()
        expect((await planOf(jewel)).release_date).toBe(plan.release_date)
      })

      it("bounds a group campaign's limits and checks its products, variants, region and currency exist in the store", async () => {
        const campaign = { title: "Checked", product_ids: [productId], tiers: [{ min_units: 2, percent: 5 }], ends_at: new Date(Date.now() + DAY).toISOString(), currency_code: "usd" }
        const before = (await get("/admin/group-campaigns")).data.count
        expect400(await post("/admin/group-campaigns", { ...campaign, max_members: TOO_BIG }), "max_members")
        expect400(await post("/admin/group-campaigns", { ...campaign, max_units_per_member: TOO_BIG }), "max_units_per_member")
        expect400(await post("/admin/group-campaigns", { ...campaign, tiers: [{ min_units: TOO_BIG, percent: 5 }] }), "tiers.0.min_units")
        const refs = await post("/admin/group-campaigns", { ...campaign, product_ids: ["prod_nope"], variant_ids: ["variant_nope"], region_id: "reg_nope" })
        expect(refs.status).toBe(400)
        expect(refs.data.message).toBe("Invalid request: product_ids: no product prod_nope; variant_ids: no product variant variant_nope; region_id: no region reg_nope")
        const currency = await post("/admin/group-campaigns", { ...campaign, currency_code: "eur" })
        expect(currency.status).toBe(400)
        expect(currency.data.message).toBe("Invalid request: currency_code: the store does not sell in eur (it sells in usd)")
        expect((await get("/admin/group-campaigns")).data.count).toBe(before)
        const created = await post("/admin/group-campaigns", { ...campaign, currency_code: "USD", region_id: demo.regionId })
        expect(created.status).toBe(201)
        expect400(await post(`/admin/group-campaigns/${created.data.group_campaign.id}`, { variant_ids: ["variant_nope"] }), "variant_ids")
      })

      it("bounds a giveaway's entries per customer and takes only http(s) rules URLs", async () => {
        const giveaway = { title: "Checked", prize: "A signed album", product_ids: [productId], ends_at: new Date(Date.now() + 7 * DAY).toISOString() }
        const before = (await get("/admin/giveaways")).data.count
        expect400(await post("/admin/giveaways", { ...giveaway, max_entries_per_customer: TOO_BIG }), "max_entries_per_customer")
        for (const url of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "JavaScript://%0aalert(1)"]) {
          const bad = await post("/admin/giveaways", { ...giveaway, rules_url: url })
          expect(bad.status).toBe(400)
          expect(bad.data.message).toContain("rules_url:")
        }
        expect((await get("/admin/giveaways")).data.count).toBe(before)
        const created = await post("/admin/giveaways", { ...giveaway, rules_url: "https://comeback.test/rules" })
        expect(created.status).toBe(201)
        expect400(await post(`/admin/giveaways/${created.data.giveaway.id}`, { rules_url: "javascript:alert(1)" }), "rules_url")
      })

      it("refuses offsets beyond any page, and paths whose %-encoding is malformed", async () => {
        for (const url of ["/admin/preorder-plans?offset=1e30", "/admin/group-campaigns?offset=2147483648", "/admin/giveaways?offset=1e30", "/admin/app-promotions?offset=1e30"]) {
          expect400(await get(url), "offset")
        }
        expect400(await get("/store/giveaways?offset=1e30", storeHeaders(demo.webKey)), "offset")
        for (const url of ["/store/group-orders/%E0%A4%A", "/admin/preorder-plans/%E0%A4%A", "/admin/giveaways/%ZZ"]) {
          const bad = await get(url, { ...admin, headers: { ...admin.headers, "x-publishable-api-key": demo.webKey } })
          expect(bad.status).toBe(400)
          expect(bad.data.message).toBe("Invalid request: path: malformed %-encoding in the URL")
        }
      })

      it("caps the promo codes one cart request may carry", async () => {
        const { data } = await api.post("/store/carts", { region_id: demo.regionId }, storeHeaders(demo.webKey))
        const codes = Array.from({ length: 11 }, (_, i) => `CODE${i}`)
        expect400(await post(`/store/carts/${data.cart.id}/promotions`, { promo_codes: codes }, storeHeaders(demo.webKey)), "promo_codes")
        expect400(await post(`/store/carts/${data.cart.id}`, { promo_codes: codes }, storeHeaders(demo.webKey)), "promo_codes")
        expect400(await post(`/store/carts/${data.cart.id}/promotions`, { promo_codes: ["X".repeat(101)] }, storeHeaders(demo.webKey)), "promo_codes")
      })

      it("answers an attestation naming a key like __proto__ with the ordinary unknown-key 400", async () => {
        const forge = (kid: string) =>
          [Buffer.from(JSON.stringify({ alg: "EdDSA", kid })), Buffer.from(JSON.stringify({ sub: "d1" })), Buffer.from("sig")].map((b) => b.toString("base64url")).join(".")
        for (const kid of ["__proto__", "constructor"]) {
          const refused = await post("/store/app-sessions", { attestation: forge(kid) }, storeHeaders(demo.appKey))
          expect(refused.status).toBe(400)
          expect(refused.data.message).toContain(`signed with an unknown key (${kid})`)
        }
      })
    })

    describe("writes that race", () => {
      it("allocates atomically: parallel allocations leave items and plan agreeing", async () => {
        for (const i of [0, 1, 2]) await placedOrder(`allocate-${i}@example.com`)
        const plan = await planOf(jewel)
        const answers = await Promise.all([1, 2, 1, 2, 3, 1].map((received) => post(`/admin/preorder-plans/${plan.id}/allocate`, { received_quantity: received })))
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200])
        const after = (await get(`/admin/preorder-plans/${plan.id}`)).data.preorder_plan
        const items = (await get(`/admin/preorder-plans/${plan.id}/items?status=pending`)).data.preorder_items
        expect(items).toHaveLength(3)
        const allocated = items.reduce((sum, item) => sum + item.allocated_units, 0)
        expect(allocated).toBe(after.received_quantity)
        // First come, first served: the oldest items got the units.
        expect(items.map((i) => i.allocated_units)).toEqual([1, 1, 1].map((_, i) => (i < after.received_quantity ? 1 : 0)))
      })

      it("deletes a plan once, and never one with live pre-orders", async () => {
        const created = await post("/admin/preorder-plans", { variant_id: resonance, release_date: new Date(Date.now() + 30 * DAY).toISOString(), status: "active" })
        expect(created.status).toBe(201)
        const deletes = await Promise.all([0, 1, 2, 3].map(() => api.delete(`/admin/preorder-plans/${created.data.preorder_plan.id}`, admin).catch((e) => e.response)))
        expect(deletes.map((d) => d.status).sort()).toEqual([200, 404, 404, 404])
        const { data } = await api.get(`/admin/products/${demo.products[RESONANCE_HANDLE].id}/variants/${resonance}?fields=allow_backorder`, admin)
        expect(data.variant.allow_backorder).toBe(false)

        await placedOrder("live-plan@example.com")
        const live = await planOf(jewel)
        const refused = await api.delete(`/admin/preorder-plans/${live.id}`, admin).catch((e) => e.response)
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/has 1 live pre-order item\(s\)/)
        expect((await planOf(jewel)).id).toBe(live.id)
      })

      it("gives a fan starting a group six times at once one open group", async () => {
        const campaign = await post("/admin/group-campaigns", { title: "Start race", product_ids: [productId], tiers: [{ min_units: 2, percent: 5 }], ends_at: new Date(Date.now() + DAY).toISOString(), currency_code: "usd" })
        const fan = await customerHeaders(api, demo.webKey, "start-race@example.com")
        const starts = await Promise.all(
          Array.from({ length: 6 }, () => post("/store/group-orders", { campaign_id: campaign.data.group_campaign.id }, storeHeaders(demo.webKey, fan)))
        )
        expect(starts.map((s) => s.status)).toEqual([201, 201, 201, 201, 201, 201])
        expect(new Set(starts.map((s) => s.data.group_order.code)).size).toBe(1)
        const { data } = await api.get(`/admin/group-campaigns/${campaign.data.group_campaign.id}/groups`, admin)
        expect(data.count).toBe(1)
        const promotions = await sql(`SELECT count(*)::int AS n FROM promotion WHERE code LIKE ? AND deleted_at IS NULL`, [`${data.groups[0].code}%`])
        expect(promotions[0].n).toBe(1)
      })
    })

    describe("refunds claimed by a run that died", () => {
      it("group settlement: a stale claim is refunded once, a live claim is left to its run, a made-but-unrecorded refund is recorded", async () => {
        const campaign = await post("/admin/group-campaigns", { title: "Crash", product_ids: [productId], tiers: [{ min_units: 3, percent: 10 }], ends_at: new Date(Date.now() + DAY).toISOString(), currency_code: "usd" })
        const leader = await customerHeaders(api, demo.webKey, "crash-leader@example.com")
        const { data: started } = await api.post("/store/group-orders", { campaign_id: campaign.data.group_campaign.id }, storeHeaders(demo.webKey, leader))
        const orders: string[] = []
        for (const i of [0, 1, 2]) {
          const cartId = await readyCart(api, web(`crash-${i}@example.com`))
          await api.post(`/store/carts/${cartId}/group-order`, { code: started.group_order.code }, storeHeaders(demo.webKey))
          await startPayment(api, demo.webKey, cartId)
          const response = await completeCart(api, demo.webKey, cartId)
          expect(response.status).toBe(200)
          orders.push(response.data.order.id)
        }
        const groupId = (await get(`/admin/group-campaigns/${campaign.data.group_campaign.id}/groups`)).data.groups[0].id
        const purchases = await waitFor(
          async () => (await get(`/admin/group-orders/${groupId}`)).data.group_order.purchases,
          (list: any[]) => list.length === 3 && list.every((p) => p.status === "placed")
        )
        for (const order of orders) await waitFor(() => paymentOf(order), (p) => p.status === "captured")
        const byOrder = (orderId: string) => purchases.find((p) => p.order_id === orderId)
        const [stale, live, unrecorded] = orders.map(byOrder)
        // What three crashed or running settlements would have left behind.
        const groups: any = getContainer().resolve("groupOrder")
        await groups.lockForSettlement(groupId, () => ({ tier: 1, percent: 10 }))
        await sql(`UPDATE group_purchase SET refund_status = 'refunding', refund_claimed_at = now() - interval '20 minutes' WHERE id IN (?, ?)`, [stale.id, unrecorded.id])
        await sql(`UPDATE group_purchase SET refund_status = 'refunding', refund_claimed_at = now() WHERE id = ?`, [live.id])
        const { code } = (await get(`/admin/group-orders/${groupId}`)).data.group_order
        const unrecordedPayment = await paymentOf(unrecorded.order_id)
        await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: unrecordedPayment.id, amount: 1.5, note: settlementNote(unrecorded.id, code) } })

        const first = await post(`/admin/group-orders/${groupId}/settle`, {})
        expect(first.data.outcome).toMatchObject({ refunded: 2, in_progress: 1, failed: 0 })
        expect(first.data.group_order.status).toBe("settling")
        expect((await paymentOf(stale.order_id)).refunds.map((r) => Number(r.amount))).toEqual([1.5])
        expect((await paymentOf(unrecorded.order_id)).refunds.map((r) => Number(r.amount))).toEqual([1.5])
        expect((await paymentOf(live.order_id)).refunds).toEqual([])

        // The live run died too: once its claim is stale, the next run refunds it, once.
        await sql(`UPDATE group_purchase SET refund_claimed_at = now() - interval '20 minutes' WHERE id = ?`, [live.id])
        expect(await runGroupSettlement(getContainer())).toMatchObject({ settled: 1, refunded: 1 })
        expect(await runGroupSettlement(getContainer())).toMatchObject({ refunded: 0 })
        for (const order of orders) expect((await paymentOf(order)).refunds.map((r) => Number(r.amount))).toEqual([1.5])
        const detail = (await get(`/admin/group-orders/${groupId}`)).data.group_order
        expect(detail.status).toBe("settled")
        expect(detail.purchases.map((p) => p.refund_status)).toEqual(["refunded", "refunded", "refunded"])
      })

      it("pre-order cancel: the maintenance job finishes a stale claim once, leaves a live one, records one already made", async () => {
        const [stale, live, made] = await Promise.all(["claim-stale", "claim-live", "claim-made"].map((name) => placedOrder(`${name}@example.com`)))
        const plan = await planOf(jewel)
        const itemOf = async (orderId: string) => (await get(`/admin/preorder-plans/${plan.id}/items?order_id=${orderId}`)).data.preorder_items[0]
        const claim = async (orderId: string, age: string) => {
          const item = await itemOf(orderId)
          const payment = await paymentOf(orderId)
          // What cancelClaimingRefund leaves when the process dies before the provider answers.
          await sql(
            `UPDATE preorder_item SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'crash test', refund_status = 'claimed',
               refund_payment_id = ?, refund_amount = 14.99, raw_refund_amount = '{"value":"14.99","precision":20}', refund_claimed_at = now() - ?::interval
             WHERE id = ?`,
            [payment.id, age, item.id]
          )
          return { item, payment }
        }
        const staleClaim = await claim(stale, "20 minutes")
        await claim(live, "1 minute")
        const madeClaim = await claim(made, "20 minutes")
        await refundPaymentWorkflow(getContainer()).run({ input: { payment_id: madeClaim.payment.id, amount: 14.99, note: preorderRefundNote(madeClaim.item.id, "crash test") } })

        expect(await runPreorderMaintenance(getContainer())).toMatchObject({ refunds_finished: 2 })
        expect(await runPreorderMaintenance(getContainer())).toMatchObject({ refunds_finished: 0 })
        expect((await paymentOf(stale)).refunds.map((r) => Number(r.amount))).toEqual([14.99])
        expect((await paymentOf(made)).refunds.map((r) => Number(r.amount))).toEqual([14.99])
        expect((await paymentOf(live)).refunds).toEqual([])
        const finished = await itemOf(stale)
        expect(finished).toMatchObject({ status: "cancelled", refund_status: "refunded", refund_id: (await paymentOf(stale)).refunds[0].id })
        expect(await itemOf(made)).toMatchObject({ refund_status: "refunded", refund_id: (await paymentOf(made)).refunds[0].id })
        expect((await itemOf(live)).refund_status).toBe("claimed")
        expect(staleClaim.item.id).toBe(finished.id)
      })

    })
  },
})
