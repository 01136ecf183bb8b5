import { holdersOf, normalizeEmail } from "../holders"

describe("holdersOf", () => {
  it("counts a guest against their email, trimmed and lower-cased", () => {
    expect(holdersOf({ email: " Fan@Example.COM ", customer_id: null })).toEqual(["email:fan@example.com"])
  })
  it("counts a logged-in fan against their email and their account", () => {
    expect(holdersOf({ email: "fan@example.com", customer_id: "cus_1" })).toEqual(["email:fan@example.com", "customer:cus_1"])
  })
  it("has no holder without an email or an account", () => {
    expect(holdersOf({})).toEqual([])
  })
  it("normalises an email the way the holders do", () => {
    expect(normalizeEmail(" A@B.C ")).toBe("a@b.c")
  })
})
