import { ReportTotals, columnsFor, lineRows, orderRow, rowsOf, zonedRows } from "../report-rows"
import { line, order } from "./fixtures"

const groupLine = line({
  id: "ordli_2",
  sku: "HOTSAUCE-PB-CRAZY",
  product: "NCT Dream — Hot Sauce",
  version: 'Photo Book "Crazy"',
  quantity: "5",
  unit_price: "24.99",
  subtotal: "124.95",
  discount_total: "6.2475",
  total: "118.7025",
  adjustments: [{ amount: "6.2475", kind: "group_order", code: "NCTDREAM-T1" }],
  preorder: { status: "pending", release_date: "2026-12-16T15:00:00.000Z", benefit_units: 5, benefit: "Pre-order photocard" },
})

const mixed = order({
  id: "order_2",
  subtotal: "174.95",
  discount_total: "10.7475",
  total: "164.2025",
  lines: [line({ discount_total: "4.5", total: "40.5", adjustments: [{ amount: "4.5", kind: "promotion_code", code: "FIN10" }] }), groupLine],
  payments: [
    { provider_id: "pp_system_default", reference: "pi_1", captured_at: "2026-11-25T16:30:01.000Z", captured: "164.2025", refunded: "5" },
  ],
  group: { code: "NCTDREAM", final_tier: 1, refund_amount: null },
  giveaway_entries: 3,
})

describe("report rows", () => {
  it("builds an order row with Medusa's totals, the discount split, payments and pre-order facts", () => {
    const row = orderRow(mixed, { tz: "Asia/Seoul" })
    expect(Object.keys(row)).toEqual(columnsFor("order", { tz: "Asia/Seoul" }))
    expect(row).toMatchObject({
      order_id: "order_2",
      created_at: "2026-11-25T16:30:00.000Z",
      created_at_local: "2026-11-26T01:30:00.000+09:00",
      currency: "USD",
      item_count: 7,
      subtotal: "174.95",
      discount_total: "10.7475",
      discount_promotion_code: "4.50",
      discount_group_order: "6.2475",
      discount_app_exclusive: "0.00",
      promotion_codes: "FIN10;NCTDREAM-T1",
      total: "164.2025",
      paid: "164.2025",
      refunded: "5.00",
      net: "159.2025",
      payment_reference: "pi_1",
      preorder_lines: 1,
      preorder_release_dates: "2026-12-17",
      group_code: "NCTDREAM",
      group_final_tier: 1,
      giveaway_entries: 3,
    })
  })

  it("leaves the local time column out without a time zone, and dates pre-orders in UTC", () => {
    const row = orderRow(mixed)
    expect(row).not.toHaveProperty("created_at_local")
    expect(row.preorder_release_dates).toBe("2026-12-16")
  })

  it("builds one row per line with the line's own money", () => {
    const rows = lineRows(mixed)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({
      line_id: "ordli_2",
      sku: "HOTSAUCE-PB-CRAZY",
      version: 'Photo Book "Crazy"',
      quantity: 5,
      unit_price: "24.99",
      discount_total: "6.2475",
      discount_group_order: "6.2475",
      total: "118.7025",
      preorder: true,
      preorder_status: "pending",
      release_date: "2026-12-16",
      benefit_units: 5,
      benefit: "Pre-order photocard",
    })
    expect(rows[0]).toMatchObject({ preorder: false, release_date: null, discount_promotion_code: "4.50" })
  })

  it("totals every money and count column exactly, per currency", () => {
    const totals = new ReportTotals("order")
    for (let i = 0; i < 1000; i++) totals.add(orderRow(order({ id: `o${i}`, total: "0.01", subtotal: "0.01" })))
    totals.add(orderRow(order({ id: "k", currency_code: "krw", total: "15000", subtotal: "15000", payments: [] })))
    const [krw, usd] = totals.rows()
    expect(usd).toMatchObject({ order_id: "TOTAL", display_id: 1000, currency: "USD", total: "10.00", subtotal: "10.00", paid: "50000.00", item_count: 2000 })
    expect(krw).toMatchObject({ order_id: "TOTAL", display_id: 1, currency: "KRW", total: "15000", paid: "0" })
    expect(usd.customer_email).toBeNull()
  })

  it("moves rows built in UTC to a time zone exactly as building them there would", () => {
    for (const granularity of ["order", "line_item"] as const) {
      for (const tz of ["Asia/Seoul", "America/Los_Angeles", "UTC"]) {
        const zoned = zonedRows(rowsOf(mixed, granularity), mixed, granularity, { tz })
        expect(zoned).toEqual(rowsOf(mixed, granularity, { tz }))
        expect(zoned.map((r) => Object.keys(r))).toEqual(rowsOf(mixed, granularity, { tz }).map((r) => Object.keys(r)))
      }
    }
    // The release date 2026-12-16T15:00Z is the 17th in Seoul.
    expect(zonedRows(rowsOf(mixed, "order"), mixed, "order", { tz: "Asia/Seoul" })[0].preorder_release_dates).toBe("2026-12-17")
  })
})
