/**
 * The pre-order half of a drop in the built admin: the product/variant widget,
 * the order widget and the Drops page. Every action is also checked through the
 * API behind it. Tests run in order on one server and share its data.
 */
import { checkout } from "../utils/store"
import { useAdminApp } from "./utils/admin-app"
import { chooseAction, confirmPrompt, dialog, eventually, expectToast, prompt } from "./utils/ui"

jest.setTimeout(240_000)

const STORE_ZONE = "Asia/Seoul"
const DAY = 24 * 3600 * 1000

describe("admin: pre-orders and drops", () => {
  // Staff in Los Angeles running a Seoul store: dates show in both zones.
  const app = useAdminApp("preorders", { timezoneId: "America/Los_Angeles" })
  let hotSauce: { id: string; variants: { id: string; sku: string; title: string }[] }
  let resonance: { id: string; variants: { id: string; sku: string; title: string }[] }
  const sku = (s: string) => hotSauce.variants.find((v) => v.sku === s)!.id
  const plans = async () => (await app.api.get(`/admin/preorder-plans?product_id=${hotSauce.id}&limit=50`)).data.preorder_plans as any[]
  const planOf = async (variantId: string) => (await plans()).find((p) => p.variant_id === variantId)
  const orders: Record<string, string> = {}

  beforeAll(async () => {
    const { data: stores } = await app.api.get("/admin/stores")
    await app.api.post(`/admin/stores/${stores.stores[0].id}`, { metadata: { time_zone: STORE_ZONE } })

    const products = (handle: string) =>
      app.api.get(`/admin/products?handle=${handle}&fields=id,variants.id,variants.sku,variants.title`).then((r) => r.data.products[0])
    hotSauce = await products("nct-dream-hot-sauce")
    resonance = await products("nct-resonance")
    const { data: regions } = await app.http.get("/store/regions", { headers: { "x-publishable-api-key": app.webKey } })
    const { data: options } = await app.api.get("/admin/shipping-options?fields=id")
    const shop = { key: app.webKey, regionId: regions.regions[0].id, shippingOptionId: options.shipping_options[0].id }

    // Fans pre-order: 4 units of the capped "Chilling" (three orders), 3 of "Crazy" (two orders).
    const buys: [string, string, number][] = [
      ["mina@fans.test", "HOTSAUCE-PB-CHILLING", 2],
      ["jun@fans.test", "HOTSAUCE-PB-CHILLING", 1],
      ["sora@fans.test", "HOTSAUCE-PB-CHILLING", 1],
      ["hana@fans.test", "HOTSAUCE-PB-CRAZY", 2],
      ["yuri@fans.test", "HOTSAUCE-PB-CRAZY", 1],
    ]
    for (const [email, s, quantity] of buys) {
      const { response } = await checkout(app.http, { ...shop, email, items: [{ variant_id: sku(s), quantity }] })
      expect(response.status).toBe(200)
      orders[email] = response.data.order.id
    }
  }, 900_000)

  it("the Drops page lists the demo drop with the API's counts, a per-day chart and the live view", async () => {
    await app.goto("/drops")
    await app.page.getByRole("heading", { name: "Drops", exact: true }).waitFor()
    const chilling = await planOf(sku("HOTSAUCE-PB-CHILLING"))
    expect(chilling).toMatchObject({ reserved_units: 4, cap: 300, units: { pending: 4, ready: 0, cancelled: 0 } })

    const counts = app.page.getByTestId(`drop-counts-${chilling.variant_id}`)
    await expect(counts.innerText()).resolves.toBe("4 / 0 / 0")
    const bar = app.page.getByTestId(`drop-progress-${chilling.variant_id}`).getByRole("progressbar")
    expect(await bar.getAttribute("aria-valuenow")).toBe("4")
    expect(await bar.getAttribute("aria-valuemax")).toBe("300")
    await expect(app.page.getByTestId(`drop-counts-${sku("HOTSAUCE-PB-CRAZY")}`).innerText()).resolves.toBe("3 / 0 / 0")

    // The chart and the live view come from the aggregate routes.
    const { data: daily } = await app.api.get(`/admin/drops/daily?product_id=${hotSauce.id}&tz=${STORE_ZONE}`)
    expect(daily.days.at(-1)).toMatchObject({ cumulative_units: 7 })
    await eventually(async () => (await app.page.getByTestId("daily-totals").innerText()).includes("7 units · 5 orders"))
    const { data: live } = await app.api.get(`/admin/drops/live?product_id=${hotSauce.id}`)
    expect(live.totals).toEqual({ orders: 5, units: 7 })
    expect(live.minutes).toHaveLength(60)
    await eventually(async () => (await app.page.getByTestId("live-units").innerText()) === "7")
    await app.screenshot("drops-page", { fullPage: true })

    // The live view polls: a new order shows up without a reload.
    const before = await app.page.getByTestId("live-updated").innerText()
    const { data: regions } = await app.http.get("/store/regions", { headers: { "x-publishable-api-key": app.webKey } })
    const { data: options } = await app.api.get("/admin/shipping-options?fields=id")
    const { response } = await checkout(app.http, {
      key: app.webKey,
      regionId: regions.regions[0].id,
      shippingOptionId: options.shipping_options[0].id,
      email: "late@fans.test",
      items: [{ variant_id: sku("HOTSAUCE-JEWEL"), quantity: 1 }],
    })
    expect(response.status).toBe(200)
    await eventually(async () => (await app.page.getByTestId("live-units").innerText()) === "8", 20_000)
    expect(await app.page.getByTestId("live-updated").innerText()).not.toBe(before)

    // Filters: "released" hides every open drop (empty state), "open" brings them back.
    await app.page.getByTestId("drops-filter-menu").getByRole("button").click()
    await app.page.getByRole("menuitem", { name: "State" }).click()
    await app.page.getByRole("button", { name: "Released", exact: true }).click()
    await app.page.keyboard.press("Escape")
    await app.page.getByText("No drops match").waitFor()
    await app.screenshot("drops-filtered-empty")
  })

  it("the product widget refuses a cap below what is sold with the server's message on the field, and changes nothing", async () => {
    await app.goto(`/products/${hotSauce.id}`)
    const widget = app.page.getByTestId("preorder-widget")
    await widget.getByRole("heading", { name: "Pre-orders" }).waitFor()
    const card = widget.getByRole("region", { name: 'Pre-order plan Photo Book "Chilling"' })
    expect(await card.getByRole("progressbar", { name: "Units pre-ordered" }).getAttribute("aria-valuenow")).toBe("4")
    await card.scrollIntoViewIfNeeded()
    await app.screenshot("preorder-widget-product")

    await chooseAction(card, "Edit plan", 'Actions for Photo Book "Chilling"')
    const drawer = dialog(app.page)
    await drawer.getByLabel("Cap (units)").fill("3")
    await drawer.getByRole("button", { name: "Save" }).click()
    const error = drawer.getByTestId("error-cap")
    await error.waitFor()
    expect(await error.innerText()).toContain("4 units are already pre-ordered; the cap cannot be lower")
    await app.screenshot("preorder-plan-cap-error")
    expect((await planOf(sku("HOTSAUCE-PB-CHILLING"))).cap).toBe(300)
    await drawer.getByRole("button", { name: "Cancel" }).click()
  })

  it("creates a plan through the widget, and the store API shows it to fans", async () => {
    await app.goto(`/products/${resonance.id}`)
    const widget = app.page.getByTestId("preorder-widget")
    await widget.getByText("No pre-order plan").waitFor()
    await widget.getByRole("button", { name: "Create plan" }).first().click()
    const drawer = dialog(app.page)
    await drawer.getByRole("heading", { name: "Create pre-order plan" }).waitFor()
    await drawer.getByLabel("Release date").fill("2027-03-02T00:00") // midnight in Seoul
    await drawer.getByLabel("Cap (units)").fill("0")
    await drawer.getByLabel("Per-customer limit").fill("2")
    await drawer.getByLabel("Pre-order benefit").fill("Random selfie photocard")
    await drawer.getByLabel("Benefit pool (units)").fill("50")
    await drawer.getByRole("button", { name: "Save" }).click()
    // The form checks what the API checks before sending.
    await expect(drawer.getByTestId("error-cap").innerText()).resolves.toBe("Must be at least 1")
    await drawer.getByLabel("Cap (units)").fill("120")
    await app.screenshot("preorder-plan-create")
    await drawer.getByRole("button", { name: "Save" }).click()
    await expectToast(app.page, "Pre-order plan created")

    const { data } = await app.http.get(`/store/preorder-plans?product_id=${resonance.id}`, { headers: { "x-publishable-api-key": app.webKey } })
    expect(data.preorder_plans).toHaveLength(1)
    expect(data.preorder_plans[0]).toMatchObject({
      variant_id: resonance.variants[0].id,
      state: "open",
      release_date: "2027-03-01T15:00:00.000Z",
      remaining_units: 120,
      per_customer_limit: 2,
      benefit_note: "Random selfie photocard",
      benefit_remaining: 50,
    })
    await widget.getByRole("region", { name: /Pre-order plan/ }).waitFor()
  })

  it("changes the release date behind a confirmation, and every fan with a pending pre-order is notified", async () => {
    await app.goto(`/products/${hotSauce.id}`)
    const card = app.page.getByRole("region", { name: 'Pre-order plan Photo Book "Chilling"' })
    const old = await planOf(sku("HOTSAUCE-PB-CHILLING"))
    await chooseAction(card, "Change release date", 'Actions for Photo Book "Chilling"')
    const drawer = dialog(app.page)
    await drawer.getByText("Every fan with a pending pre-order").waitFor()
    await drawer.getByRole("button", { name: "Change release date" }).click()
    expect(await drawer.getByTestId("error-reason").innerText()).toContain("enter a reason")

    const next = new Date(new Date(old.release_date).getTime() + 7 * DAY)
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: STORE_ZONE, dateStyle: "short", timeStyle: "short" }).format(next).replace(" ", "T")
    await drawer.getByLabel(/New release date/).fill(local)
    await drawer.getByLabel("Reason (shown to fans)").fill("The photo books are late from the printer")
    await drawer.getByRole("button", { name: "Change release date" }).click()
    await prompt(app.page).getByText("may cancel for a full refund").waitFor()
    await app.screenshot("preorder-release-date-confirm")
    await confirmPrompt(app.page, { confirmText: "Change release date" })
    await expectToast(app.page, "Release date changed")

    const moved = await planOf(sku("HOTSAUCE-PB-CHILLING"))
    expect(new Date(moved.release_date).toISOString()).toBe(next.toISOString())
    expect(moved.date_history.changes).toEqual([expect.objectContaining({ reason: "The photo books are late from the printer" })])
    const notified = await eventually(async () => {
      const { data } = await app.api.get("/admin/notifications?limit=100")
      const sent = data.notifications.filter((n: any) => n.template === "preorder-release-date-changed")
      return sent.length === 3 ? sent : null
    })
    expect(notified.map((n: any) => n.to).sort()).toEqual(["jun@fans.test", "mina@fans.test", "sora@fans.test"])

    // The history is shown the next time the drawer opens.
    await chooseAction(card, "Change release date", 'Actions for Photo Book "Chilling"')
    await dialog(app.page).getByTestId("date-history").getByText("The photo books are late from the printer").waitFor()
    await app.screenshot("preorder-release-date-history")
    await dialog(app.page).getByRole("button", { name: "Cancel" }).click()
  })

  it("releases now behind a confirmation: pending items become ready, and the order page shows it", async () => {
    await app.goto(`/products/${hotSauce.id}`)
    const card = app.page.getByRole("region", { name: 'Pre-order plan Photo Book "Chilling"' })
    await chooseAction(card, "Release now", 'Actions for Photo Book "Chilling"')
    await prompt(app.page).getByText("4 pending unit(s) become ready to ship").waitFor()
    await confirmPrompt(app.page, { confirmText: "Release now" })
    const toast = await expectToast(app.page, "released")
    expect(await toast.innerText()).toContain("3 pre-order line(s) are ready to ship")

    const plan = await planOf(sku("HOTSAUCE-PB-CHILLING"))
    const { data } = await app.api.get(`/admin/preorder-plans/${plan.id}/items?limit=50`)
    expect(data.preorder_items.map((i: any) => i.status)).toEqual(["ready", "ready", "ready"])
    await eventually(async () => (await card.getByTestId(`counts-${plan.variant_id}`).innerText()).includes("0 pending · 4 ready"))

    await app.goto(`/orders/${orders["mina@fans.test"]}`)
    const section = app.page.getByTestId("order-preorders")
    await section.getByRole("heading", { name: "Ships at release" }).waitFor()
    await section.getByText('Photo Book "Chilling"').waitFor()
    await section.getByText("Ready", { exact: true }).waitFor()
    await section.getByText("Released", { exact: true }).waitFor()
    const { data: byOrder } = await app.api.get(`/admin/preorder-items?order_id=${orders["mina@fans.test"]}`)
    expect(byOrder.preorder_items).toEqual([expect.objectContaining({ quantity: 2, status: "ready", plan: expect.objectContaining({ state: "released" }) })])
    await section.scrollIntoViewIfNeeded()
    await app.screenshot("order-preorders-widget")
  })

  it("lists a version's pre-orders with filters, and on short supply cancels and refunds the unallocated ones", async () => {
    const crazy = sku("HOTSAUCE-PB-CRAZY")
    await app.goto(`/products/${hotSauce.id}/variants/${crazy}`)
    const widget = app.page.getByTestId("preorder-widget")
    await widget.getByRole("heading", { name: "Pre-order" }).waitFor()
    await widget.scrollIntoViewIfNeeded()
    await app.screenshot("preorder-widget-variant")

    await widget.getByRole("button", { name: "Pre-orders" }).click()
    const drawer = dialog(app.page)
    await drawer.getByText("hana@fans.test").waitFor()
    await drawer.getByText("yuri@fans.test").waitFor()
    await drawer.getByPlaceholder("Email or order ID").fill("yuri@fans.test")
    await eventually(async () => !(await drawer.getByText("hana@fans.test").isVisible()))

    // 2 units arrive for 3 pre-ordered: hana (first, 2 units) is covered, yuri gets nothing.
    await drawer.getByLabel("Units received").fill("2")
    await drawer.getByRole("button", { name: "Allocate" }).click()
    await drawer.getByTestId("allocation-result").getByText("short by 1").waitFor()
    await app.screenshot("preorder-items-short-supply")
    await drawer.getByRole("button", { name: "Cancel and refund 1 unallocated" }).click()
    await prompt(app.page).getByText("cancelled and refunded in full").waitFor()
    await confirmPrompt(app.page, { confirmText: "Cancel and refund" })
    await drawer.getByTestId("cancel-result").getByText("Cancelled and refunded 1 line(s)").waitFor()

    const plan = await planOf(crazy)
    const { data } = await app.api.get(`/admin/preorder-plans/${plan.id}/items?limit=50`)
    const byEmail = Object.fromEntries(data.preorder_items.map((i: any) => [i.email, i]))
    expect(byEmail["hana@fans.test"]).toMatchObject({ status: "pending", allocated_units: 2 })
    expect(byEmail["yuri@fans.test"]).toMatchObject({ status: "cancelled", allocated_units: 0, cancel_reason: expect.stringContaining("not enough units") })
    expect(plan.units).toMatchObject({ pending: 2, cancelled: 1 })
  })
})
