import { CODE_ALPHABET, newGroupCode, normalizeCode } from "../code"
import { discountBase, priceProtectionRefund } from "../settlement"
import { progressOf, tierFor, tierProblems } from "../tiers"

const tiers = [
  { min_units: 5, percent: 5 },
  { min_units: 10, percent: 10 },
  { min_units: 20, percent: 15 },
]

describe("tier selection", () => {
  it("is no tier below the first threshold", () => {
    expect(tierFor(4, tiers)).toEqual({ tier: 0, percent: 0 })
  })
  it("reaches a tier exactly at its threshold", () => {
    expect(tierFor(5, tiers)).toEqual({ tier: 1, percent: 5 })
    expect(tierFor(10, tiers)).toEqual({ tier: 2, percent: 10 })
    expect(tierFor(19, tiers)).toEqual({ tier: 2, percent: 10 })
  })
  it("stays at the top tier beyond it", () => {
    expect(tierFor(500, tiers)).toEqual({ tier: 3, percent: 15 })
  })
  it("tells a progress bar the next tier and the units still needed", () => {
    expect(progressOf(7, tiers)).toEqual({
      current_tier: 1,
      current_percent: 5,
      next_tier: { tier: 2, min_units: 10, percent: 10 },
      units_to_next: 3,
    })
    expect(progressOf(25, tiers).next_tier).toBeNull()
    expect(progressOf(25, tiers).units_to_next).toBeNull()
  })
  it("rejects tiers that do not strictly increase, naming the field", () => {
    expect(tierProblems(tiers)).toEqual([])
    expect(tierProblems([])).toEqual(["tiers: at least one tier is required"])
    expect(tierProblems([{ min_units: 5, percent: 10 }, { min_units: 5, percent: 8 }])).toEqual([
      "tiers.1.min_units: must be more than the previous tier's 5",
      "tiers.1.percent: must be more than the previous tier's 10",
    ])
    expect(tierProblems([{ min_units: 0, percent: 120 }])).toEqual([
      "tiers.0.min_units: must be a whole number of units, at least 1",
      "tiers.0.percent: must be more than 0 and at most 100",
    ])
  })
})

describe("price-protection refund", () => {
  it("refunds the difference between the final tier and the tier paid, to the cent", () => {
    // 2 × 24.99 paid at 5 % (2.499 off); the group ends at 15 % (7.497 off): 4.998 → 5.00
    const result = priceProtectionRefund({ lines: [{ base: "49.98", discount_paid: "2.499" }], final_percent: 15, refundable: "52.48" })
    expect(result).toEqual({ discount_due: "7.50", refund: "5.00" })
  })
  it("sums lines exactly before rounding once", () => {
    // three lines each owed 0.3333…: rounding per line would give 0.99, once gives 1.00
    const line = { base: "3.333333", discount_paid: "0" }
    expect(priceProtectionRefund({ lines: [line, line, line], final_percent: 10, refundable: 100 }).refund).toBe("1.00")
  })
  it("includes the tax charged on the difference", () => {
    const result = priceProtectionRefund({ lines: [{ base: "100", discount_paid: "5", tax_rate: "8.875" }], final_percent: 15, refundable: 500 })
    expect(result.refund).toBe("10.89") // 10 + 0.8875
  })
  it("never asks a member to pay more: a line that got more than the final tier owes nothing", () => {
    const result = priceProtectionRefund({
      lines: [
        { base: "100", discount_paid: "15" },
        { base: "100", discount_paid: "5" },
      ],
      final_percent: 10,
      refundable: 500,
    })
    expect(result.refund).toBe("5.00")
  })
  it("is zero when the member already paid at the final tier", () => {
    expect(priceProtectionRefund({ lines: [{ base: "49.98", discount_paid: "4.998" }], final_percent: 10, refundable: 50 }).refund).toBe("0.00")
  })
  it("applies the final tier to what the group's percentage applied to when another promotion came first", () => {
    // 6 × 24.99 = 149.94; an app code took 10 % first (14.994), the group's 5 % took 6.7473 of the remaining 134.946.
    const base = discountBase({ subtotal: "149.94", group_discount: "6.7473", group_percent: 5, other_discounts: "14.994" })
    expect(base).toBe("134.946")
    // At 15 % the group discount is 20.2419: 13.4946 more, not 15% of the whole subtotal.
    expect(priceProtectionRefund({ lines: [{ base, discount_paid: "6.7473" }], final_percent: 15, refundable: 200 }).refund).toBe("13.49")
  })
  it("takes the subtotal less other discounts as the base of a line that got no group discount", () => {
    expect(discountBase({ subtotal: "49.98", group_discount: 0, group_percent: 0, other_discounts: "4.998" })).toBe("44.982")
    expect(discountBase({ subtotal: "49.98", group_discount: 0, group_percent: 0, other_discounts: 0 })).toBe("49.98")
  })
  it("never refunds more than is still refundable", () => {
    expect(priceProtectionRefund({ lines: [{ base: "100", discount_paid: "0" }], final_percent: 15, refundable: "3.20" }).refund).toBe("3.20")
    expect(priceProtectionRefund({ lines: [{ base: "100", discount_paid: "0" }], final_percent: 15, refundable: -1 }).refund).toBe("0.00")
  })
})

describe("group codes", () => {
  it("are 8 characters with no ambiguous ones", () => {
    const codes = Array.from({ length: 500 }, newGroupCode)
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
      expect(code).not.toMatch(/[01OIL]/)
    }
    expect(new Set(codes).size).toBe(500)
    expect(CODE_ALPHABET).toHaveLength(31)
  })
  it("accept what fans type: lower case, spaces and dashes", () => {
    expect(normalizeCode(" k7m2-qx9a ")).toBe("K7M2QX9A")
  })
})
