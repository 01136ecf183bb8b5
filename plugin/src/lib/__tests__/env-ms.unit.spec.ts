import { envMilliseconds } from "../env-ms"

describe("envMilliseconds", () => {
  it("reads a duration, 0 included, and falls back when unset, empty, negative or not a number", () => {
    expect(envMilliseconds("X", 750, { X: "200" })).toBe(200)
    expect(envMilliseconds("X", 750, { X: "0" })).toBe(0)
    expect(envMilliseconds("X", 750, {})).toBe(750)
    expect(envMilliseconds("X", 750, { X: "" })).toBe(750)
    expect(envMilliseconds("X", 750, { X: "-5" })).toBe(750)
    expect(envMilliseconds("X", 750, { X: "soon" })).toBe(750)
  })
})
