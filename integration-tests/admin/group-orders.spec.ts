/**
 * Group orders and app-only offers in the built admin: the Group orders pages,
 * the promotion widgets and Settings → App channels. Each action is checked
 * through the API behind it (store and admin), not only on the page.
 */
import type { AxiosInstance } from "axios"
import { DEMO, HOT_SAUCE_HANDLE } from "../../src/scripts/demo/config"
import { waitFor } from "../utils/async"
import { US_ADDRESS, completeCart, startPayment, storeHeaders } from "../utils/store"
import { useAdminApp } from "./utils/admin-app"
import { dialog, expectToast } from "./utils/ui"

jest.setTimeout(240_000)

/** A storefront checkout in a group: cart, address, shipping, the group code, payment, completion. */
async function buyInGroup(http: AxiosInstance, key: string, input: { code: string; email: string; variantId: string; units: number; regionId: string }) {
  const options = storeHeaders(key)
  const { data } = await http.post("/store/carts", { region_id: input.regionId, email: input.email, items: [{ variant_id: input.variantId, quantity: input.units }] }, options)
  const cartId = data.cart.id as string
  await http.post(`/store/carts/${cartId}`, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS }, options)
  const { data: shipping } = await http.get(`/store/shipping-options?cart_id=${cartId}`, options)
  await http.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shipping.shipping_options[0].id }, options)
  await http.post(`/store/carts/${cartId}/group-order`, { code: input.code }, options)
  await startPayment(http, key, cartId)
  const completed = await completeCart(http, key, cartId)
  expect(completed.status).toBe(200)
  return completed.data.order.id as string
}

