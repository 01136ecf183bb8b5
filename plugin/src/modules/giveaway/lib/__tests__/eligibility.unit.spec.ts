import { countryEligible, inEntryWindow, lineEligible, needsFreeEntryMethod } from "../eligibility"

describe("eligibility", () => {
  const rules = { product_ids: ["prod_hot_sauce"], variant_ids: ["variant_we_young"], eligible_countries: ["us"] }

  it("counts a line when its product or its variant is listed", () => {
    expect(lineEligible(rules, { product_id: "prod_hot_sauce", variant_id: "variant_chilling" })).toBe(true)
    expect(lineEligible(rules, { product_id: "prod_other", variant_id: "variant_we_young" })).toBe(true)
    expect(lineEligible(rules, { product_id: "prod_other", variant_id: "variant_other" })).toBe(false)
    expect(lineEligible({ product_ids: null, variant_ids: null }, { product_id: "prod_hot_sauce" })).toBe(false)
  })

  it("limits entrants to the listed countries, case-insensitively; an unknown country is not eligible", () => {
    expect(countryEligible(rules, "US")).toBe(true)
    expect(countryEligible(rules, "kr")).toBe(false)
    expect(countryEligible(rules, null)).toBe(false)
    expect(countryEligible({ eligible_countries: [] }, null)).toBe(true)
  })

  it("treats the window as [starts_at, ends_at)", () => {
    const window = { starts_at: "2026-06-01T00:00:00Z", ends_at: "2026-07-01T00:00:00Z" }
    expect(inEntryWindow(window, new Date("2026-06-01T00:00:00Z"))).toBe(true)
    expect(inEntryWindow(window, new Date("2026-06-30T23:59:59.999Z"))).toBe(true)
    expect(inEntryWindow(window, new Date("2026-07-01T00:00:00Z"))).toBe(false)
  })

  it("requires a free entry method when purchases earn entries and US residents may enter", () => {
    expect(needsFreeEntryMethod(rules)).toBe(true)
    expect(needsFreeEntryMethod({ ...rules, eligible_countries: ["kr", "jp"] })).toBe(false)
    expect(needsFreeEntryMethod({ product_ids: [], variant_ids: [], eligible_countries: ["us"] })).toBe(false)
  })
})
