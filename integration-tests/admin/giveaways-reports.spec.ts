import type { AxiosInstance } from "axios"
import fs from "node:fs"
import { waitFor } from "../utils/async"
import { checkout, customerHeaders, storeHeaders } from "../utils/store"
import { WE_YOUNG_HANDLE } from "../../src/scripts/demo/config"
import { startBeaconStandIn } from "../utils/beacon-stand-in"
import { useAdminApp } from "./utils/admin-app"

/**
 * Admin part 3 in a real browser on the built admin: the Giveaways pages (create,
 * go live, entries, draw, disqualify with the alternate promoted) and the Reports
 * page (summary, CSV download, background export), each action checked against
 * the API behind it.
 */
jest.setTimeout(600_000)

/** A datetime-local value (the browser's zone is the server's here: both run on this machine). */
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

async function demoCart(api: AxiosInstance, key: string) {
  const { data: regions } = await api.get("/store/regions", storeHeaders(key))
  const regionId = regions.regions[0].id
  const { data: products } = await api.get(`/store/products?handle=${WE_YOUNG_HANDLE}&fields=*variants`, storeHeaders(key))
  const variantId = products.products[0].variants[0].id
  const { data: cart } = await api.post("/store/carts", { region_id: regionId }, storeHeaders(key))
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cart.cart.id}`, storeHeaders(key))
  return { regionId, variantId, shippingOptionId: options.shipping_options[0].id as string }
}

describe("Admin: giveaways and reports", () => {
  // The draw reads its committed drand round from a local stand-in (no internet here); with no delay the round
  // is the first one after entries close, published by the stand-in on drand's own 3-second schedule.
  let beacon: Awaited<ReturnType<typeof startBeaconStandIn>>
  const env: NodeJS.ProcessEnv = { GIVEAWAY_BEACON_DELAY_SECONDS: "0" }
  beforeAll(async () => {
    beacon = await startBeaconStandIn()
    env.GIVEAWAY_BEACON_URLS = beacon.url
  })
  afterAll(() => beacon?.close())
  const app = useAdminApp("giveaways_reports", { env })

  it("creates a giveaway on the page, draws it there, and the published draw and the alternate promotion match the API", async () => {
    const { page, api, http } = app
    await app.goto("/giveaways")
    await page.getByRole("heading", { name: "Giveaways" }).waitFor()
    await page.getByText("Win a signed copy of NCT Dream's We Young").waitFor()
    await app.screenshot("giveaways-list")

    // Create: a server-side rule shows on its field and nothing is created.
    await page.getByTestId("create-giveaway").click()
    const form = page.getByTestId("giveaway-form")
    await form.locator("#title").fill("Signed Hot Sauce poster")
    await form.locator("#prize").fill("A Hot Sauce poster signed by all seven members")
    await form.locator("#winners_count").fill("0")
    await form.getByTestId("giveaway-save").click()
    await form.getByTestId("error-winners_count").waitFor()
    expect((await api.get("/admin/giveaways?q=poster")).data.count).toBe(0)

    // The window only has to outlast the steps up to the fourth entry (measured: 3 s of it used here).
    const endsAt = new Date(Date.now() + 20_000)
    await form.locator("#winners_count").fill("1")
    await form.locator("#alternates_count").fill("2")
    await form.locator("#starts_at").fill(localInput(new Date(Date.now() - 60_000)))
    await form.locator("#ends_at").fill(localInput(endsAt))
    await app.screenshot("giveaway-create")
    await form.getByTestId("giveaway-save").click()
    await page.getByTestId("giveaway-title").waitFor()
    const id = page.url().split("/giveaways/")[1]
    const created = (await api.get(`/admin/giveaways/${id}`)).data.giveaway
    expect(created).toMatchObject({ title: "Signed Hot Sauce poster", status: "draft", winners_count: 1, alternates_count: 2 })
    expect(created.rules_text).toContain("NO PURCHASE NECESSARY")

    // Going live asks first, then publishes the commitment.
    await page.getByTestId("go-live").click()
    await page.getByRole("button", { name: "Go live" }).last().click()
    await page.getByTestId("seed-hash").waitFor()
    const live = (await api.get(`/admin/giveaways/${id}`)).data.giveaway
    expect(live.status).toBe("live")
    expect(await page.getByTestId("seed-hash").textContent()).toBe(live.seed_hash)

    // Four fans enter for free through the store API.
    const fans = ["ari", "bo", "cy", "di"].map((n) => `${n}.${Date.now()}@fans.test`)
    for (const email of fans) {
      const auth = await customerHeaders(http, app.webKey, email)
      const r = await http.post(`/store/giveaways/${id}/free-entries`, { age_confirmed: true, country_code: "us", region: "CA" }, storeHeaders(app.webKey, auth))
      expect(r.status).toBe(201)
    }
    await page.reload()
    await page.getByTestId("entries-active-entries").waitFor()
    expect(await page.getByTestId("entries-active-entries").textContent()).toBe("4")
    expect(await page.getByTestId("entries-free-entries").textContent()).toBe("4")

    // Entries close; the draw asks first and says what is final.
    const drawOnPage = async () => {
      await page.getByTestId("draw").click()
      await page.getByText("The draw is final").waitFor()
      const drawResponse = page.waitForResponse((r) => r.url().endsWith(`/admin/giveaways/${id}/draw`) && r.request().method() === "POST")
      await page.getByRole("button", { name: "Draw", exact: true }).last().click()
      return drawResponse
    }
    await new Promise((r) => setTimeout(r, Math.max(0, endsAt.getTime() - Date.now() + 500)))
    await page.reload()
    let answered = await drawOnPage()
    let drawnByJob = false
    if (answered.status() === 202) {
      // The committed round (re-committed, publicly, if entries closed after the first one was out) is not public
      // yet: 202 says when it will be (the stand-in publishes on drand's 3-second schedule). Draw again then, unless
      // the draw job (every minute) drew in between.
      const { waiting } = await answered.json()
      await new Promise((r) => setTimeout(r, Math.max(0, new Date(waiting.available_at).getTime() - Date.now() + 500)))
      await page.reload()
      drawnByJob = !!(await api.get(`/admin/giveaways/${id}`)).data.giveaway.drawn_at
      if (!drawnByJob) answered = await drawOnPage()
    }
    if (!drawnByJob) expect({ status: answered.status(), body: await answered.text() }).toMatchObject({ status: 200 })
    await page.getByTestId("giveaway-winners").waitFor()
    await page.getByTestId("entries-hash").waitFor()
    await app.screenshot("giveaway-drawn", { fullPage: true })

    const winners = (await api.get(`/admin/giveaways/${id}/winners`)).data.giveaway_winners
    expect(winners.map((w: any) => w.kind)).toEqual(["winner", "alternate", "alternate"])
    const published = (await http.get(`/store/giveaways/${id}/draw`, storeHeaders(app.webKey))).data
    const publishedText = JSON.stringify(published)
    for (const w of winners) expect(publishedText).toContain(w.entrant)
    expect(publishedText).toContain(live.seed_hash)
    // The draw used the committed round (re-committed, publicly, when entries closed after the first one was out).
    const drawn = (await api.get(`/admin/giveaways/${id}`)).data.giveaway
    expect(drawn.beacon.round).toBeGreaterThanOrEqual(live.beacon.round)
    expect(drawn.draw).toMatchObject({ beacon_round: drawn.beacon.round, entries_hash: drawn.entries_hash })
    expect(await page.getByTestId("verify-command").textContent()).toBe(
      `node verify.js draw.json --committed-hash ${live.seed_hash} --round ${drawn.beacon.round} --entries-hash ${drawn.entries_hash}`
    )

    // Disqualify the winner: the drawer names the alternate who will be promoted.
    const [winner, first] = winners
    await page.getByTestId(`winner-${winner.entrant}`).getByRole("button", { name: "Disqualify" }).click()
    const drawer = page.getByTestId("disqualify-drawer")
    expect(await drawer.getByTestId("promoted-preview").textContent()).toContain(first.entrant)
    await drawer.getByTestId("confirm-disqualify").click()
    await drawer.getByTestId("error-reason").waitFor() // a reason is required
    await drawer.locator("#disqualify-reason").fill("Did not meet the age requirement")
    await drawer.getByTestId("confirm-disqualify").click()
    // The toast naming the promoted alternate (the drawer's own preview names them too, before anything is sent).
    await page.locator("[data-sonner-toast]").filter({ hasText: `${first.entrant} (` }).first().waitFor()
    const after = (await api.get(`/admin/giveaways/${id}/winners`)).data.giveaway_winners
    expect(after.find((w: any) => w.id === winner.id)).toMatchObject({ status: "disqualified", disqualify_reason: "Did not meet the age requirement" })
    expect(after.find((w: any) => w.id === first.id)).toMatchObject({ kind: "winner", replaces_winner_id: winner.id })
    await page.reload()
    await page.getByTestId("giveaway-audit").waitFor()
    await app.screenshot("giveaway-winners", { fullPage: true })
  })

  it("shows the summary, downloads the CSV the API gives, and runs a background export to its file", async () => {
    const { page, api, http } = app
    const ids = await demoCart(http, app.webKey)
    for (const email of ["report-a@fans.test", "report-b@fans.test"]) {
      const { response } = await checkout(http, { key: app.webKey, ...ids, email, items: [{ variant_id: ids.variantId, quantity: 2 }] })
      expect(response.status).toBe(200)
    }
    // The report reads its read model, which the order subscribers fill.
    const from = new Date(Date.now() - 86_400_000).toISOString()
    const to = new Date(Date.now() + 86_400_000).toISOString()
    await waitFor(
      async () => (await api.get("/admin/reports/summary", { params: { from, to } })).data.summary.totals,
      (totals) => totals[0]?.orders === 2,
      60_000
    )

    await app.goto("/reports")
    await page.getByRole("heading", { name: "Reports" }).waitFor()
    await page.getByTestId("summary-chart").waitFor()
    expect(await page.getByTestId("summary-orders").first().textContent()).toBe("2")
    await page.getByTestId("report-rows").getByText("report-a@fans.test").waitFor()
    await app.screenshot("reports", { fullPage: true })

    // "Download CSV" is the API's own streamed file for the page's filters.
    const href = (await page.getByTestId("download-csv").getAttribute("href"))!
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()])
    const file = fs.readFileSync((await download.path())!, "utf8")
    const fromApi = (await api.get(href, { responseType: "text", transformResponse: (x) => x })).data
    expect(file).toBe(fromApi)
    const lines = file.trim().split("\r\n")
    expect(lines).toHaveLength(1 + 2 + 1) // header, two orders, TOTAL
    expect(file).toContain("report-b@fans.test")

    // A background export: progress, then a completed row with its file.
    await page.getByRole("button", { name: "Export in background" }).click()
    const history = page.getByTestId("export-history")
    await history.getByText("completed").first().waitFor({ timeout: 60_000 })
    await app.screenshot("reports-export", { fullPage: true })
    const { order_exports } = (await api.get("/admin/reports/order-exports")).data
    expect(order_exports[0]).toMatchObject({ status: "completed", file: expect.objectContaining({ orders: 2 }) })
    const [exported] = await Promise.all([page.waitForEvent("download"), history.getByRole("link", { name: "Download" }).first().click()])
    const exportedFile = fs.readFileSync((await exported.path())!, "utf8")
    expect(exportedFile).toBe(fromApi)
  })
})
