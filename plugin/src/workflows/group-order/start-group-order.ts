import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { createGroupStep, createTierPromotionsStep, validateGroupStartStep } from "./steps/group-steps"

/**
 * A logged-in customer starts a group in an open campaign and gets its code to
 * share. Starting again while their group is open returns the same group,
 * also when two starts race (a partial unique index keeps one open group per
 * leader and campaign).
 */
export const startGroupOrderWorkflow = createWorkflow(
  "start-group-order",
  (input: { campaign_id: string; customer_id: string; code?: string }) => {
    const { existing } = validateGroupStartStep(input)
    const created = when("no-open-group-yet", { existing }, ({ existing }) => !existing).then(() => {
      const group = createGroupStep(input)
      return createTierPromotionsStep(
        transform({ group, input }, ({ group, input }) => ({ group_id: group.id, code: group.code, campaign_id: input.campaign_id, reused: group.reused }))
      )
    })
    const group = transform({ existing, created }, ({ existing, created }) => (existing ?? created) as { id: string; code: string })
    return new WorkflowResponse(group)
  }
)
