import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  emitEventStep,
  releaseLockStep,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { releasePlanStep } from "./steps/release-plan"
import { PREORDER_RELEASED_EVENT } from "../../modules/preorder/events"

/**
 * Release day for one plan (scheduled job or admin "release now"): pending
 * items → ready to ship, the variant goes back to normal inventory (no more
 * selling beyond stock), `preorder.released` is emitted for the items moved.
 * Safe to run any number of times.
 */
export const releasePreorderPlanWorkflow = createWorkflow(
  "release-preorder-plan",
  (input: { plan_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => `preorder-release:${input.plan_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 300 })
    const released = releasePlanStep(input)

    when("first-release-restores-inventory", { released }, ({ released }) => released.first_release).then(() => {
      updateProductVariantsWorkflow.runAsStep({
        input: transform({ released }, ({ released }) => ({
          selector: { id: released.variant_id },
          update: { allow_backorder: false },
        })),
      })
    })

    when("items-moved", { released }, ({ released }) => released.items.length > 0).then(() => {
      emitEventStep({
        eventName: PREORDER_RELEASED_EVENT,
        data: transform({ released }, ({ released }) => ({
          plan_id: released.plan_id,
          item_ids: released.items.map((i) => i.id),
        })),
      })
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(released)
  }
)
