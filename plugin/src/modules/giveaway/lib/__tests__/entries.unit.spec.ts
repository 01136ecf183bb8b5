import { anonymiseEntrants, entriesEarned, entriesToVoid, freeEntryAllowed, utcDay } from "../entries"

const at = (iso: string) => new Date(iso)

describe("entriesEarned", () => {
  it("grants units x entries per unit while under the cap", () => {
    expect(entriesEarned({ units: 3, entriesPerUnit: 2, alreadyHeld: 0, maxPerCustomer: 10 })).toBe(6)
    expect(entriesEarned({ units: 3, entriesPerUnit: 2, alreadyHeld: 4, maxPerCustomer: 10 })).toBe(6)
  })

  it("cuts the grant to what is left under the cap, counting entries from other orders and free entries", () => {
    expect(entriesEarned({ units: 3, entriesPerUnit: 2, alreadyHeld: 7, maxPerCustomer: 10 })).toBe(3)
  })

  it("grants 0, never a negative number, once the cap is reached or lowered below what is held", () => {
    expect(entriesEarned({ units: 5, entriesPerUnit: 1, alreadyHeld: 10, maxPerCustomer: 10 })).toBe(0)
    expect(entriesEarned({ units: 5, entriesPerUnit: 1, alreadyHeld: 12, maxPerCustomer: 10 })).toBe(0)
  })

  it("is uncapped when max per customer is null", () => {
    expect(entriesEarned({ units: 40, entriesPerUnit: 3, alreadyHeld: 1000, maxPerCustomer: null })).toBe(120)
  })

  it("rejects negative or fractional inputs", () => {
    expect(() => entriesEarned({ units: -1, entriesPerUnit: 1, alreadyHeld: 0, maxPerCustomer: 5 })).toThrow("Units must be a non-negative integer")
    expect(() => entriesEarned({ units: 1, entriesPerUnit: 0.5, alreadyHeld: 0, maxPerCustomer: 5 })).toThrow("Entries per unit")
    expect(() => entriesEarned({ units: 1, entriesPerUnit: 1, alreadyHeld: 0, maxPerCustomer: -5 })).toThrow("Max entries per customer")
  })
})

describe("entriesToVoid", () => {
  it("voids exactly the returned units' entries on an uncapped line", () => {
    expect(entriesToVoid({ lineEntries: 6, lineUnits: 3, returnedUnits: 1 })).toBe(2)
    expect(entriesToVoid({ lineEntries: 6, lineUnits: 3, returnedUnits: 2 })).toBe(4)
  })

  it("voids every entry when every unit is cancelled or returned, capped line or not", () => {
    expect(entriesToVoid({ lineEntries: 6, lineUnits: 3, returnedUnits: 3 })).toBe(6)
    expect(entriesToVoid({ lineEntries: 5, lineUnits: 3, returnedUnits: 3 })).toBe(5)
    expect(entriesToVoid({ lineEntries: 1, lineUnits: 7, returnedUnits: 7 })).toBe(1)
    expect(entriesToVoid({ lineEntries: 0, lineUnits: 2, returnedUnits: 2 })).toBe(0)
  })

  it("rounds a capped line's partial void down: 5 entries for 3 units, 1 returned voids 1 and keeps 4", () => {
    expect(entriesToVoid({ lineEntries: 5, lineUnits: 3, returnedUnits: 1 })).toBe(1)
    expect(entriesToVoid({ lineEntries: 5, lineUnits: 3, returnedUnits: 2 })).toBe(3)
    expect(entriesToVoid({ lineEntries: 1, lineUnits: 2, returnedUnits: 1 })).toBe(0)
  })

  it("never leaves more entries than the kept units would earn, and never voids more than the line holds", () => {
    for (let perUnit = 1; perUnit <= 4; perUnit++) {
      for (let units = 1; units <= 8; units++) {
        for (let entries = 0; entries <= units * perUnit; entries++) {
          for (let returned = 0; returned <= units; returned++) {
            const voided = entriesToVoid({ lineEntries: entries, lineUnits: units, returnedUnits: returned })
            expect(voided).toBeGreaterThanOrEqual(0)
            expect(voided).toBeLessThanOrEqual(entries)
            expect(entries - voided).toBeLessThanOrEqual((units - returned) * perUnit)
          }
        }
      }
    }
  })

  it("voids the same total whether units come back one by one or all at once", () => {
    for (const [entries, units] of [[5, 3], [7, 4], [10, 10], [3, 8]]) {
      let total = 0
      for (let k = 0; k < units; k++) {
        total += entriesToVoid({ lineEntries: entries, lineUnits: units, returnedUnits: 1, previouslyReturnedUnits: k })
      }
      expect(total).toBe(entries)
      const twoThenRest =
        entriesToVoid({ lineEntries: entries, lineUnits: units, returnedUnits: 2 }) +
        entriesToVoid({ lineEntries: entries, lineUnits: units, returnedUnits: units - 2, previouslyReturnedUnits: 2 })
      expect(twoThenRest).toBe(entries)
    }
  })

  it("voids nothing more for units beyond the line, such as a repeated return", () => {
    expect(entriesToVoid({ lineEntries: 6, lineUnits: 3, returnedUnits: 5 })).toBe(6)
    expect(entriesToVoid({ lineEntries: 6, lineUnits: 3, returnedUnits: 1, previouslyReturnedUnits: 3 })).toBe(0)
  })

  it("stays exact for products beyond 2^53", () => {
    const big = Number.MAX_SAFE_INTEGER
    expect(entriesToVoid({ lineEntries: big, lineUnits: big, returnedUnits: big - 1 })).toBe(big - 1)
  })
})

