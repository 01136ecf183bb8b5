import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

/** Notes the refund on the item and marks the order line's pre-order as cancelled. */
export const recordPreorderRefundStep = createStep(
  "record-preorder-refund",
  async (input: { item_id: string; order_line_item_id: string; refund_id: string | null; amount: string }, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderItems({ id: input.item_id, refund_id: input.refund_id })
    const orderModule = container.resolve(Modules.ORDER)
    const [line] = await orderModule.listOrderLineItems({ id: input.order_line_item_id }, { select: ["id", "metadata"] })
    const metadata = (line?.metadata ?? {}) as Record<string, any>
    await orderModule.updateOrderLineItems(input.order_line_item_id, {
      metadata: { ...metadata, preorder: { ...(metadata.preorder ?? {}), status: "cancelled", refunded: input.amount } },
    })
    return new StepResponse(undefined, { line_id: input.order_line_item_id, metadata })
  },
  async (undo, { container }) => {
    if (!undo) return
    await container.resolve(Modules.ORDER).updateOrderLineItems(undo.line_id, { metadata: undo.metadata })
  }
)