describe("admin: group orders and app-only offers", () => {
  const app = useAdminApp("group_orders", { env: { APP_ATTESTATION_DEMO: "true" } })
  let regionId: string
  let crazy: string // Hot Sauce "Crazy", $24.99: counts for the demo campaign

  beforeAll(async () => {
    const options = storeHeaders(app.webKey)
    regionId = (await app.http.get("/store/regions", options)).data.regions[0].id
    const { data } = await app.http.get(`/store/products?handle=${HOT_SAUCE_HANDLE}&fields=variants.id,variants.sku`, options)
    crazy = data.products[0].variants.find((v: any) => v.sku === "HOTSAUCE-PB-CRAZY").id
  })

  it("creates a campaign with tiers through the page, and fans see it in GET /store/group-campaigns", async () => {
    const { page } = app
    await app.goto("/group-orders")
    await page.getByRole("heading", { name: "Group orders" }).waitFor()
    await page.getByText("Hot Sauce fan-club group order").waitFor()
    await app.screenshot("group-orders-campaigns")

    await page.getByRole("button", { name: "Create", exact: true }).click()
    const drawer = dialog(page)
    await drawer.locator('input[name="title"]').fill("Resonance winter group order")
    await drawer.getByLabel("Tier 1 units").fill("3")
    await drawer.getByLabel("Tier 1 percent").fill("4")
    await drawer.getByLabel("Tier 2 units").fill("6")
    await drawer.getByLabel("Tier 2 percent").fill("8")
    await drawer.getByRole("button", { name: "Add tier" }).click()
    await drawer.getByLabel("Tier 3 units").fill("12")
    await drawer.getByLabel("Tier 3 percent").fill("12.5")
    await drawer.getByPlaceholder("Search products").fill("Resonance")
    await drawer.getByRole("checkbox", { name: /^All of .*Resonance/ }).click()
    await drawer.locator('input[name="max_units_per_member"], #max_units_per_member').fill("4")
    await app.screenshot("group-orders-campaign-form")
    await drawer.getByRole("button", { name: "Create", exact: true }).click()
    await expectToast(page, "Campaign created")

    const { data } = await app.http.get("/store/group-campaigns", storeHeaders(app.webKey))
    const created = data.group_campaigns.find((c: any) => c.title === "Resonance winter group order")
    expect(created).toMatchObject({
      tiers: [
        { min_units: 3, percent: 4 },
        { min_units: 6, percent: 8 },
        { min_units: 12, percent: 12.5 },
      ],
      max_units_per_member: 4,
      currency_code: "usd",
    })
    expect(created.product_ids).toHaveLength(1)
    // 14 days by default, entered in the store's time zone: the deadline is in the future.
    expect(new Date(created.ends_at).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000)
  })

  it("refuses a non-increasing tier on the page before sending, and shows the server's 400 on its field", async () => {
    const { page } = app
    const before = (await app.api.get("/admin/group-campaigns")).data.count
    await app.goto("/group-orders")
    await page.getByRole("button", { name: "Create", exact: true }).click()
    const drawer = dialog(page)
    await drawer.locator('input[name="title"]').fill("Broken tiers")
    await drawer.getByLabel("Tier 2 units").fill("5") // tier 1 is 5 units too
    await drawer.getByLabel("Tier 2 percent").fill("3") // and 5 % > 3 %
    await expect(drawer.getByTestId("error-tiers.1.min_units").textContent()).resolves.toBe("must be more than the previous tier's 5")
    await expect(drawer.getByTestId("error-tiers.1.percent").textContent()).resolves.toBe("must be more than the previous tier's 5")
    await drawer.getByPlaceholder("Search products").fill("We Young")
    await drawer.getByRole("checkbox", { name: /^All of .*We Young/ }).click()
    await app.screenshot("group-orders-tier-refused")
    await drawer.getByRole("button", { name: "Create", exact: true }).click()
    await page.waitForTimeout(500)
    expect((await app.api.get("/admin/group-campaigns")).data.count).toBe(before)

    // Valid tiers, but a deadline the server refuses (in the past): its message lands on the field.
    await drawer.getByLabel("Tier 2 units").fill("10")
    await drawer.getByLabel("Tier 2 percent").fill("10")
    await drawer.locator("#starts_at").fill("2020-01-01T10:00")
    await drawer.locator("#ends_at").fill("2020-01-02T10:00")
    await drawer.getByRole("button", { name: "Create", exact: true }).click()
    await expect(drawer.getByTestId("error-ends_at").textContent()).resolves.toBe("must be in the future")
    expect((await app.api.get("/admin/group-campaigns")).data.count).toBe(before)
    await page.keyboard.press("Escape")
  })

  it("settles a group whose members paid at a lower tier: the confirmation shows the refunds, the admin API records them", async () => {
    const { page } = app
    // Demo group NCTDREAM: 5 units → 5 %, 10 → 10 %. The first member pays at 5 %, the second takes the group to 10 %.
    const early = await buyInGroup(app.http, app.webKey, { code: DEMO.groupCode, email: "early-fan@example.com", variantId: crazy, units: 5, regionId })
    await waitFor(() => app.http.get(`/store/group-orders/${DEMO.groupCode}`, storeHeaders(app.webKey)).then((r) => r.data.group_order), (g) => g.units === 5)
    const late = await buyInGroup(app.http, app.webKey, { code: DEMO.groupCode, email: "late-fan@example.com", variantId: crazy, units: 5, regionId })
    const progress = await waitFor(
      () => app.http.get(`/store/group-orders/${DEMO.groupCode}`, storeHeaders(app.webKey)).then((r) => r.data.group_order),
      (g) => g.units === 10
    )
    expect(progress).toMatchObject({ current_tier: 2, current_percent: 10 })
    const { data: listed } = await app.api.get("/admin/group-orders?q=NCTDREAM")
    const groupId = listed.groups[0].id as string

    // The campaign's groups, with the progress bar to the next tier.
    await app.goto(`/group-orders/${listed.groups[0].campaign_id}`)
    await page.getByText(DEMO.groupCode).first().waitFor()
    const bar = page.getByTestId(`progress-${DEMO.groupCode}`).getByRole("progressbar")
    await expect(bar.getAttribute("aria-valuenow")).resolves.toBe("10")
    await app.screenshot("group-orders-campaign")

    await app.goto(`/group-orders/groups/${groupId}`)
    await page.getByTestId("purchase-early-fan@example.com").waitFor()
    await app.screenshot("group-orders-group")
    await page.getByRole("button", { name: "Settle now" }).click()
    const prompt = page.getByTestId("settle-prompt")
    await prompt.getByTestId("settle-preview").waitFor()
    const previewText = await prompt.textContent()
    expect(previewText).toContain("tier 2 (10% off, 10 paid units)")
    expect(previewText).toContain("early-fan@example.com")
    const { data: planned } = await app.api.get(`/admin/group-orders/${groupId}/settlement-preview`)
    const owed = planned.settlement_preview.purchases.find((p: any) => p.email === "early-fan@example.com")
    expect(owed).toMatchObject({ action: "refund" })
    // 5 × 24.99 × (10 − 5) % = 6.2475, plus tax on the difference at the region's rate, rounded once.
    expect(Number(owed.refund)).toBeGreaterThanOrEqual(6.25)
    await app.screenshot("group-orders-settle-confirm")
    await prompt.getByRole("button", { name: /^Settle and refund/ }).click()
    await expectToast(page, `Group ${DEMO.groupCode} settled at tier 2`)
    await page.getByTestId("settlement-result").waitFor()
    await app.screenshot("group-orders-settled")

    const { data } = await app.api.get(`/admin/group-orders/${groupId}`)
    expect(data.group_order).toMatchObject({ status: "settled", final_tier: 2, final_percent: 10 })
    const byEmail = Object.fromEntries(data.group_order.purchases.map((p: any) => [p.email, p]))
    expect(byEmail["early-fan@example.com"]).toMatchObject({ refund_status: "refunded", refund_amount: owed.refund })
    expect(byEmail["late-fan@example.com"]).toMatchObject({ refund_status: "not_owed" })
    const refunds = async (orderId: string) => {
      const { data: o } = await app.api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments.refunds`)
      return o.order.payment_collections.flatMap((c: any) => c.payments).flatMap((p: any) => p.refunds ?? [])
    }
    expect((await refunds(early)).map((r: any) => Number(r.amount))).toEqual([Number(owed.refund)])
    expect(await refunds(late)).toEqual([])
  })

  it("labels group tier promotions in the promotions list and on the promotion page", async () => {
    const { page } = app
    await app.goto("/promotions")
    const panel = page.getByTestId("promotion-list-groups")
    await panel.waitFor()
    await panel.getByRole("button", { name: "Show groups" }).click()
    await panel.getByText(`${DEMO.groupCode}-T1`).waitFor()
    await panel.scrollIntoViewIfNeeded()
    await app.screenshot("promotions-group-panel")
    await panel.getByText(`${DEMO.groupCode}-T2`).click()
    const widget = page.getByTestId("promotion-group-tier")
    await widget.waitFor()
    expect(await widget.textContent()).toContain(`Tier 2 of 3 of group ${DEMO.groupCode}`)
    // A tier promotion belongs to its group: no app-offer toggle there.
    expect(await page.getByTestId("app-offer-widget").count()).toBe(0)
    await app.screenshot("promotion-group-tier")
  })

  it("marks a promotion app-exclusive through the widget, and a web cart is refused its code", async () => {
    const { page } = app
    const { data } = await app.api.post("/admin/promotions", {
      code: "FANSIGN15",
      type: "standard",
      status: "active",
      is_automatic: false,
      application_method: { type: "percentage", target_type: "items", allocation: "across", value: 15, currency_code: "usd", target_rules: [] },
    })
    const promotionId = data.promotion.id as string
    await app.goto(`/promotions/${promotionId}`)
    const widget = page.getByTestId("app-offer-widget")
    await widget.waitFor()
    await widget.getByRole("switch", { name: "App exclusive" }).click()
    const drawer = dialog(page)
    await drawer.getByRole("checkbox", { name: DEMO.appChannel }).waitFor()
    expect(await drawer.getByRole("checkbox", { name: DEMO.appChannel }).getAttribute("data-state")).toBe("checked")
    await drawer.locator("#per_customer_limit").fill("1")
    await drawer.locator("#per_device_limit").fill("2")
    await drawer.locator("#title").fill("Fansign week: 15% off in the app")
    await drawer.getByRole("button", { name: "Save" }).click()
    await expectToast(page, "FANSIGN15 is app-exclusive")
    await widget.getByTestId("app-offer-uses").waitFor()
    await app.screenshot("promotion-app-offer")

    const { data: marked } = await app.api.get(`/admin/promotions/${promotionId}/app-channels`)
    expect(marked.app_promotion).toMatchObject({ code: "FANSIGN15", per_customer_limit: 1, per_device_limit: 2, title: "Fansign week: 15% off in the app" })

    const options = storeHeaders(app.webKey)
    const { data: cart } = await app.http.post("/store/carts", { region_id: regionId, email: "web-fan@example.com", items: [{ variant_id: crazy, quantity: 1 }] }, options)
    const refused = await app.http.post(`/store/carts/${cart.cart.id}/promotions`, { promo_codes: ["FANSIGN15"] }, options).catch((e) => e.response)
    expect(refused.status).toBe(400)
    expect(refused.data.message).toBe("promo_codes: FANSIGN15 is an app-only offer: open the Comeback app to use it.")
  })

  // This server trusts the committed demo key (APP_ATTESTATION_DEMO=true, as `npm run dev` does): staff see it flagged.
  it("shows app channels with their provider status, the demo key flagged, and the app-exclusive promotions", async () => {
    const { page } = app
    await app.goto("/settings/app-channels")
    await page.getByTestId(`app-channel-${DEMO.appChannel}`).waitFor()
    const row = await page.getByTestId(`app-channel-${DEMO.appChannel}`).textContent()
    expect(row).toContain("iOS and Android")
    expect(row).toContain("demo key")
    expect(await page.getByTestId("demo-key-warning").textContent()).toContain("the committed demo key is trusted")
    await page.getByText(DEMO.appCode).waitFor()
    await page.getByText("FANSIGN15").waitFor()
    await app.screenshot("settings-app-channels", { fullPage: true })
  })
})
