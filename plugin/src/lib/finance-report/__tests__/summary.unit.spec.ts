import { ReportSummary, pendingPreorderMoney } from "../summary"
import { line, order } from "./fixtures"

const preorderLine = (status: "pending" | "ready" | "cancelled", total = "49.98") =>
  line({
    id: `pl_${status}`,
    quantity: "2",
    total,
    adjustments: [{ amount: "2.5", kind: "group_order", code: "G-T1" }],
    preorder: { status, release_date: "2026-12-16T15:00:00.000Z", benefit_units: 0, benefit: null },
  })

describe("summary", () => {
  it("adds orders per local day and channel, with discounts by kind, refunds and net", () => {
    const summary = new ReportSummary("Asia/Seoul")
    summary.add(order({ id: "a", created_at: "2026-11-25T14:00:00.000Z" })) // 23:00 in Seoul
    summary.add(order({ id: "b", created_at: "2026-11-25T16:00:00.000Z", sales_channel: "Mobile App" })) // next day in Seoul
    summary.add(
      order({
        id: "c",
        created_at: "2026-11-25T14:30:00.000Z",
        discount_total: "4.5",
        total: "45.5",
        lines: [line({ discount_total: "4.5", adjustments: [{ amount: "4.5", kind: "app_exclusive", code: "APP" }] })],
        payments: [{ provider_id: "p", reference: null, captured_at: null, captured: "45.5", refunded: "10" }],
      })
    )
    const { days, totals } = summary.result()
    expect(days.map((d) => [d.date, d.sales_channel, d.orders])).toEqual([
      ["2026-11-25", "Web", 2],
      ["2026-11-26", "Mobile App", 1],
    ])
    expect(days[0]).toMatchObject({
      gross: "100.00",
      discounts: { promotion_code: "0.00", group_order: "0.00", app_exclusive: "4.50", total: "4.50" },
      paid: "95.50",
      refunds: "10.00",
      net: "85.50",
    })
    expect(totals).toEqual([expect.objectContaining({ currency: "USD", orders: 3, paid: "145.50", net: "135.50" })])
  })

  it("counts as liability only pending pre-order lines of paid orders, by release date", () => {
    const summary = new ReportSummary("UTC")
    summary.add(order({ lines: [preorderLine("pending"), preorderLine("ready"), preorderLine("cancelled"), line()] }))
    summary.add(order({ id: "unpaid", lines: [preorderLine("pending")], payments: [] }))
    const { preorder_liability } = summary.result()
    expect(preorder_liability.by_release_date).toEqual([{ release_date: "2026-12-16", currency: "USD", lines: 1, units: 2, amount: "49.98" }])
    expect(preorder_liability.totals).toEqual([{ currency: "USD", lines: 1, units: 2, amount: "49.98" }])
  })

  it("takes a group settlement refund off the liability in proportion to each line's group discount", () => {
    const o = order({
      lines: [preorderLine("pending", "47.48"), { ...preorderLine("ready", "47.48"), id: "other" }],
      group: { code: "G", final_tier: 2, refund_amount: "5" },
    })
    expect(pendingPreorderMoney(o).map((l) => l.amount.toFixed())).toEqual(["44.98"])
  })
})
