import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

/** Notes Medusa's refund on the cancelled pre-order item: its claim becomes refunded. */
export const recordPreorderRefundStep = createStep(
  "record-preorder-refund",
  async (input: { item_id: string; order_id: string; order_line_item_id: string; refund_id: string | null; amount: string }, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderItems({
      id: input.item_id,
      refund_id: input.refund_id,
      ...(input.refund_id ? { refund_status: "refunded" as const } : {}),
    })
    return new StepResponse(undefined, input.item_id)
  },
  async (itemId, { container }) => {
    if (!itemId) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderItems({ id: itemId, refund_id: null })
  }
)
