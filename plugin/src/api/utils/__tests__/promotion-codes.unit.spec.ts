import { planCodes } from "../promotion-codes"

const other = (code: string) => ({ code, kind: "other" as const })
const group = (code: string, g = code.trim().toUpperCase()) => ({ code, kind: "group" as const, group: g })
const tier = (code: string) => ({ code, kind: "tier" as const })
const inGroup = { group: "NCTDREAM", visibleTierCodes: ["NCTDREAM-T1"] }
const inGroupNoTierYet = { group: "NCTDREAM", visibleTierCodes: [] }
const noGroup = { group: null, visibleTierCodes: [] }

describe("planCodes: what a promo-code change means for the cart's group", () => {
  it("a group code joins and never reaches Medusa, on add and on replace", () => {
    expect(planCodes("add", [group(" nctdream ", "NCTDREAM")], noGroup)).toEqual({ join: "NCTDREAM", leave: false, rest: [] })
    expect(planCodes("replace", [other("STACK10"), group("NCTDREAM")], noGroup)).toEqual({ join: "NCTDREAM", leave: false, rest: ["STACK10"] })
  })

  it("the starter sending the tier code back with a new code keeps the group", () => {
    expect(planCodes("replace", [tier("NCTDREAM-T1"), other("STACK10")], inGroup)).toEqual({ join: null, leave: false, rest: ["STACK10"] })
  })

  it("the starter's list without the visible tier code leaves", () => {
    expect(planCodes("replace", [other("STACK10")], inGroup)).toEqual({ join: null, leave: true, rest: ["STACK10"] })
    expect(planCodes("replace", [], inGroup)).toEqual({ join: null, leave: true, rest: [] })
  })

  it("replacing codes while the group shows no tier code yet keeps it: the fan removed nothing of it", () => {
    expect(planCodes("replace", [other("STACK10")], inGroupNoTierYet)).toEqual({ join: null, leave: false, rest: ["STACK10"] })
    expect(planCodes("replace", [], inGroupNoTierYet).leave).toBe(false)
  })

  it("removing the group code or its tier code leaves; removing another code does not", () => {
    expect(planCodes("remove", [group("NCTDREAM")], inGroup).leave).toBe(true)
    expect(planCodes("remove", [tier("NCTDREAM-T1")], inGroup).leave).toBe(true)
    expect(planCodes("remove", [other("STACK10")], inGroup)).toEqual({ join: null, leave: false, rest: ["STACK10"] })
  })

  it("re-entering the cart's own group code changes nothing; another group's code moves the cart", () => {
    expect(planCodes("add", [group("NCTDREAM")], inGroup)).toEqual({ join: null, leave: false, rest: [] })
    expect(planCodes("replace", [group("ABCDEFGH")], inGroup)).toEqual({ join: "ABCDEFGH", leave: false, rest: [] })
  })

  it("refuses two group codes at once, naming the field", () => {
    expect(() => planCodes("add", [group("NCTDREAM"), group("ABCDEFGH")], noGroup)).toThrow(
      "promo_codes: a cart joins one group order at a time (got NCTDREAM, ABCDEFGH)."
    )
  })
})
