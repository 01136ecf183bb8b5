import path from "node:path"
import { comebackModuleTestRunner, race } from "../../__tests__/utils/module-runner"
import type PreorderModuleService from "../service"
import type { ReserveLine } from "../service"

jest.setTimeout(120_000)

const day = 24 * 60 * 60 * 1000

comebackModuleTestRunner<PreorderModuleService>(path.resolve(__dirname, ".."), "preorder", ({ service }) => {
  const plan = async (limits: { cap: number | null; per_customer_limit: number | null }) => {
    const now = Date.now()
    const [created] = await service.createPreorderPlans([
      {
        variant_id: `variant_${now}_${Math.random().toString(36).slice(2)}`,
        product_id: "prod_album",
        status: "active",
        release_date: new Date(now + 30 * day),
        window_opens_at: new Date(now - day),
        ...limits,
      },
    ])
    return created
  }
  const line = (planId: string, variantId: string, fan: { email: string; customer_id?: string | null }, quantity = 1): ReserveLine => ({
    plan_id: planId,
    variant_id: variantId,
    quantity,
    cart_id: `cart_${Math.random().toString(36).slice(2)}`,
    cart_line_item_id: `cali_${Math.random().toString(36).slice(2)}`,
    email: fan.email,
    customer_id: fan.customer_id ?? null,
    release_date: new Date(Date.now() + 30 * day),
    label: "Hot Sauce",
  })
  const planNow = async (id: string) => (await service.retrievePreorderPlan(id))
  const liveItems = async (planId: string) => service.listPreorderItems({ plan_id: planId, status: ["reserved", "pending", "ready"] })

  describe("reserveUnits under a cap", () => {
    it("holds exactly 5 units when 20 checkouts race for a cap of 5", async () => {
      const p = await plan({ cap: 5, per_customer_limit: null })
      const { fulfilled, refused } = await race(20, (i) => service.reserveUnits([line(p.id, p.variant_id, { email: `fan${i}@example.com` })]))
      expect(fulfilled).toHaveLength(5)
      expect(refused).toHaveLength(15)
      for (const message of refused) expect(message).toBe("Hot Sauce is sold out for pre-order.")
      expect((await planNow(p.id)).reserved_units).toBe(5)
      expect(await liveItems(p.id)).toHaveLength(5)
    })

    it("refuses the 6th unit when the cap is 5, saying how many are left", async () => {
      const p = await plan({ cap: 5, per_customer_limit: null })
      await service.reserveUnits([line(p.id, p.variant_id, { email: "a@example.com" }, 4)])
      await expect(service.reserveUnits([line(p.id, p.variant_id, { email: "b@example.com" }, 2)])).rejects.toThrow(/Hot Sauce/)
      await service.reserveUnits([line(p.id, p.variant_id, { email: "b@example.com" }, 1)])
      await expect(service.reserveUnits([line(p.id, p.variant_id, { email: "c@example.com" }, 1)])).rejects.toThrow(
        "Hot Sauce is sold out for pre-order."
      )
      expect((await planNow(p.id)).reserved_units).toBe(5)
    })

    it("gives released units back to the cap, and racing checkouts take exactly those", async () => {
      const p = await plan({ cap: 5, per_customer_limit: null })
      const held = await Promise.all(Array.from({ length: 5 }, (_, i) => service.reserveUnits([line(p.id, p.variant_id, { email: `f${i}@example.com` })])))
      const freed = await service.returnUnits([held[0][0].id, held[1][0].id], { fromStatuses: ["reserved"], reason: "checkout failed", remove: true })
      expect(freed).toHaveLength(2)
      // Returning them again gives nothing back twice.
      expect(await service.returnUnits([held[0][0].id], { fromStatuses: ["reserved"], reason: "checkout failed", remove: true })).toHaveLength(0)
      expect((await planNow(p.id)).reserved_units).toBe(3)
      const { fulfilled } = await race(8, (i) => service.reserveUnits([line(p.id, p.variant_id, { email: `late${i}@example.com` })]))
      expect(fulfilled).toHaveLength(2)
      expect((await planNow(p.id)).reserved_units).toBe(5)
    })
  })

  describe("reserveUnits under a per-customer limit", () => {
    it("lets one fan hold exactly 2 units when 10 of their checkouts race for a limit of 2", async () => {
      const p = await plan({ cap: null, per_customer_limit: 2 })
      const { fulfilled, refused } = await race(10, () => service.reserveUnits([line(p.id, p.variant_id, { email: "Fan@Example.com " })]))
      expect(fulfilled).toHaveLength(2)
      expect(refused).toHaveLength(8)
      for (const message of refused) {
        expect(message).toBe("Pre-orders of Hot Sauce are limited to 2 per customer; you have 2 already and can add 0 more.")
      }
      expect(await service.unitsHeld(p.id, { email: "fan@example.com" })).toBe(2)
      // A refused checkout takes nothing from the cap either.
      expect((await planNow(p.id)).reserved_units).toBe(2)
    })

    it("counts a customer account across the emails it checks out with", async () => {
      const p = await plan({ cap: null, per_customer_limit: 2 })
      await service.reserveUnits([line(p.id, p.variant_id, { email: "one@example.com", customer_id: "cus_1" }, 2)])
      await expect(service.reserveUnits([line(p.id, p.variant_id, { email: "two@example.com", customer_id: "cus_1" })])).rejects.toThrow(
        "Pre-orders of Hot Sauce are limited to 2 per customer; you have 2 already and can add 0 more."
      )
      // A guest with the first email is the same holder too.
      await expect(service.reserveUnits([line(p.id, p.variant_id, { email: "one@example.com" })])).rejects.toThrow(/you have 2 already/)
      await service.reserveUnits([line(p.id, p.variant_id, { email: "three@example.com", customer_id: "cus_2" })])
    })

    it("refuses a line of more units than the limit before counting anything", async () => {
      const p = await plan({ cap: 10, per_customer_limit: 2 })
      await expect(service.reserveUnits([line(p.id, p.variant_id, { email: "a@example.com" }, 3)])).rejects.toThrow(
        "Pre-orders of Hot Sauce are limited to 2 per customer."
      )
      expect((await planNow(p.id)).reserved_units).toBe(0)
    })

    it("lets a fan re-reserve what a cancelled item gave back, and no more", async () => {
      const p = await plan({ cap: null, per_customer_limit: 2 })
      const fan = { email: "fan@example.com", customer_id: "cus_9" }
      const [first] = await service.reserveUnits([line(p.id, p.variant_id, fan)])
      await service.reserveUnits([line(p.id, p.variant_id, fan)])
      await service.returnUnits([first.id], { fromStatuses: ["reserved"], reason: "cart changed" })
      expect(await service.unitsHeld(p.id, fan)).toBe(1)
      const { fulfilled } = await race(5, () => service.reserveUnits([line(p.id, p.variant_id, fan)]))
      expect(fulfilled).toHaveLength(1)
      expect(await service.unitsHeld(p.id, fan)).toBe(2)
    })

    it("puts units back with retakeUnits after a compensation, past the limit check", async () => {
      const p = await plan({ cap: 3, per_customer_limit: 2 })
      const fan = { email: "fan@example.com" }
      const [item] = await service.reserveUnits([line(p.id, p.variant_id, fan, 2)])
      const [released] = await service.returnUnits([item.id], { fromStatuses: ["reserved"], reason: "test" })
      expect(await service.unitsHeld(p.id, fan)).toBe(0)
      await service.retakeUnits([{ ...released, status: "reserved" }])
      expect(await service.unitsHeld(p.id, fan)).toBe(2)
      expect((await planNow(p.id)).reserved_units).toBe(2)
    })
  })
})
