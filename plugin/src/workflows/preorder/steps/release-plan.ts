import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

/**
 * Releases a plan: its pending items become ready to ship and the plan is
 * marked released. Returns only the items this run moved, so a second run
 * (job and admin at once, or a retry) moves nothing and notifies no one twice.
 */
export const releasePlanStep = createStep(
  "release-preorder-plan",
  async (input: { plan_id: string }, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const [plan] = await preorders.listPreorderPlans({ id: input.plan_id })
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${input.plan_id} was not found`)
    if (plan.status === "draft" || plan.status === "cancelled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `A ${plan.status} pre-order plan cannot be released`)
    }
    const moved = await preorders.markReady(plan.id)
    const firstRelease = plan.status !== "released"
    if (firstRelease) {
      await preorders.updatePreorderPlans({ id: plan.id, status: "released", released_at: new Date() })
    }
    return new StepResponse(
      { plan_id: plan.id, variant_id: plan.variant_id, first_release: firstRelease, items: moved },
      { plan_id: plan.id, item_ids: moved.map((m) => m.id), first_release: firstRelease }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    if (undo.item_ids.length) {
      await preorders.updatePreorderItems(undo.item_ids.map((id) => ({ id, status: "pending" as const, released_at: null })))
    }
    if (undo.first_release) {
      await preorders.updatePreorderPlans({ id: undo.plan_id, status: "active", released_at: null })
    }
  }
)