describe("freeEntryAllowed", () => {
  const perDay = 1

  it("allows one free entry per UTC day and the next one right after UTC midnight", () => {
    const lastEntries = [at("2026-12-05T23:30:00.000Z")]
    expect(freeEntryAllowed({ lastEntries: [], now: at("2026-12-05T23:00:00.000Z"), perDay })).toEqual({ allowed: true })
    expect(freeEntryAllowed({ lastEntries, now: at("2026-12-05T23:59:59.999Z"), perDay })).toEqual({
      allowed: false,
      reason: "daily_limit",
      retry_at: at("2026-12-06T00:00:00.000Z"),
    })
    expect(freeEntryAllowed({ lastEntries, now: at("2026-12-06T00:00:00.000Z"), perDay })).toEqual({ allowed: true })
  })

  it("counts the UTC calendar day, not the last 24 hours", () => {
    const lastEntries = [at("2026-12-05T00:00:00.000Z")]
    expect(freeEntryAllowed({ lastEntries, now: at("2026-12-05T23:59:59.999Z"), perDay }).allowed).toBe(false)
    // A fan in Seoul (UTC+9) entering at 08:59 and 09:00 local time crosses the UTC day.
    expect(
      freeEntryAllowed({ lastEntries: [at("2026-12-05T23:59:00.000Z")], now: at("2026-12-06T00:00:00.000Z"), perDay }).allowed
    ).toBe(true)
    expect(utcDay(at("1970-01-02T00:00:00.000Z"))).toBe(1)
  })

  it("allows up to the daily limit when it is more than one", () => {
    const lastEntries = [at("2026-12-05T01:00:00.000Z"), at("2026-12-05T02:00:00.000Z"), at("2026-12-04T02:00:00.000Z")]
    expect(freeEntryAllowed({ lastEntries, now: at("2026-12-05T03:00:00.000Z"), perDay: 3 }).allowed).toBe(true)
    expect(freeEntryAllowed({ lastEntries, now: at("2026-12-05T03:00:00.000Z"), perDay: 2 }).allowed).toBe(false)
  })

  it("refuses a free entry that would pass the per-customer cap, for good", () => {
    const now = at("2026-12-05T12:00:00.000Z")
    expect(freeEntryAllowed({ lastEntries: [], now, perDay, held: 10, maxPerCustomer: 10 })).toEqual({
      allowed: false,
      reason: "entry_cap",
      retry_at: null,
    })
    expect(freeEntryAllowed({ lastEntries: [], now, perDay, held: 9, maxPerCustomer: 10 })).toEqual({ allowed: true })
  })
})

describe("anonymiseEntrants", () => {
  it("labels customers E0001, E0002, … in order of their first active entry and sums their rows", () => {
    const { entries, customers } = anonymiseEntrants([
      { customer_id: "cus_b", entries: 2, entered_at: "2026-12-02T00:00:00.000Z" },
      { customer_id: "cus_a", entries: 1, entered_at: "2026-12-03T00:00:00.000Z" },
      { customer_id: "cus_b", entries: 3, entered_at: "2026-12-04T00:00:00.000Z" },
      { customer_id: "cus_c", entries: 4, entered_at: "2026-12-01T00:00:00.000Z" },
    ])
    expect(entries).toEqual([
      { entrant: "E0001", entries: 4 },
      { entrant: "E0002", entries: 5 },
      { entrant: "E0003", entries: 1 },
    ])
    expect(customers).toEqual({ E0001: "cus_c", E0002: "cus_b", E0003: "cus_a" })
  })

  it("leaves out customers whose entries are all void, and ignores void rows when ordering", () => {
    const { entries, customers } = anonymiseEntrants([
      { customer_id: "cus_gone", entries: 0, entered_at: "2026-12-01T00:00:00.000Z" },
      { customer_id: "cus_b", entries: 0, entered_at: "2026-12-01T00:00:00.000Z" },
      { customer_id: "cus_a", entries: 1, entered_at: "2026-12-02T00:00:00.000Z" },
      { customer_id: "cus_b", entries: 1, entered_at: "2026-12-03T00:00:00.000Z" },
    ])
    expect(entries.map((e) => e.entrant)).toEqual(["E0001", "E0002"])
    expect(customers).toEqual({ E0001: "cus_a", E0002: "cus_b" })
  })

  it("pads every label to one width, so labels sort in entry order past 9,999 entrants", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      customer_id: `cus_${i}`,
      entries: 1,
      entered_at: new Date(Date.UTC(2026, 11, 1) + i * 1000),
    }))
    const labels = anonymiseEntrants(rows).entries.map((e) => e.entrant)
    expect(labels[0]).toBe("E00001")
    expect(labels[9_999]).toBe("E10000")
    expect([...labels].sort()).toEqual(labels)
  })
})
