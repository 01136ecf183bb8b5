import { ComebackOptionsError, HOOK_IDS, resolveComebackOptions } from "../options"

describe("the plugin's options", () => {
  it("turns every feature on when the store passes nothing", () => {
    const resolved = resolveComebackOptions(undefined)
    expect(resolved.features).toEqual({ preorders: true, group_orders: true, app_promotions: true, giveaways: true, finance_reports: true })
    expect([...resolved.hostHooks]).toEqual([])
  })

  it("turns off exactly the features whose enabled is false", () => {
    const resolved = resolveComebackOptions({ giveaways: { enabled: false }, preorders: { enabled: true } })
    expect(resolved.features.giveaways).toBe(false)
    expect(resolved.features.preorders).toBe(true)
    expect(resolved.features.finance_reports).toBe(true)
  })

  it("ignores the database connection Medusa adds to every module's options", () => {
    expect(() => resolveComebackOptions({ database: { clientUrl: "postgres://x" }, group_orders: { enabled: false } })).not.toThrow()
  })

  it("names an unknown option, a misspelt feature setting and a wrong value in one message", () => {
    let message = ""
    try {
      resolveComebackOptions({ giveaway: { enabled: false }, preorders: { enable: false }, giveaways: { beacon_delay_seconds: -5 } })
    } catch (error) {
      expect(error).toBeInstanceOf(ComebackOptionsError)
      message = (error as Error).message
    }
    expect(message).toContain(`unknown option "giveaway"`)
    expect(message).toContain(`preorders: unknown option "enable"`)
    expect(message).toContain("giveaways.beacon_delay_seconds: Number must be greater than or equal to 0")
  })

  it("accepts host_hooks naming Comeback's hooks and refuses any other name", () => {
    expect([...resolveComebackOptions({ host_hooks: ["completeCartWorkflow.validate"] }).hostHooks]).toEqual(["completeCartWorkflow.validate"])
    expect(() => resolveComebackOptions({ host_hooks: ["completeCart.validate"] })).toThrow(/host_hooks\.0: Invalid enum value/)
    expect(HOOK_IDS).toHaveLength(7)
  })
})
