import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { waitFor } from "../utils/async"
import { adminHeaders, completeCart, readyCart, startPayment, storeHeaders } from "../utils/store"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { DEMO, HOT_SAUCE_HANDLE, RESONANCE_HANDLE, WE_YOUNG_HANDLE } from "../../src/scripts/demo/config"
import { ORDER_EXPORT_READY_TEMPLATE } from "@comeback/medusa-plugin/internal/workflows/finance-report/steps/notify-order-export-ready"
import { refreshFinanceRowsWorkflow } from "@comeback/medusa-plugin/internal/workflows/finance-report/refresh-finance-rows"
import { backfillFinanceRows } from "@comeback/medusa-plugin/internal/lib/finance-report/sync-finance-rows"
import { FINANCE_REPORT_MODULE } from "@comeback/medusa-plugin/internal/modules/finance-report/index"

jest.setTimeout(180_000)

/** RFC 4180 parser for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") row.push(cell), (cell = "")
    else if (ch === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++
    else cell += ch
  }
  if (cell || row.length) row.push(cell), rows.push(row)
  return rows
}
const records = (text: string) => {
  const [header, ...rows] = parseCsv(text)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}
const sum = (values: (string | number)[]) => MathBN.add(0, ...values.map(String))
/** Exact equality of two decimals ("5.00" == "5"). */
const same = (a: unknown, b: unknown) => MathBN.convert(a as any).eq(MathBN.convert(b as any))

