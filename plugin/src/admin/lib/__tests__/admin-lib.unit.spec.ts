import { serverErrors } from "../errors"
import { formatInZone, fromZonedInput, toZonedInput } from "../zoned-time"

describe("serverErrors", () => {
  const fields = ["cap", "release_date", "window_opens_at"]

  it("puts each field of a validation 400 under that field", () => {
    const parsed = serverErrors(new Error("Invalid request: cap: Number must be greater than or equal to 1; release_date: Invalid date"), fields)
    expect(parsed).toEqual({ fields: { cap: "Number must be greater than or equal to 1", release_date: "Invalid date" }, message: undefined })
  })

  it("puts a workflow's 'field: message' error under the field", () => {
    const parsed = serverErrors({ message: "cap: 4 units are already pre-ordered; the cap cannot be lower" }, fields)
    expect(parsed.fields.cap).toBe("4 units are already pre-ordered; the cap cannot be lower")
  })

  it("keeps what names no known field as the form's message", () => {
    expect(serverErrors(new Error("Pre-order plan pplan_1 was not found"), fields)).toEqual({ fields: {}, message: "Pre-order plan pplan_1 was not found" })
  })
})

describe("zoned date inputs", () => {
  it("round-trips a wall clock in Seoul (no DST) and New York (across DST)", () => {
    expect(fromZonedInput("2027-03-02T00:00", "Asia/Seoul")).toBe("2027-03-01T15:00:00.000Z")
    expect(toZonedInput("2027-03-01T15:00:00.000Z", "Asia/Seoul")).toBe("2027-03-02T00:00")
    expect(fromZonedInput("2026-07-01T09:30", "America/New_York")).toBe("2026-07-01T13:30:00.000Z")
    expect(fromZonedInput("2026-12-01T09:30", "America/New_York")).toBe("2026-12-01T14:30:00.000Z")
    expect(toZonedInput(null, "UTC")).toBe("")
    expect(fromZonedInput("", "UTC")).toBe("")
  })

  it("formats an instant in a zone", () => {
    expect(formatInZone("2027-03-01T15:00:00.000Z", "Asia/Seoul")).toBe("Mar 2, 2027, 12:00 AM")
  })
})
