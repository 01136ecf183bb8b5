import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { HOOK_IDS } from "../../config/options"
import { HookConflictError, registerComebackHooks } from "../register"

describe("registering Comeback's hook handlers at application start", () => {
  it("stops with a message naming the hook the store already handles and the fix, having taken every other hook", () => {
    // The store's own handler, loaded before the application starts.
    completeCartWorkflow.hooks.validate(async () => new StepResponse(undefined))
    let error: unknown
    try {
      registerComebackHooks(new Set())
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(HookConflictError)
    const message = (error as Error).message
    expect(message).toContain("- completeCartWorkflow.validate: Comeback reserves drop units")
    expect(message).toContain(`Fix: add host_hooks: ["completeCartWorkflow.validate"]`)
    expect(message).not.toContain("addToCartWorkflow.validate")
    // The other six are Comeback's now: registering again (a second start in this process) is not a conflict.
    expect(registerComebackHooks(new Set(["completeCartWorkflow.validate"]))).toHaveLength(HOOK_IDS.length - 1)
  })
})
