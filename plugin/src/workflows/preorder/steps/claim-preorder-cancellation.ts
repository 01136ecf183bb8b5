import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

export type ClaimPreorderCancellationInput = {
  item_id: string
  reason: string
  payment_id: string | null
  amount: string
}

/**
 * pending → cancelled with its units given back and its refund claimed, in one
 * conditional statement: the caller that wins it is the only one that refunds,
 * on any number of servers, whatever Medusa's lock provider. A loser gets the
 * same 400 as a later request. Compensation (the refund failed) puts the item
 * back to pending, units and all, and drops the claim.
 */
export const claimPreorderCancellationStep = createStep(
  "claim-preorder-cancellation",
  async (input: ClaimPreorderCancellationInput, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const refund = input.payment_id ? { payment_id: input.payment_id, amount: input.amount } : null
    const released = await preorders.cancelClaimingRefund(input.item_id, { reason: input.reason, refund })
    if (!released) {
      const [item] = await preorders.listPreorderItems({ id: input.item_id }, { select: ["status"] })
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This pre-order is ${item?.status ?? "gone"} and can no longer be cancelled`)
    }
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.retakeUnits([{ ...released, status: "pending" }])
  }
)
