import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { findRefundByNote } from "../../../lib/refund-claim"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { isPreorderRefundNote } from "../../../modules/preorder/lib/refund-note"

/** Notes Medusa's refund (found on the payment by its note) on the cancelled pre-order item: its claim becomes refunded. */
export const recordPreorderRefundStep = createStep(
  "record-preorder-refund",
  async (input: { item_id: string; payment_id: string | null }, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    if (!input.payment_id) return new StepResponse(undefined, null)
    const refund = await findRefundByNote(container, input.payment_id, (note) => isPreorderRefundNote(note, input.item_id))
    await preorders.updatePreorderItems({ id: input.item_id, refund_id: refund?.id ?? null, refund_status: "refunded" })
    return new StepResponse(undefined, input.item_id)
  },
  async (itemId, { container }) => {
    if (!itemId) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderItems({ id: itemId, refund_id: null })
  }
)