const INJECTION_NAME = '=HYPERLINK("http://evil.example/?q=1","click")'

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult
    let admin: { headers: Record<string, string> }
    let from: string
    let to: string
    const o: Record<"code" | "group" | "app" | "refunded" | "canceled", string> = {} as any
    let crazyLineTotal: string
    let releaseDate: Date

    const variant = (handle: string, sku: string) => demo.products[handle].variants[sku]
    const buy = async (input: {
      key: string
      email: string
      items: { variant_id: string; quantity: number }[]
      headers?: Record<string, string>
      codes?: string[]
      group?: string
    }) => {
      const cartId = await readyCart(api, { ...input, regionId: demo.regionId, shippingOptionId: demo.shippingOptionId })
      const options = storeHeaders(input.key, input.headers)
      if (input.codes) await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: input.codes }, options)
      if (input.group) await api.post(`/store/carts/${cartId}/group-order`, { code: input.group }, options)
      await startPayment(api, input.key, cartId, "pp_system_default", input.headers)
      const done = await completeCart(api, input.key, cartId, input.headers)
      if (done.status !== 200) throw new Error(`checkout failed: ${JSON.stringify(done.data)}`)
      return done.data.order.id as string
    }
    const graph = (entity: string, fields: string[], filters: Record<string, unknown>) =>
      getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters }).then((r) => r.data as any[])
    const captured = (orderId: string) =>
      waitFor(
        () => graph("order", ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at"], { id: orderId }),
        (d) => !!d[0]?.payment_collections?.[0]?.payments?.[0]?.captured_at
      ).then((d) => d[0].payment_collections[0].payments[0].id as string)
    /** The read model's rows of these orders (written by the finance-rows-* subscribers). */
    const rowsOf = (ids: string[]) => (getContainer().resolve(FINANCE_REPORT_MODULE) as any).orderRowsOf(ids) as Promise<any[]>
    const rowed = (id: string, ok: (row: any) => boolean = () => true) =>
      waitFor(() => rowsOf([id]), (rows) => rows.length === 1 && ok(rows[0]))
    const report = (params: Record<string, string | number | boolean>) =>
      api.get(`/admin/reports/orders?${new URLSearchParams({ from, to, ...(params as any) })}`, { ...admin, responseType: "text", transformResponse: (x) => x })
    const medusaTotals = async (filters: Record<string, unknown> = {}) => {
      const fields = ["subtotal", "discount_total", "shipping_total", "tax_total", "credit_line_total", "total", "item_subtotal", "item_total", "item_tax_total", "item_discount_total"]
      const orders = await graph(
        "order",
        ["id", "total", ...fields.map((f) => `raw_${f}`), "payment_collections.captured_amount", "payment_collections.refunded_amount"],
        { created_at: { $gte: new Date(from), $lt: new Date(to) }, ...filters }
      )
      const totals: Record<string, ReturnType<typeof MathBN.convert>> = {}
      for (const f of fields) totals[f] = sum(orders.map((x) => x[`raw_${f}`]?.value ?? 0))
      totals.paid = sum(orders.flatMap((x) => x.payment_collections.map((c) => c.captured_amount ?? 0)))
      totals.refunded = sum(orders.flatMap((x) => x.payment_collections.map((c) => c.refunded_amount ?? 0)))
      return { count: orders.length, totals }
    }

    beforeAll(async () => {
      const container = getContainer()
      from = new Date(Date.now() - 60_000).toISOString()
      to = new Date(Date.now() + 3600_000).toISOString()
      demo = await seedDemo(container)
      admin = await adminHeaders(api)

      // 9.5 % sales tax, so tax totals (with sub-cent digits) are part of the reconciliation.
      const { data: regions } = await api.get("/admin/tax-regions?country_code=us", admin)
      await api.post("/admin/tax-rates", { tax_region_id: regions.tax_regions[0].id, name: "US sales tax", code: "US", rate: 9.5, is_default: true }, admin)
      await api.post(
        "/admin/promotions",
        { code: "FIN10", type: "standard", status: "active", application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 } },
        admin
      )
      // The app-promotions feature marks its promotions with a rule on app_session.verified; this one is made by
      // hand through the promotion module and gets its rule after checkout (no cart here carries an app session).
      const promotions = container.resolve(Modules.PROMOTION)
      const [app] = await promotions.createPromotions([
        { code: "APP5", type: "standard", status: "active", application_method: { type: "percentage", target_type: "items", allocation: "across", value: 5 } },
      ] as any)

      // A fan whose name is a spreadsheet formula.
      const email = "formula@example.com"
      const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "fan-password-1" })
      await api.post("/store/customers", { email, first_name: INJECTION_NAME, last_name: "Park" }, { headers: { authorization: `Bearer ${reg.token}`, "x-publishable-api-key": demo.webKey } })
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "fan-password-1" })

      o.code = await buy({
        key: demo.webKey,
        email,
        headers: { authorization: `Bearer ${login.token}` },
        items: [{ variant_id: variant(RESONANCE_HANDLE, "RESONANCE-PAST"), quantity: 2 }, { variant_id: variant(WE_YOUNG_HANDLE, "WEYOUNG-STD"), quantity: 1 }],
        codes: ["FIN10"],
      })
      o.group = await buy({ key: demo.webKey, email: "group@example.com", items: [{ variant_id: variant(HOT_SAUCE_HANDLE, "HOTSAUCE-PB-CRAZY"), quantity: 5 }], group: DEMO.groupCode })
      o.app = await buy({ key: demo.appKey, email: "app@example.com", items: [{ variant_id: variant(RESONANCE_HANDLE, "RESONANCE-FUTURE"), quantity: 3 }], codes: ["APP5"] })
      o.refunded = await buy({
        key: demo.appKey,
        email: "preorder@example.com",
        items: [{ variant_id: variant(HOT_SAUCE_HANDLE, "HOTSAUCE-PB-CHILLING"), quantity: 1 }, { variant_id: variant(WE_YOUNG_HANDLE, "WEYOUNG-STD"), quantity: 1 }],
      })
      o.canceled = await buy({ key: demo.webKey, email: "cancel@example.com", items: [{ variant_id: variant(WE_YOUNG_HANDLE, "WEYOUNG-STD"), quantity: 1 }] })
      await promotions.addPromotionRules(app.id, [{ attribute: "app_session.verified", operator: "eq", values: ["true"] }] as any)

      for (const id of Object.values(o)) await captured(id)
      await api.post(`/admin/payments/${await captured(o.refunded)}/refund`, { amount: 5 }, admin)
      await api.post(`/admin/orders/${o.canceled}/cancel`, {}, admin)
      // Pre-order items and the group purchase are attached by the order.placed subscriber.
      const preorders = container.resolve("preorder") as any
      await waitFor(() => preorders.listPreorderItems({ status: ["pending"] }), (items: any[]) => items.length === 2)
      await waitFor(() => (container.resolve("groupOrder") as any).listGroupPurchases({ order_id: o.group, status: ["placed"] }), (p: any[]) => p.length === 1)
      // "Chilling" is released: its line is no longer a liability; "Crazy" still is.
      const { data: plans } = await api.get(`/admin/preorder-plans?variant_id=${variant(HOT_SAUCE_HANDLE, "HOTSAUCE-PB-CHILLING")}`, admin)
      await api.post(`/admin/preorder-plans/${plans.preorder_plans[0].id}/release`, {}, admin)
      const [crazy] = await preorders.listPreorderItems({ order_id: o.group })
      releaseDate = new Date(crazy.release_date)
      const [groupOrder] = await graph("order", ["id", "total", "items.raw_total"], { id: o.group })
      crazyLineTotal = groupOrder.items[0].raw_total.value

      // The report reads its read model: let the subscribers bring every row up to date first.
      await rowed(o.canceled, (r) => r.status === "canceled" && r.payment_status === "refunded")
      await rowed(o.refunded, (r) => r.payment_status === "partially_refunded" && r.facts.lines.some((l: any) => l.preorder?.status === "ready"))
      for (const id of [o.code, o.group, o.app]) await rowed(id, (r) => r.payment_status === "captured")
      await rowed(o.group, (r) => !!r.facts.group && r.facts.lines.some((l: any) => l.preorder?.status === "pending"))
      // APP5 got its app_session rule after checkout, which no event tells the read model: refresh once more.
      await refreshFinanceRowsWorkflow(container).run({ input: { order_ids: Object.values(o) } })
    })
    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    it("is for admins only and names the bad field of a request", async () => {
      expect((await api.get(`/admin/reports/orders?from=${from}&to=${to}`).catch((e) => e.response)).status).toBe(401)
      expect((await api.get(`/admin/reports/summary?from=${from}&to=${to}`).catch((e) => e.response)).status).toBe(401)
      expect((await api.post(`/admin/reports/order-exports`, { from, to }).catch((e) => e.response)).status).toBe(401)
      const bad = async (url: string) => (await api.get(url, admin).catch((e) => e.response)).data.message
      expect(await bad(`/admin/reports/orders?to=${to}`)).toMatch(/^Invalid request: from: Required/)
      expect(await bad(`/admin/reports/orders?from=2026-11-01&to=${to}`)).toBe(
        "Invalid request: from: must be an ISO 8601 date-time with an offset, e.g. 2026-11-01T00:00:00+09:00"
      )
      expect(await bad(`/admin/reports/orders?from=${to}&to=${from}`)).toBe("Invalid request: to: must be after from")
      expect(await bad(`/admin/reports/orders?from=${from}&to=${to}&tz=Mars/Olympus`)).toBe("Invalid request: tz: must be an IANA time zone, e.g. Asia/Seoul")
      expect(await bad(`/admin/reports/orders?from=${from}&to=${to}&format=xlsx`)).toMatch(/^Invalid request: format: /)
      expect(await bad(`/admin/reports/summary?from=${from}`)).toMatch(/^Invalid request: to: Required/)
      const post = await api.post(`/admin/reports/order-exports`, { from, granularity: "lines" }, admin).catch((e) => e.response)
      expect(post.status).toBe(400)
      expect(post.data.message).toMatch(/to: Required.*granularity: /)
      expect((await api.get(`/admin/reports/order-exports/oexp_missing`, admin).catch((e) => e.response)).status).toBe(404)
    })

    it("reconciles to the cent: every column sums to Medusa's own order totals, and the totals row says so", async () => {
      const { data, headers } = await report({ totals: true })
      expect(headers["content-type"]).toBe("text/csv; charset=utf-8")
      const rows = records(data)
      const orders = rows.filter((r) => r.order_id !== "TOTAL")
      const [total] = rows.filter((r) => r.order_id === "TOTAL")
      expect(orders.map((r) => r.order_id).sort()).toEqual(Object.values(o).sort())
      const medusa = await medusaTotals()
      expect(medusa.count).toBe(5)
      for (const [column, medusaField] of [
        ["subtotal", "subtotal"], ["discount_total", "discount_total"], ["shipping_total", "shipping_total"], ["tax_total", "tax_total"],
        ["credit_line_total", "credit_line_total"], ["total", "total"], ["paid", "paid"], ["refunded", "refunded"],
      ]) {
        expect([column, sum(orders.map((r) => r[column])).toFixed()]).toEqual([column, medusa.totals[medusaField].toFixed()])
        expect([column, same(total[column], medusa.totals[medusaField])]).toEqual([column, true])
      }
      expect(medusa.totals.tax_total.gt(0)).toBe(true)
      // The split adds up to the discount total, order by order, and each kind lands where it belongs.
      for (const r of orders) {
        expect(same(sum([r.discount_promotion_code, r.discount_group_order, r.discount_app_exclusive]), r.discount_total)).toBe(true)
        expect(same(r.net, MathBN.sub(r.paid, r.refunded))).toBe(true)
      }
      const byId = Object.fromEntries(orders.map((r) => [r.order_id, r]))
      expect(same(byId[o.code].discount_promotion_code, byId[o.code].discount_total)).toBe(true)
      expect(byId[o.code].promotion_codes).toBe("FIN10")
      expect(same(byId[o.group].discount_group_order, byId[o.group].discount_total)).toBe(true)
      expect(byId[o.group]).toMatchObject({ group_code: DEMO.groupCode, promotion_codes: `${DEMO.groupCode}-T1`, preorder_lines: "1", sales_channel: "Web" })
      expect(same(byId[o.app].discount_app_exclusive, byId[o.app].discount_total)).toBe(true)
      expect(byId[o.app].discount_total).not.toBe("0.00")
      expect(byId[o.refunded]).toMatchObject({ refunded: "5.00", credit_line_total: "5.00", payment_status: "partially_refunded", sales_channel: "Mobile App" })
      expect(byId[o.canceled]).toMatchObject({ order_status: "canceled", payment_status: "refunded" })
      expect(total).toMatchObject({ display_id: "5", currency: "USD", item_count: "14" })
      // Exact decimals in currency units, never floats: at least cents, every digit Medusa holds.
      for (const r of orders) for (const c of ["subtotal", "tax_total", "total"]) expect(r[c]).toMatch(/^\d+\.\d{2,}$/)
    })

    it("has one row per line at line-item granularity, summing to Medusa's item totals", async () => {
      const rows = records((await report({ granularity: "line_item", totals: true })).data)
      const lines = rows.filter((r) => r.order_id !== "TOTAL")
      const medusa = await medusaTotals()
      expect(lines).toHaveLength(7)
      expect(sum(lines.map((r) => r.subtotal)).toFixed()).toBe(medusa.totals.item_subtotal.toFixed())
      expect(sum(lines.map((r) => r.tax_total)).toFixed()).toBe(medusa.totals.item_tax_total.toFixed())
      expect(sum(lines.map((r) => r.total)).toFixed()).toBe(medusa.totals.item_total.toFixed())
      expect(sum(lines.map((r) => r.discount_total)).toFixed()).toBe(medusa.totals.item_discount_total.toFixed())
      const crazy = lines.find((r) => r.sku === "HOTSAUCE-PB-CRAZY")!
      expect(crazy).toMatchObject({
        order_id: o.group,
        product: "NCT Dream — Hot Sauce",
        version: 'Photo Book "Crazy"',
        quantity: "5",
        unit_price: "24.99",
        preorder: "true",
        preorder_status: "pending",
        release_date: releaseDate.toISOString().slice(0, 10),
        group_code: DEMO.groupCode,
        payment_provider: "pp_system_default",
      })
      // "Crazy" has no limited benefit pool: no limited benefit stamped.
      expect(crazy).toMatchObject({ benefit_units: "0", benefit: "" })
      const chilling = lines.find((r) => r.sku === "HOTSAUCE-PB-CHILLING")!
      expect(chilling).toMatchObject({ preorder: "true", preorder_status: "ready", benefit_units: "1", benefit: "Signed pre-order photocard set (first 100 pre-orders)" })
      expect(lines.find((r) => r.sku === "RESONANCE-PAST")).toMatchObject({ preorder: "false", release_date: "", benefit: "" })
      expect(rows.find((r) => r.order_id === "TOTAL")).toMatchObject({ display_id: "7", quantity: "14" })
    })

    it("filters by sales channel, region, order status and payment status, as CSV or JSON", async () => {
      const ids = async (params: Record<string, string>) => records((await report(params)).data).map((r) => r.order_id).sort()
      expect(await ids({ sales_channel_id: demo.appChannelId })).toEqual([o.app, o.refunded].sort())
      expect(await ids({ sales_channel_id: `${demo.appChannelId},${demo.webChannelId}` })).toHaveLength(5)
      expect(await ids({ region_id: demo.regionId })).toHaveLength(5)
      expect(await ids({ region_id: "reg_nowhere" })).toEqual([])
      expect(await ids({ status: "canceled" })).toEqual([o.canceled])
      expect(await ids({ payment_status: "partially_refunded" })).toEqual([o.refunded])
      expect(await ids({ payment_status: "captured", sales_channel_id: demo.webChannelId })).toEqual([o.code, o.group].sort())

      const { data, headers } = await api.get(`/admin/reports/orders?${new URLSearchParams({ from, to, format: "json", sales_channel_id: demo.appChannelId, totals: "true" })}`, admin)
      expect(headers["content-type"]).toBe("application/json; charset=utf-8")
      expect(data.columns[0]).toBe("order_id")
      expect(Object.keys(data.rows[0])).toEqual(data.columns)
      expect(data.rows.map((r) => r.order_id).sort()).toEqual([o.app, o.refunded].sort())
      expect(data.totals).toHaveLength(1)
      expect(data.next_cursor).toBeNull()
      // JSON carries the same values as CSV (no formula guard needed there).
      const csv = records((await report({ sales_channel_id: demo.appChannelId })).data)
      expect(data.rows.map((r) => String(r.total))).toEqual(csv.map((r) => r.total))
      // An empty range is a header (and a totals row per currency: none).
      const empty = await api.get(`/admin/reports/orders?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z&totals=true`, { ...admin, responseType: "text" })
      expect(parseCsv(empty.data)).toHaveLength(1)
    })

    it("never lets a cell become a spreadsheet formula", async () => {
      const { data } = await report({ totals: true })
      expect(data).toContain(`"'=HYPERLINK(""http://evil.example/?q=1"",""click"") Park"`)
      const row = records(data).find((r) => r.order_id === o.code)!
      expect(row.customer_name).toBe(`'${INJECTION_NAME} Park`)
      for (const cells of parseCsv(data)) {
        for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)).toBe(false)
      }
      const lines = records((await report({ granularity: "line_item" })).data)
      expect(lines.filter((r) => r.order_id === o.code).every((r) => r.customer_name === `'${INJECTION_NAME} Park`)).toBe(true)
    })

    it("adds local timestamps for a time zone", async () => {
      const utc = records((await report({})).data)
      expect(utc[0]).not.toHaveProperty("created_at_local")
      expect(utc[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      const seoul = records((await report({ tz: "Asia/Seoul" })).data)
      for (const r of seoul) {
        expect(r.created_at_local).toMatch(/\+09:00$/)
        expect(new Date(r.created_at_local).getTime()).toBe(new Date(r.created_at).getTime())
      }
      const la = records((await report({ tz: "America/Los_Angeles" })).data)
      expect(la[0].created_at_local).toMatch(/-0[78]:00$/)
      // In UTC the export streams the rows prebuilt in the read model; in a zone it builds them from the stored
      // facts: the same builder, so every other cell is the same.
      const { created_at_local, ...rest } = seoul[0]
      expect(created_at_local).toBeTruthy()
      expect(rest).toEqual(utc[0])
      const utcLines = records((await report({ granularity: "line_item" })).data)
      const zonedLines = records((await report({ granularity: "line_item", tz: "UTC" })).data).map(({ created_at_local, ...r }) => r)
      expect(zonedLines).toEqual(utcLines)
    })

    it("pages by keyset while orders are being placed: no row skipped, none repeated", async () => {
      // Small pages so the streamed CSV below reads many pages while checkouts land.
      process.env.FINANCE_REPORT_PAGE_SIZE = "2"
      try {
        const placed: string[] = []
        const newOrder = (i: number) =>
          buy({ key: demo.webKey, email: `late${i}@example.com`, items: [{ variant_id: variant(RESONANCE_HANDLE, "RESONANCE-PAST"), quantity: 1 }] }).then(
            (id) => (placed.push(id), id)
          )
        const seen: string[] = []
        let cursor: string | null = null
        let page = 0
        do {
          const params = new URLSearchParams({ from, to, format: "json", limit: "2", ...(cursor ? { after: cursor } : {}) })
          const { data } = await api.get(`/admin/reports/orders?${params}`, admin)
          seen.push(...data.rows.map((r) => r.order_id))
          cursor = data.next_cursor
          // Orders placed between pages (ids sort after every existing order).
          // Orders placed between pages (ids sort after every existing order); they are in the report once
          // the order.placed subscriber has written their rows.
          if (page++ === 0) for (const id of await Promise.all([newOrder(1), newOrder(2)])) await rowed(id)
        } while (cursor)
        expect(new Set(seen).size).toBe(seen.length)
        expect(seen.length).toBe(7)
        for (const id of Object.values(o)) expect(seen).toContain(id)
        expect([...seen].sort()).toEqual(seen) // stable order: by id

        // The same while one streamed export runs and more checkouts land during it.
        const [streamed] = await Promise.all([report({}), newOrder(3), newOrder(4)])
        const ids = records(streamed.data).map((r) => r.order_id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const id of [...Object.values(o), ...seen]) expect(ids).toContain(id)
        // Let the new orders' order.placed work finish before the database is reset for the next test.
        for (const id of placed) await captured(id)
        for (const id of placed) await rowed(id, (r) => r.payment_status === "captured")
      } finally {
        delete process.env.FINANCE_REPORT_PAGE_SIZE
      }
    })

    it("exports in the background: file through the File module, progress, download link, notification", async () => {
      const started = await api.post("/admin/reports/order-exports", { from, to, granularity: "line_item", totals: true, tz: "Asia/Seoul" }, admin)
      expect(started.status).toBe(202)
      const id = started.data.order_export.id
      expect(started.data.order_export).toMatchObject({ id: expect.stringMatching(/^oexp_/), format: "csv", granularity: "line_item", requested_by: DEMO.adminEmail })
      const done = await waitFor(
        async () => (await api.get(`/admin/reports/order-exports/${id}`, admin)).data.order_export,
        (e) => e.status !== "running"
      )
      expect(done).toMatchObject({
        status: "completed",
        progress: { orders_done: 5, rows_done: 7, orders_estimated: 5, percent: 100 },
        file: { orders: 5, rows: 7, download_url: `/admin/reports/order-exports/${id}/download` },
        error: null,
      })
      const download = await api.get(done.file.download_url, { ...admin, responseType: "text", transformResponse: (x) => x })
      expect(download.headers["content-disposition"]).toContain(done.file.filename)
      const direct = await report({ granularity: "line_item", totals: true, tz: "Asia/Seoul" })
      expect(download.data).toBe(direct.data)
      expect(Buffer.byteLength(download.data)).toBe(done.file.size_bytes)
      expect((await api.get(done.file.download_url).catch((e) => e.response)).status).toBe(401)

      const notifications = await waitFor(
        () => getContainer().resolve(Modules.NOTIFICATION).listNotifications({ template: ORDER_EXPORT_READY_TEMPLATE }),
        (n) => n.length === 1
      )
      expect(notifications[0]).toMatchObject({ to: DEMO.adminEmail, channel: "email", data: expect.objectContaining({ export_id: id, download_url: done.file.download_url, rows: 7 }) })

      // The stored file itself, through the File module (then removed: tests leave no files behind).
      const { execution } = { execution: (await getContainer().resolve(Modules.WORKFLOW_ENGINE).listWorkflowExecutions({ transaction_id: id }))[0] as any }
      const key = execution.context.data.invoke["write-order-export-file"].output.output.file_key
      const files = getContainer().resolve(Modules.FILE)
      expect((await files.getAsBuffer(key)).toString("utf8")).toBe(direct.data)
      await files.deleteFiles(key)

      // The export history lists it, newest first, with who asked and its file; paging is bounded.
      const second = (await api.post("/admin/reports/order-exports", { from, to }, admin)).data.order_export
      await waitFor(async () => (await api.get(`/admin/reports/order-exports/${second.id}`, admin)).data.order_export, (e) => e.status !== "running")
      const secondKey = ((await getContainer().resolve(Modules.WORKFLOW_ENGINE).listWorkflowExecutions({ transaction_id: second.id }))[0] as any)
        .context.data.invoke["write-order-export-file"].output.output.file_key
      const history = (await api.get("/admin/reports/order-exports?limit=1", admin)).data
      expect(history).toMatchObject({ count: 2, limit: 1, offset: 0 })
      expect(history.order_exports).toEqual([expect.objectContaining({ id: second.id, requested_by: DEMO.adminEmail, status: "completed" })])
      const older = (await api.get("/admin/reports/order-exports?limit=1&offset=1", admin)).data.order_exports
      expect(older).toEqual([expect.objectContaining({ id, file: expect.objectContaining({ rows: 7 }) })])
      expect(older[0]).not.toHaveProperty("file_key")
      const badPage = await api.get("/admin/reports/order-exports?limit=1000", admin).catch((e) => e.response)
      expect(badPage.status).toBe(400)
      expect(badPage.data.message).toContain("limit")
      expect((await api.get("/admin/reports/order-exports").catch((e) => e.response)).status).toBe(401)
      await files.deleteFiles(secondKey)
    })

    it("reflects a refund and a cancellation in the order's row, through the subscribers", async () => {
      const row = async (id: string) => records((await report({})).data).find((r) => r.order_id === id)!
      expect(await row(o.code)).toMatchObject({ refunded: "0.00", payment_status: "captured", order_status: "pending" })
      await api.post(`/admin/payments/${await captured(o.code)}/refund`, { amount: 1.25 }, admin)
      await rowed(o.code, (r) => r.payment_status === "partially_refunded")
      expect(await row(o.code)).toMatchObject({ refunded: "1.25", credit_line_total: "1.25", payment_status: "partially_refunded" })
      expect(same((await row(o.code)).net, MathBN.sub((await row(o.code)).paid, "1.25"))).toBe(true)

      await api.post(`/admin/orders/${o.app}/cancel`, {}, admin)
      await rowed(o.app, (r) => r.status === "canceled" && r.payment_status === "refunded")
      expect(await row(o.app)).toMatchObject({ order_status: "canceled", payment_status: "refunded" })
      // Still to the cent with Medusa's totals after the changes.
      const rows = records((await report({})).data)
      const medusa = await medusaTotals()
      for (const [column, field] of [["total", "total"], ["refunded", "refunded"], ["paid", "paid"], ["credit_line_total", "credit_line_total"]]) {
        expect([column, sum(rows.map((r) => r[column])).toFixed()]).toEqual([column, medusa.totals[field].toFixed()])
      }
    })

    it("backfills orders that have no row, to the same report, and a second run has nothing to do", async () => {
      const container = getContainer()
      const before = (await report({ granularity: "line_item", totals: true })).data
      await (container.resolve(FINANCE_REPORT_MODULE) as any).removeOrderRows([o.code, o.group, o.refunded])
      expect(records((await report({})).data).map((r) => r.order_id).sort()).toEqual([o.app, o.canceled].sort())

      const logged: string[] = []
      const first = await backfillFinanceRows(container, { log: (m) => logged.push(m) })
      expect(first).toMatchObject({ orders: 5, refreshed: 3 })
      expect(logged).toContain("finance rows: 5 orders, 3 to refresh")
      expect(logged.some((m) => m.startsWith("finance rows: [3/3]"))).toBe(true)
      expect((await report({ granularity: "line_item", totals: true })).data).toBe(before)
      expect(await backfillFinanceRows(container, { log: () => {} })).toMatchObject({ orders: 5, refreshed: 0 })
    })

    it("summarises per day and channel, and the pre-order liability by release date", async () => {
      const { data } = await api.get(`/admin/reports/summary?${new URLSearchParams({ from, to })}`, admin)
      const s = data.summary
      // The summary's totals are the export's totals row for the same range.
      const rows = records((await report({ totals: true })).data)
      const [total] = rows.filter((r) => r.order_id === "TOTAL")
      const days = [...new Set(rows.filter((r) => r.order_id !== "TOTAL").map((r) => r.created_at.slice(0, 10)))]
      expect([...new Set(s.days.map((d) => d.date))]).toEqual(days)
      const perChannel = (name: string) => s.days.filter((d) => d.sales_channel === name).reduce((n, d) => n + d.orders, 0)
      expect([perChannel("Web"), perChannel("Mobile App")]).toEqual([3, 2])
      const web = s.days.find((d) => d.sales_channel === "Web")
      expect(web).toMatchObject({ currency: "USD", discounts: expect.objectContaining({ promotion_code: expect.any(String), group_order: expect.any(String) }) })
      const [t] = s.totals
      expect(t).toMatchObject({ currency: "USD", orders: 5 })
      expect(same(t.gross, total.subtotal)).toBe(true)
      expect(same(t.discounts.total, total.discount_total)).toBe(true)
      expect(same(t.discounts.group_order, total.discount_group_order)).toBe(true)
      expect(same(t.discounts.app_exclusive, total.discount_app_exclusive)).toBe(true)
      expect(same(t.discounts.promotion_code, total.discount_promotion_code)).toBe(true)
      expect(same(t.refunds, total.refunded)).toBe(true)
      expect(same(t.net, total.net)).toBe(true)
      expect(same(t.paid, total.paid)).toBe(true)
      // Only "Crazy" (pending) is a liability: "Chilling" was released, in-stock lines never are.
      expect(s.preorder_liability.by_release_date).toEqual([
        { release_date: releaseDate.toISOString().slice(0, 10), currency: "USD", lines: 1, units: 5, amount: expect.any(String) },
      ])
      expect(same(s.preorder_liability.by_release_date[0].amount, crazyLineTotal)).toBe(true)
      expect(same(s.preorder_liability.totals[0].amount, crazyLineTotal)).toBe(true)

      const seoul = (await api.get(`/admin/reports/summary?${new URLSearchParams({ from, to, tz: "Asia/Seoul", sales_channel_id: demo.appChannelId })}`, admin)).data.summary
      expect(seoul.tz).toBe("Asia/Seoul")
      expect(seoul.totals[0].orders).toBe(2)
      expect(seoul.preorder_liability.by_release_date).toEqual([])
    })
  },
})
