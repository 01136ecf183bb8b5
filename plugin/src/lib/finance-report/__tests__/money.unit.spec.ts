import { addMoney, currencyDigits, formatMoney, splitByWeights, splitScale, subMoney } from "../money"

describe("money: exact decimal strings in currency units", () => {
  it("pads to the currency's digits and keeps every digit Medusa holds", () => {
    expect(formatMoney(5, "usd")).toBe("5.00")
    expect(formatMoney("60.791", "usd")).toBe("60.791")
    expect(formatMoney({ value: "6.2475" }, "usd")).toBe("6.2475")
    expect(formatMoney("15000", "krw")).toBe("15000")
    expect(formatMoney("1.5", "kwd")).toBe("1.500")
    expect(formatMoney(-0, "usd")).toBe("0.00")
    expect(formatMoney("-5", "usd")).toBe("-5.00")
  })

  it("adds without float drift: 0.1 + 0.2 is 0.30 and a thousand 0.01s are 10.00", () => {
    expect(formatMoney(addMoney("0.1", "0.2"), "usd")).toBe("0.30")
    expect(formatMoney(addMoney(...Array(1000).fill("0.01")), "usd")).toBe("10.00")
    expect(formatMoney(subMoney("38.98", "5", "0.001"), "usd")).toBe("33.979")
  })

  it("knows currency digits and falls back to 2", () => {
    expect(currencyDigits("USD")).toBe(2)
    expect(currencyDigits("krw")).toBe(0)
    expect(currencyDigits("xyz")).toBe(2)
  })

  it("rejects amounts that are not finite numbers", () => {
    expect(() => formatMoney("abc", "usd")).toThrow("Not a finite amount")
  })

  it("splits by weights into parts that add up to the total exactly", () => {
    const parts = splitByWeights("10", ["1", "1", "1"], 4)
    expect(parts.map((p) => p.toFixed())).toEqual(["3.3334", "3.3333", "3.3333"])
    expect(addMoney(...parts).toFixed()).toBe("10")
    expect(splitByWeights("6.2475", ["0", "5", "0"], 4).map((p) => p.toFixed())).toEqual(["0", "6.2475", "0"])
    expect(splitByWeights("7", ["0", "0"], 2).map((p) => p.toFixed())).toEqual(["7", "0"])
    expect(splitScale("6.2475", "usd")).toBe(4)
    expect(splitScale("6.2", "usd")).toBe(4)
  })
})
