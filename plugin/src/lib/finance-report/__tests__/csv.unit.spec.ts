import { csvCell, csvRow, neutralise } from "../csv"

describe("csv: RFC 4180 and formula injection", () => {
  it("quotes commas, quotes and line breaks, doubling quotes; CRLF ends records", () => {
    expect(csvRow(["a", "b,c", 'say "hi"', "two\nlines", null, 3, true])).toBe('a,"b,c","say ""hi""","two\nlines",,3,true\r\n')
  })

  it("keeps UTF-8 text as is", () => {
    expect(csvCell("NCT 127 — 질주")).toBe("NCT 127 — 질주")
  })

  it.each(["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1"])(
    "never lets %j become a formula",
    (text) => {
      const cell = csvCell(text)
      expect(cell.replace(/^"/, "")).toMatch(/^'/)
    }
  )

  it("quotes a neutralised cell that also needs quoting", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })

  it("leaves plain numbers, negative ones included, as numbers", () => {
    expect(neutralise("-5.00")).toBe("-5.00")
    expect(neutralise("-12")).toBe("-12")
    expect(neutralise("-1e5")).toBe("'-1e5")
    expect(neutralise("-")).toBe("'-")
  })
})
