import path from "node:path"
import { comebackModuleTestRunner, race } from "../../__tests__/utils/module-runner"
import type AppChannelModuleService from "../service"

jest.setTimeout(120_000)

comebackModuleTestRunner<AppChannelModuleService>(path.resolve(__dirname, ".."), "appChannel", ({ service }) => {
  const promotion = (limits: { per_customer_limit: number | null; per_device_limit: number | null }) => ({
    promotion_id: `promo_${Math.random().toString(36).slice(2)}`,
    code: "APPONLY",
    ...limits,
  })
  const redeem = (p: ReturnType<typeof promotion>, fan: { email: string; customer_id?: string | null; device_id: string }) =>
    service.reserveRedemptions({
      promotions: [p],
      cart_id: `cart_${Math.random().toString(36).slice(2)}`,
      session: { id: "appses_1", sales_channel_id: "sc_app", device_id: fan.device_id, platform: "ios" },
      email: fan.email,
      customer_id: fan.customer_id ?? null,
    })
  const uses = async (promotionId: string, holder: string) =>
    (await service.listAppRedemptionTallies({ promotion_id: promotionId, holder }))[0]?.uses ?? 0

  it("lets a customer use a once-per-customer promotion exactly once when 10 checkouts race", async () => {
    const p = promotion({ per_customer_limit: 1, per_device_limit: null })
    const { fulfilled, refused } = await race(10, (i) => redeem(p, { email: "fan@example.com", device_id: `dev_${i}` }))
    expect(fulfilled).toHaveLength(1)
    for (const message of refused) expect(message).toBe("APPONLY can be used 1 time per customer, and you have used it already.")
    expect(await uses(p.promotion_id, "email:fan@example.com")).toBe(1)
    expect((await service.countRedemptions([p.promotion_id]))[p.promotion_id].reserved).toBe(1)
  })

  it("lets one device use a promotion exactly twice when 6 fans race on it with a device limit of 2", async () => {
    const p = promotion({ per_customer_limit: null, per_device_limit: 2 })
    const { fulfilled, refused } = await race(6, (i) => redeem(p, { email: `fan${i}@example.com`, device_id: "dev_shared" }))
    expect(fulfilled).toHaveLength(2)
    for (const message of refused) expect(message).toBe("APPONLY can be used 2 times per device, and this device has used it already.")
    expect(await uses(p.promotion_id, "device:dev_shared")).toBe(2)
  })

  it("counts the customer account across emails", async () => {
    const p = promotion({ per_customer_limit: 1, per_device_limit: null })
    await redeem(p, { email: "one@example.com", customer_id: "cus_1", device_id: "dev_1" })
    await expect(redeem(p, { email: "two@example.com", customer_id: "cus_1", device_id: "dev_2" })).rejects.toThrow(/per customer/)
    // The refused checkout counted nothing for its email either.
    expect(await uses(p.promotion_id, "email:two@example.com")).toBe(0)
  })

  it("gives a use back when its checkout fails, so the customer can use it once more", async () => {
    const p = promotion({ per_customer_limit: 1, per_device_limit: 1 })
    const fan = { email: "fan@example.com", device_id: "dev_1" }
    const ids = await redeem(p, fan)
    expect(await service.releaseRedemptions(ids, { fromStatuses: ["reserved"], remove: true })).toHaveLength(1)
    // A duplicate release gives nothing back twice.
    expect(await service.releaseRedemptions(ids, { fromStatuses: ["reserved"], remove: true })).toHaveLength(0)
    expect(await uses(p.promotion_id, "email:fan@example.com")).toBe(0)
    expect(await uses(p.promotion_id, "device:dev_1")).toBe(0)
    const { fulfilled } = await race(4, () => redeem(p, fan))
    expect(fulfilled).toHaveLength(1)
  })
})
