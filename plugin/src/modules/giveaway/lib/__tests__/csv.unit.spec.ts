import { csvCell, toCsv } from "../csv"

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as a formula (= + - @ tab CR) with a leading quote", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell("+1")).toBe("'+1")
    expect(csvCell("-2")).toBe("'-2")
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(csvCell("\tcmd")).toBe("'\tcmd")
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`)
    expect(csvCell("fan@example.com")).toBe("fan@example.com")
  })

  it("quotes commas, quotes and line breaks, and writes dates as ISO", () => {
    expect(csvCell('Seoul, "KR"')).toBe('"Seoul, ""KR"""')
    expect(csvCell(new Date("2026-06-01T00:00:00Z"))).toBe("2026-06-01T00:00:00.000Z")
    expect(csvCell(null)).toBe("")
    expect(csvCell(3)).toBe("3")
  })

  it("writes a header and CRLF-terminated rows", () => {
    expect(toCsv(["a", "b"], [[1, "x"], [2, null]])).toBe("a,b\r\n1,x\r\n2,\r\n")
  })
})
