import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import type { PreorderPlanFields } from "../../../modules/preorder/types"

export type CreatePreorderPlanInput = PreorderPlanFields & {
  variant_id: string
  release_date: Date
  status?: "draft" | "active"
}

export const createPlanStep = createStep(
  "create-preorder-plan",
  async (input: CreatePreorderPlanInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: input.variant_id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: no product variant ${input.variant_id}`)
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const [existing] = await preorders.listPreorderPlans({ variant_id: input.variant_id })
    if (existing) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `variant_id: variant ${input.variant_id} already has pre-order plan ${existing.id}`)
    }
    const plan = await preorders.createPreorderPlans({
      ...input,
      product_id: data[0].product_id,
      window_opens_at: input.window_opens_at ?? new Date(),
      status: input.status ?? "draft",
      original_release_date: input.status === "active" ? input.release_date : null,
      date_history: { changes: [] },
    })
    return new StepResponse(plan, plan.id)
  },
  async (id, { container }) => {
    if (!id) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.deletePreorderPlans(id)
  }
)
