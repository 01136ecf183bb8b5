import { isTimeZone, localDay, localIso } from "../time"

describe("time: local timestamps", () => {
  it("formats an instant in a zone with its offset", () => {
    expect(localIso("2026-11-25T11:39:06.362Z", "Asia/Seoul")).toBe("2026-11-25T20:39:06.362+09:00")
    expect(localIso("2026-07-01T03:00:00.000Z", "America/Los_Angeles")).toBe("2026-06-30T20:00:00.000-07:00")
    expect(localIso("2026-01-01T03:00:00.000Z", "America/Los_Angeles")).toBe("2025-12-31T19:00:00.000-08:00")
    expect(localIso("2026-01-01T00:00:00.000Z", "Asia/Kolkata")).toBe("2026-01-01T05:30:00.000+05:30")
    expect(localIso("2026-01-01T00:00:00.000Z", "UTC")).toBe("2026-01-01T00:00:00.000+00:00")
  })

  it("gives the local calendar day", () => {
    expect(localDay("2026-11-25T16:00:00.000Z", "Asia/Seoul")).toBe("2026-11-26")
    expect(localDay("2026-11-25T16:00:00.000Z", "UTC")).toBe("2026-11-25")
  })

  it("knows zone names", () => {
    expect(isTimeZone("Asia/Seoul")).toBe(true)
    expect(isTimeZone("Mars/Olympus")).toBe(false)
  })
})
