import { groupRefusal, joinsGroup, memberHolder, perMemberRefusal } from "../membership"

describe("membership rules", () => {
  it("counts a member by their email, whatever its case and spaces", () => {
    expect(memberHolder(" Fan@Example.COM ")).toBe("email:fan@example.com")
  })
  it("grows the group only for a member whose units are all from this checkout", () => {
    expect(joinsGroup(2, 2)).toBe(true)
    expect(joinsGroup(3, 1)).toBe(false)
  })
  it("names the per-member limit against the cart, or against what the member holds", () => {
    expect(perMemberRefusal("K7M2QX9A", 3, { cart: 4 })).toBe("Each member of group K7M2QX9A may buy up to 3 units; this cart has 4.")
    expect(perMemberRefusal("K7M2QX9A", 3, { held: 2 })).toBe(
      "Each member of group K7M2QX9A may buy up to 3 units; you have 2 already and can add 1 more."
    )
    expect(perMemberRefusal("K7M2QX9A", 3, { held: 5 })).toMatch(/can add 0 more\.$/)
  })
  it("says full for an open group, and the status for one that takes no orders", () => {
    expect(groupRefusal("K7M2QX9A", "open", 4)).toBe("Group K7M2QX9A is full: it already has 4 members.")
    expect(groupRefusal("K7M2QX9A", "settling", 4)).toBe("Group K7M2QX9A is settling and takes no new orders.")
    expect(groupRefusal("K7M2QX9A", null, 4)).toBe("Group K7M2QX9A is gone and takes no new orders.")
  })
})
