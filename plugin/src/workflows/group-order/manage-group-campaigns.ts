import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, WorkflowResponse, createStep, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import type GroupOrderModuleService from "../../modules/group-order/service"
import { GroupCampaignFields, createGroupCampaignStep, updateGroupCampaignStep } from "./steps/campaign-steps"
import { validateCampaignReferencesStep } from "./steps/validate-campaign-references"

export const createGroupCampaignWorkflow = createWorkflow("create-group-campaign", (input: GroupCampaignFields) => {
  validateCampaignReferencesStep(input)
  return new WorkflowResponse(createGroupCampaignStep(input))
})

export const updateGroupCampaignWorkflow = createWorkflow(
  "update-group-campaign",
  (input: Partial<GroupCampaignFields> & { id: string }) => {
    validateCampaignReferencesStep(
      transform({ input }, ({ input }) => ({ id: input.id, product_ids: input.product_ids, variant_ids: input.variant_ids, region_id: input.region_id }))
    )
    return new WorkflowResponse(updateGroupCampaignStep(input))
  }
)

const loadOpenCampaignStep = createStep("load-campaign-to-close", async (input: { id: string }, { container }) => {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const campaign = await groups.retrieveGroupCampaign(input.id)
  if (campaign.status === "closed") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Campaign ${campaign.id} is already closed`)
  return new StepResponse({ id: campaign.id, ends_at: campaign.ends_at })
})

/**
 * Closes a campaign now: no new groups, no new joins; the deadline moves to
 * now (if later), so its groups settle at the next run of the settlement job.
 */
export const closeGroupCampaignWorkflow = createWorkflow("close-group-campaign", (input: { id: string }) => {
  const campaign = loadOpenCampaignStep(input)
  const update = transform({ campaign }, ({ campaign }) => {
    const now = new Date()
    return {
      id: campaign.id,
      status: "closed" as const,
      closed_at: now,
      ends_at: new Date(campaign.ends_at) > now ? now : new Date(campaign.ends_at),
    }
  })
  return new WorkflowResponse(updateGroupCampaignStep(update))
})
