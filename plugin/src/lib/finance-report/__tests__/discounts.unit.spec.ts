import { discountKindOf, orderDiscountSplit, splitLineDiscount } from "../discounts"

const fixed = (split: Record<string, { toFixed: () => string }>) =>
  Object.fromEntries(Object.entries(split).map(([k, v]) => [k, v.toFixed()]))

describe("discounts: kind by the promotion's rules", () => {
  it("classifies by rule attribute", () => {
    expect(discountKindOf(["group_order.tier"])).toBe("group_order")
    expect(discountKindOf(["customer.groups.id", "app_session.verified"])).toBe("app_exclusive")
    expect(discountKindOf(["items.product.id"])).toBe("promotion_code")
    expect(discountKindOf([])).toBe("promotion_code")
  })

  it("gives a line's whole discount to its only kind", () => {
    const split = splitLineDiscount("6.2475", [{ amount: "6.2475", kind: "group_order" }], "usd")
    expect(fixed(split)).toEqual({ promotion_code: "0", group_order: "6.2475", app_exclusive: "0" })
  })

  it("splits a line with two kinds in proportion to their amounts, adding up exactly", () => {
    // 10.00 discount incl. tax from adjustments 3 (code) and 6 (app): 1/3 and 2/3.
    const split = splitLineDiscount("10", [
      { amount: "3", kind: "promotion_code" },
      { amount: "6", kind: "app_exclusive" },
    ], "usd")
    expect(fixed(split)).toEqual({ promotion_code: "3.3333", group_order: "0", app_exclusive: "6.6667" })
  })

  it("puts any difference from Medusa's order discount total on promotion codes", () => {
    const line = splitLineDiscount("5", [{ amount: "5", kind: "group_order" }], "usd")
    expect(fixed(orderDiscountSplit("5", [line]))).toEqual({ promotion_code: "0", group_order: "5", app_exclusive: "0" })
    expect(fixed(orderDiscountSplit("5.5", [line]))).toEqual({ promotion_code: "0.5", group_order: "5", app_exclusive: "0" })
  })
})
