import path from "node:path"
import { comebackModuleTestRunner, race } from "../../__tests__/utils/module-runner"
import type GiveawayModuleService from "../service"
import type { OrderForEntries } from "../service"

jest.setTimeout(120_000)

const hour = 60 * 60 * 1000

comebackModuleTestRunner<GiveawayModuleService>(path.resolve(__dirname, ".."), "giveaway", ({ service }) => {
  const liveGiveaway = async (rules: { max_entries_per_customer: number | null; free_entry_enabled?: boolean; free_entries_per_day?: number }) => {
    const [created] = await service.createGiveaways([
      {
        title: "Hot Sauce signed album",
        prize: "A signed album",
        status: "live",
        entries_per_unit: 1,
        product_ids: ["prod_album"],
        starts_at: new Date(Date.now() - hour),
        ends_at: new Date(Date.now() + hour),
        ...rules,
      },
    ])
    return created
  }
  const order = (customerId: string, units = 1): OrderForEntries => {
    const id = Math.random().toString(36).slice(2)
    return {
      order_id: `order_${id}`,
      customer_id: customerId,
      email: `${customerId}@example.com`,
      placed_at: new Date(),
      country_code: "kr",
      region: null,
      lines: [{ id: `ordli_${id}`, product_id: "prod_album", variant_id: "variant_album", quantity: units }],
    }
  }
  const held = async (customerId: string, giveawayId: string) => (await service.entriesHeld(customerId, [giveawayId]))[giveawayId] ?? 0
  const activeEntries = async (giveawayId: string) =>
    (await service.listGiveawayEntries({ giveaway_id: giveawayId })).reduce((sum, e) => sum + e.entries - e.voided_entries, 0)

  it("holds a customer at the cap of 3 entries when 10 of their orders earn at once", async () => {
    const g = await liveGiveaway({ max_entries_per_customer: 3 })
    const { fulfilled, refused } = await race(10, () => service.earnEntries(order("cus_1")))
    expect(refused).toEqual([])
    expect(fulfilled.flat().reduce((sum, e) => sum + e.entries, 0)).toBe(3)
    expect(await held("cus_1", g.id)).toBe(3)
    expect(await activeEntries(g.id)).toBe(3)
  })

  it("lets exactly one free entry a day through when 5 requests race", async () => {
    const g = await liveGiveaway({ max_entries_per_customer: 10, free_entry_enabled: true, free_entries_per_day: 1 })
    const input = { giveaway_id: g.id, customer_id: "cus_1", email: "fan@example.com", country_code: "kr", region: null }
    const { fulfilled } = await race(5, () => service.enterFree(input))
    expect(fulfilled.filter((r) => r.entry_id)).toHaveLength(1)
    expect(fulfilled.filter((r) => r.refused?.reason === "daily_limit")).toHaveLength(4)
    expect(await held("cus_1", g.id)).toBe(1)
  })

  it("refuses a free entry once the customer holds the cap", async () => {
    const g = await liveGiveaway({ max_entries_per_customer: 2, free_entry_enabled: true, free_entries_per_day: 5 })
    await service.earnEntries(order("cus_1", 2))
    const result = await service.enterFree({ giveaway_id: g.id, customer_id: "cus_1", email: "fan@example.com", country_code: "kr", region: null })
    expect(result.refused).toMatchObject({ reason: "entry_cap", message: "You hold the maximum of 2 entries for this giveaway." })
    expect(await held("cus_1", g.id)).toBe(2)
  })

  it("gives voided entries back under the cap, and a restore puts them back", async () => {
    const g = await liveGiveaway({ max_entries_per_customer: 3 })
    const placed = order("cus_1", 3)
    await service.earnEntries(placed)
    const { voided } = await service.voidOrderEntries(placed.order_id, { [placed.lines[0].id]: 2 }, "returned")
    expect(voided[0].voided).toBe(2)
    expect(await held("cus_1", g.id)).toBe(1)
    const { fulfilled } = await race(4, () => service.earnEntries(order("cus_1")))
    expect(fulfilled.flat().reduce((sum, e) => sum + e.entries, 0)).toBe(2)
    expect(await held("cus_1", g.id)).toBe(3)
    await service.restoreVoidedEntries(voided)
    // A compensation restores what it undid, past the cap.
    expect(await held("cus_1", g.id)).toBe(5)
  })

  it("frees the cap when earned entries are removed (a compensation)", async () => {
    const g = await liveGiveaway({ max_entries_per_customer: 2 })
    const earned = await service.earnEntries(order("cus_1", 2))
    await service.removeEarnedEntries(earned.map((e) => e.id))
    expect(await held("cus_1", g.id)).toBe(0)
    await service.earnEntries(order("cus_1", 5))
    expect(await held("cus_1", g.id)).toBe(2)
  })
})
