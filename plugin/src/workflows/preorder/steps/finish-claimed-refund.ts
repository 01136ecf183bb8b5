import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { findRefundByNote } from "../../../lib/refund-claim"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { isPreorderRefundNote, preorderRefundNote } from "../../../modules/preorder/lib/refund-note"

const refundOfItem = (container: { resolve: (key: string) => any }, paymentId: string, itemId: string) =>
  findRefundByNote(container, paymentId, (note) => isPreorderRefundNote(note, itemId))

export type FinishedRefund = { item_id: string; outcome: "taken_by_another_run" | "found" | "refunded" }

/**
 * A cancellation whose run died between claiming its refund and recording it:
 * renew the stale claim (one caller wins), then record the refund if the
 * provider already made it (found by its note), or make it now.
 */
export const finishClaimedRefundStep = createStep(
  "finish-claimed-preorder-refund",
  async (input: { item_id: string }, { container }): Promise<StepResponse<FinishedRefund>> => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    if (!(await preorders.reclaimStaleRefund(input.item_id))) {
      return new StepResponse({ item_id: input.item_id, outcome: "taken_by_another_run" })
    }
    const [item] = await preorders.listPreorderItems({ id: input.item_id })
    const earlier = await refundOfItem(container, item.refund_payment_id!, item.id)
    if (earlier) {
      await preorders.updatePreorderItems({ id: item.id, refund_id: earlier.id, refund_status: "refunded" })
      return new StepResponse({ item_id: item.id, outcome: "found" })
    }
    const note = preorderRefundNote(item.id, item.cancel_reason ?? "cancelled")
    await refundPaymentWorkflow(container).run({
      input: { payment_id: item.refund_payment_id!, amount: (item as any).raw_refund_amount?.value ?? item.refund_amount, note },
    })
    const made = await refundOfItem(container, item.refund_payment_id!, item.id)
    await preorders.updatePreorderItems({ id: item.id, refund_id: made?.id ?? null, refund_status: "refunded" })
    return new StepResponse({ item_id: item.id, outcome: "refunded" })
  }
)
