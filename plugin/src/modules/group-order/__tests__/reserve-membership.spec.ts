import path from "node:path"
import { comebackModuleTestRunner, race } from "../../__tests__/utils/module-runner"
import type GroupOrderModuleService from "../service"
import type { ReserveMembershipInput } from "../service"

jest.setTimeout(120_000)

const day = 24 * 60 * 60 * 1000

comebackModuleTestRunner<GroupOrderModuleService>(path.resolve(__dirname, ".."), "groupOrder", ({ service }) => {
  const group = async () => {
    const [campaign] = await service.createGroupCampaigns([
      {
        title: "Hot Sauce group buy",
        product_ids: ["prod_album"],
        variant_ids: [],
        tiers: [{ min_units: 10, percent: 5 }],
        starts_at: new Date(Date.now() - day),
        ends_at: new Date(Date.now() + day),
        currency_code: "eur",
      },
    ])
    const [created] = await service.createGroupOrders([
      { code: `HOT${Math.random().toString(36).slice(2, 8).toUpperCase()}`, leader_customer_id: "cus_leader", promotions: [], campaign_id: campaign.id },
    ])
    return created
  }
  const join = (g: { id: string; code: string }, email: string, limits: { max_units_per_member: number | null; max_members: number | null }, units = 1) =>
    service.reserveMembership({
      group_id: g.id,
      code: g.code,
      cart_id: `cart_${Math.random().toString(36).slice(2)}`,
      email,
      customer_id: null,
      units,
      ...limits,
    } satisfies ReserveMembershipInput)
  const groupNow = (id: string) => service.retrieveGroupOrder(id)

  it("lets exactly 4 of 10 racing fans join when the group takes 4 members", async () => {
    const g = await group()
    const { fulfilled, refused } = await race(10, (i) => join(g, `fan${i}@example.com`, { max_units_per_member: 3, max_members: 4 }))
    expect(fulfilled).toHaveLength(4)
    expect(refused).toHaveLength(6)
    for (const message of refused) expect(message).toBe(`Group ${g.code} is full: it already has 4 members.`)
    const now = await groupNow(g.id)
    expect(now.member_count).toBe(4)
    expect(now.held_units).toBe(4)
    // A refused join leaves no member row behind.
    expect(await service.listGroupMembers({ group_id: g.id })).toHaveLength(4)
  })

  it("keeps a member at 3 units when 8 of their checkouts race for a per-member limit of 3", async () => {
    const g = await group()
    const { fulfilled, refused } = await race(8, () => join(g, " Fan@Example.com", { max_units_per_member: 3, max_members: 4 }))
    expect(fulfilled).toHaveLength(3)
    for (const message of refused) {
      expect(message).toBe(`Each member of group ${g.code} may buy up to 3 units; you have 3 already and can add 0 more.`)
    }
    const [member] = await service.listGroupMembers({ group_id: g.id })
    expect(member).toMatchObject({ holder: "email:fan@example.com", email: "fan@example.com", units: 3 })
    const now = await groupNow(g.id)
    expect(now.member_count).toBe(1)
    expect(now.held_units).toBe(3)
  })

  it("refuses a cart of more units than the per-member limit", async () => {
    const g = await group()
    await expect(join(g, "a@example.com", { max_units_per_member: 3, max_members: null }, 4)).rejects.toThrow(
      `Each member of group ${g.code} may buy up to 3 units; this cart has 4.`
    )
    expect((await groupNow(g.id)).member_count).toBe(0)
  })

  it("frees a member's place when their only purchase is released, for exactly one newcomer", async () => {
    const g = await group()
    const limits = { max_units_per_member: 2, max_members: 3 }
    const purchases = []
    for (const email of ["a@example.com", "b@example.com", "c@example.com"]) purchases.push(await join(g, email, limits))
    const released = await service.releasePurchases([purchases[0].id], { fromStatuses: ["reserved"], remove: true })
    expect(released).toHaveLength(1)
    // A duplicate release gives nothing back twice.
    expect(await service.releasePurchases([purchases[0].id], { fromStatuses: ["reserved"], remove: true })).toHaveLength(0)
    expect((await groupNow(g.id)).member_count).toBe(2)
    const { fulfilled } = await race(5, (i) => join(g, `new${i}@example.com`, limits))
    expect(fulfilled).toHaveLength(1)
    expect((await groupNow(g.id)).member_count).toBe(3)
  })

  it("keeps a member with units left counted, and lets them top up to the limit again", async () => {
    const g = await group()
    const limits = { max_units_per_member: 2, max_members: 1 }
    const first = await join(g, "a@example.com", limits)
    await join(g, "a@example.com", limits)
    await service.releasePurchases([first.id], { fromStatuses: ["reserved"] })
    expect((await groupNow(g.id)).member_count).toBe(1)
    await expect(join(g, "b@example.com", limits)).rejects.toThrow(`Group ${g.code} is full: it already has 1 members.`)
    await join(g, "a@example.com", limits)
    const now = await groupNow(g.id)
    expect(now.held_units).toBe(2)
    expect(now.member_count).toBe(1)
  })

  it("takes no joins once the group is settling", async () => {
    const g = await group()
    await service.updateGroupOrders({ id: g.id, status: "settling" })
    await expect(join(g, "a@example.com", { max_units_per_member: null, max_members: null })).rejects.toThrow(
      `Group ${g.code} is settling and takes no new orders.`
    )
  })
})
