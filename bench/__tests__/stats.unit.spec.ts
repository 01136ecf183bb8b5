// The drop-day benchmark's statistics: what docs/benchmarks.md reports rests on these.
const { quantile, summarize, splitOutcomes, ratio } = require("../lib/stats.js")

describe("drop-day benchmark statistics", () => {
  it("takes nearest-rank percentiles, so p99 of 200 answers is the 198th fastest", () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i) // 200 … 1, unsorted on purpose
    expect(quantile(values, 0.5)).toBe(100)
    expect(quantile(values, 0.99)).toBe(198)
    expect(quantile(values, 1)).toBe(200)
    expect(quantile([], 0.5)).toBeNull()
    expect(summarize([3.4, 1.2, 2.6])).toEqual({ count: 3, p50: 3, p99: 3, max: 3, min: 1 })
  })

  it("counts winners by the order they got and losers by status, 5xx apart", () => {
    const results = [
      { ms: 100, status: 200, order_id: "order_1" },
      { ms: 300, status: 200, order_id: "order_2" },
      { ms: 150, status: 400, order_id: null, message: "Sold out: Race" },
      { ms: 160, status: 400, order_id: null, message: "Sold out: Race" },
      { ms: 900, status: 500, order_id: null, message: "An unknown error occurred." },
      { ms: 120000, status: "timeout", order_id: null, message: "aborted" },
      // A 200 that is a cart with an error (payment) is not an order.
      { ms: 200, status: 200, order_id: null, message: "Payment authorization failed" },
    ]
    const out = splitOutcomes(results)
    expect(out.buyers).toBe(7)
    expect(out.orders).toBe(2)
    expect(out.winners).toEqual({ count: 2, p50: 100, p99: 300, max: 300, min: 100 })
    expect(out.losers.count).toBe(5)
    expect(out.losers.max).toBe(120000)
    expect(out.errors_by_status).toEqual({ 200: 1, 400: 2, 500: 1, timeout: 1 })
    expect(out.errors_5xx).toBe(1)
    expect(out.messages["400: Sold out: Race"]).toBe(2)
  })

  it("gives Comeback ÷ plain to two decimals, nothing when a side is missing", () => {
    expect(ratio(163, 131)).toBe(1.24)
    expect(ratio(null, 131)).toBeNull()
    expect(ratio(10, 0)).toBeNull()
  })
})
