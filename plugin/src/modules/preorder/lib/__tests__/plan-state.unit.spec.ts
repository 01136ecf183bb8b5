import {
  allocateFirstComeFirstServed,
  benefitGrant,
  benefitRemaining,
  capRefusedReason,
  checkCartQuantity,
  perCustomerRefusal,
  planState,
  remainingUnits,
  windowClosesAt,
} from "../plan-state"

const plan = (overrides = {}) => ({
  status: "active" as const,
  window_opens_at: "2026-12-01T00:00:00.000Z",
  release_date: "2026-12-20T00:00:00.000Z",
  window_closes_at: null,
  cap: 10,
  reserved_units: 0,
  per_customer_limit: 2,
  ...overrides,
})
const at = (iso: string) => new Date(iso)

describe("planState", () => {
  it("is upcoming before the window, open inside it, closed after it, released once released", () => {
    expect(planState(plan(), at("2026-11-30T23:59:59.999Z"))).toBe("upcoming")
    expect(planState(plan(), at("2026-12-01T00:00:00.000Z"))).toBe("open")
    expect(planState(plan(), at("2026-12-19T23:59:59.999Z"))).toBe("open")
    expect(planState(plan(), at("2026-12-20T00:00:00.000Z"))).toBe("closed")
    expect(planState(plan({ status: "released" }), at("2026-11-01T00:00:00.000Z"))).toBe("released")
  })

  it("closes at an earlier explicit close, never after the release date", () => {
    expect(planState(plan({ window_closes_at: "2026-12-10T00:00:00.000Z" }), at("2026-12-10T00:00:00.000Z"))).toBe("closed")
    expect(windowClosesAt(plan({ window_closes_at: "2027-01-10T00:00:00.000Z" })).toISOString()).toBe("2026-12-20T00:00:00.000Z")
  })

  it("hides drafts and cancelled plans", () => {
    expect(planState(plan({ status: "draft" }), at("2026-12-05T00:00:00.000Z"))).toBeNull()
    expect(planState(plan({ status: "cancelled" }), at("2026-12-05T00:00:00.000Z"))).toBeNull()
  })
})

describe("cap and benefit arithmetic", () => {
  it("counts remaining units, never below zero, null when uncapped", () => {
    expect(remainingUnits(plan({ reserved_units: 3 }))).toBe(7)
    expect(remainingUnits(plan({ reserved_units: 12 }))).toBe(0)
    expect(remainingUnits(plan({ cap: null }))).toBeNull()
  })

  it("grants benefits while the pool lasts", () => {
    expect(benefitRemaining(plan({ benefit_pool: 500, benefits_given: 499 }))).toBe(1)
    expect(benefitGrant(3, 1)).toBe(1)
    expect(benefitGrant(3, 0)).toBe(0)
    expect(benefitGrant(3, null)).toBe(0)
    expect(benefitRemaining(plan())).toBeNull()
  })
})

describe("checkCartQuantity", () => {
  const open = at("2026-12-05T00:00:00.000Z")
  it("says when the window opens or that it closed", () => {
    const early = checkCartQuantity(plan(), 1, 0, at("2026-11-20T00:00:00.000Z"))
    expect(early).toEqual({ ok: false, reason: expect.stringContaining("opens for pre-order at 2026-12-01T00:00:00.000Z") })
    const late = checkCartQuantity(plan({ window_closes_at: "2026-12-10T00:00:00.000Z" }), 1, 0, at("2026-12-11T00:00:00.000Z"))
    expect(late).toEqual({ ok: false, reason: expect.stringContaining("closed at 2026-12-10") })
  })

  it("enforces the cap and the per-customer limit", () => {
    expect(checkCartQuantity(plan({ reserved_units: 9 }), 1, 0, open)).toEqual({ ok: true })
    expect(checkCartQuantity(plan({ reserved_units: 9 }), 2, 0, open)).toEqual({ ok: false, reason: expect.stringContaining("Only 1") })
    expect(checkCartQuantity(plan({ reserved_units: 10 }), 1, 0, open)).toEqual({ ok: false, reason: expect.stringContaining("sold out") })
    expect(checkCartQuantity(plan(), 1, 1, open)).toEqual({ ok: true })
    expect(checkCartQuantity(plan(), 2, 1, open)).toEqual({ ok: false, reason: expect.stringContaining("1 more") })
  })

  it("leaves released and draft plans to normal inventory", () => {
    expect(checkCartQuantity(plan({ status: "released" }), 50, 50, open)).toEqual({ ok: true })
    expect(checkCartQuantity(plan({ status: "draft" }), 50, 50, open)).toEqual({ ok: true })
  })
})

describe("allocateFirstComeFirstServed", () => {
  it("fills earliest orders first and reports the shortfall", () => {
    const items = [
      { id: "c", quantity: 2, ordered_at: "2026-12-03T00:00:00Z" },
      { id: "a", quantity: 3, ordered_at: "2026-12-01T00:00:00Z" },
      { id: "b", quantity: 2, ordered_at: "2026-12-02T00:00:00Z" },
    ]
    const result = allocateFirstComeFirstServed(items, 4)
    expect(result.allocations.map((a) => [a.item.id, a.allocated])).toEqual([["a", 3], ["b", 1], ["c", 0]])
    expect(result).toEqual(expect.objectContaining({ ordered: 7, shortfall: 3 }))
    expect(allocateFirstComeFirstServed(items, 10).shortfall).toBe(0)
  })
})

describe("refusals at reservation", () => {
  it("says how many units are left when the cap refused a bigger cart", () => {
    expect(capRefusedReason({ cap: 5, reserved_units: 4 }, 2, "Hot Sauce")).toBe("Only 1 of Hot Sauce left to pre-order; the cart has 2.")
  })
  it("says sold out when nothing is left, when the plan is uncapped (no longer active) or gone", () => {
    expect(capRefusedReason({ cap: 5, reserved_units: 5 }, 1, "Hot Sauce")).toBe("Hot Sauce is sold out for pre-order.")
    expect(capRefusedReason({ cap: null, reserved_units: 9 }, 1, "Hot Sauce")).toBe("Hot Sauce is sold out for pre-order.")
    expect(capRefusedReason(null, 1, "Hot Sauce")).toBe("Hot Sauce is sold out for pre-order.")
  })
  it("never counts a plan over its cap as having units left", () => {
    expect(capRefusedReason({ cap: 5, reserved_units: 7 }, 1, "Hot Sauce")).toBe("Hot Sauce is sold out for pre-order.")
  })
  it("names the per-customer limit, and what the holder may still add", () => {
    expect(perCustomerRefusal("Hot Sauce", 2)).toBe("Pre-orders of Hot Sauce are limited to 2 per customer.")
    expect(perCustomerRefusal("Hot Sauce", 3, 1)).toBe("Pre-orders of Hot Sauce are limited to 3 per customer; you have 1 already and can add 2 more.")
    expect(perCustomerRefusal("Hot Sauce", 2, 5)).toMatch(/can add 0 more\.$/)
  })
})
