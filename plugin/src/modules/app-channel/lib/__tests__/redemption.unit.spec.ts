import { redemptionHolders, redemptionRefusal } from "../redemption"

describe("redemption rules", () => {
  it("counts a use against the email, the account when logged in, and the device", () => {
    expect(redemptionHolders({ email: " Fan@Example.com", customer_id: "cus_1", device_id: "dev_1" })).toEqual({
      customer: ["email:fan@example.com", "customer:cus_1"],
      device: ["device:dev_1"],
    })
    expect(redemptionHolders({ email: null, customer_id: null, device_id: "dev_1" }).customer).toEqual([])
  })
  it("names the limit that refused, in the fan's words", () => {
    expect(redemptionRefusal("APPONLY", 1, "customer")).toBe("APPONLY can be used 1 time per customer, and you have used it already.")
    expect(redemptionRefusal("APPONLY", 2, "device")).toBe("APPONLY can be used 2 times per device, and this device has used it already.")
  })
})
