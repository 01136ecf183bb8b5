import { publicName, publicRegion } from "../public-name"

describe("public names", () => {
  it("shows at most the first name and the last initial", () => {
    expect(publicName("Jisung", "Park")).toBe("Jisung P.")
    expect(publicName("Na Jaemin", "lee")).toBe("Na L.")
    expect(publicName("Haechan", null)).toBe("Haechan")
    expect(publicName(null, "Zhong")).toBe("Z.")
    expect(publicName("", "")).toBeNull()
  })

  it("keeps the state/region short", () => {
    expect(publicRegion(" CA ")).toBe("CA")
    expect(publicRegion("")).toBeNull()
    expect(publicRegion("x".repeat(60))).toHaveLength(40)
  })
})
