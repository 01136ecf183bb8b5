import { refundPlan } from "../settlement-plan"
import type { GroupOrderFacts } from "../../../queries/group-order-lines"

const facts = (payments: { id: string; captured: string; refunded: string }[], discountPaid = "6.2475"): GroupOrderFacts => ({
  order_id: "order_1",
  cart_id: "cart_1",
  currency_code: "usd",
  // 5 × 24.99 paid at 5 %.
  lines: [{ id: "line_1", subtotal: "124.95", base: "124.95", discount_paid: discountPaid, tax_rate: "0" }],
  eligible_subtotal: "124.95",
  discount_paid: discountPaid,
  tier_paid: 1,
  payments: payments.map((p) => ({ ...p, refunds: [] })),
})

describe("refundPlan (what Settle now and its preview refund)", () => {
  it("refunds the final tier's extra discount, rounded once, to the payment with the most left", () => {
    const plan = refundPlan(facts([{ id: "pay_small", captured: "10", refunded: "0" }, { id: "pay_big", captured: "130", refunded: "0" }]), "10")
    expect(plan).toEqual({ discount_due: "12.50", refund: "6.25", payment_id: "pay_big" })
  })

  it("owes nothing when the member already paid at the final tier", () => {
    expect(refundPlan(facts([{ id: "pay", captured: "130", refunded: "0" }], "12.495"), "10")).toEqual({ discount_due: "12.50", refund: "0.00", payment_id: null })
  })

  it("never refunds more than is left, and names no payment when none can take the refund whole", () => {
    const capped = refundPlan(facts([{ id: "pay", captured: "130", refunded: "127" }]), "10")
    expect(capped).toEqual({ discount_due: "12.50", refund: "3.00", payment_id: "pay" })
    const split = refundPlan(facts([{ id: "a", captured: "4", refunded: "0" }, { id: "b", captured: "4", refunded: "0" }]), "10")
    expect(split).toEqual({ discount_due: "12.50", refund: "6.25", payment_id: null })
  })
})
