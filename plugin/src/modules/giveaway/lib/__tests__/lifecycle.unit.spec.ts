import { checkGiveawayChange, describeProblems, giveawayState, goLiveProblems } from "../lifecycle"

const now = new Date("2026-06-01T12:00:00Z")
const base = {
  status: "draft" as const,
  starts_at: new Date("2026-06-01T00:00:00Z"),
  ends_at: new Date("2026-07-01T00:00:00Z"),
  rules_text: "No purchase necessary.",
  product_ids: ["prod_1"],
  eligible_countries: ["us"],
  free_entry_enabled: true,
  free_entries_per_day: 1,
}
const fields = (problems: { field: string }[]) => problems.map((p) => p.field)

describe("giveawayState", () => {
  it("shows a live giveaway as upcoming, open, then ended (awaiting the draw) around its window", () => {
    const live = { ...base, status: "live" as const }
    expect(giveawayState(live, new Date("2026-05-31T23:59:59Z"))).toBe("upcoming")
    expect(giveawayState(live, now)).toBe("open")
    expect(giveawayState(live, new Date("2026-07-01T00:00:00Z"))).toBe("ended")
    expect(giveawayState({ ...base, status: "drawn" }, now)).toBe("drawn")
    expect(giveawayState(base, now)).toBe("draft")
  })
})

describe("goLiveProblems", () => {
  it("needs official rules, an end in the future, and a free entry method when purchases earn entries in the US", () => {
    expect(goLiveProblems(base, now)).toEqual([])
    const problems = goLiveProblems({ ...base, rules_text: null, ends_at: new Date("2026-05-01T00:00:00Z"), free_entry_enabled: false }, now)
    expect(fields(problems)).toEqual(["rules_text", "ends_at", "free_entry_enabled"])
  })

  it("accepts no free entry method outside the US, or when purchases earn nothing", () => {
    expect(goLiveProblems({ ...base, free_entry_enabled: false, eligible_countries: ["kr"] }, now)).toEqual([])
    expect(goLiveProblems({ ...base, free_entry_enabled: false, product_ids: [] }, now)).toEqual([])
    // no country list means anywhere, the US included
    expect(fields(goLiveProblems({ ...base, free_entry_enabled: false, eligible_countries: null }, now))).toEqual(["free_entry_enabled"])
  })
})

describe("checkGiveawayChange", () => {
  it("lets a draft change anything and go live when ready", () => {
    expect(checkGiveawayChange(base, { entries_per_unit: 3, status: "live" }, now)).toEqual([])
  })

  it("fixes what earns entries once live, but lets staff fix wording and move the end", () => {
    const live = { ...base, status: "live" as const, entries_per_unit: 1, max_entries_per_customer: 10 }
    expect(fields(checkGiveawayChange(live, { entries_per_unit: 2, max_entries_per_customer: 20 }, now))).toEqual([
      "entries_per_unit",
      "max_entries_per_customer",
    ])
    expect(checkGiveawayChange(live, { title: "New title", ends_at: new Date("2026-06-15T00:00:00Z") }, now)).toEqual([])
    // sending an unchanged value is not a change
    expect(checkGiveawayChange(live, { entries_per_unit: 1 }, now)).toEqual([])
  })

  it("lets a live giveaway close early but never end later, and fixes ends_at once entries are closed", () => {
    const live = { ...base, status: "live" as const }
    expect(describeProblems(checkGiveawayChange(live, { ends_at: new Date("2026-07-02T00:00:00Z") }, now))).toBe(
      "ends_at: can only move earlier once the giveaway is live"
    )
    expect(checkGiveawayChange({ ...base, ends_at: new Date("2026-07-02T00:00:00Z") }, { ends_at: new Date("2026-07-03T00:00:00Z") }, now)).toEqual([])
    const closed = { ...live, entries_closed_at: new Date("2026-07-01T00:01:00Z") }
    expect(describeProblems(checkGiveawayChange(closed, { ends_at: new Date("2026-06-20T00:00:00Z") }, now))).toBe(
      "ends_at: entries are closed; the entry list is committed"
    )
  })

  it("allows only forward moves: never back to draft, never to drawn by an update", () => {
    const live = { ...base, status: "live" as const }
    expect(describeProblems(checkGiveawayChange(live, { status: "draft" }, now))).toBe("status: a live giveaway cannot become draft")
    expect(fields(checkGiveawayChange(base, { status: "drawn" }, now))).toEqual(["status"])
    expect(checkGiveawayChange(live, { status: "closed" }, now)).toEqual([])
    expect(fields(checkGiveawayChange({ ...base, status: "closed" }, { status: "live" }, now))).toEqual(["status", "status"])
  })

  it("keeps the window the right way round", () => {
    expect(describeProblems(checkGiveawayChange(base, { ends_at: new Date("2026-05-01T00:00:00Z") }, now))).toBe(
      "ends_at: must be after starts_at"
    )
  })
})
