import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

export type ReturnPreorderUnitsInput = { item_ids: string[]; from_statuses: string[]; reason: string }

/**
 * Cancels pre-order items and gives their cap units, per-customer units and
 * benefits back. Idempotent: items already cancelled are skipped. Compensation
 * puts the items back where they were and takes the units again.
 */
export const returnPreorderUnitsStep = createStep(
  "return-preorder-units",
  async (input: ReturnPreorderUnitsInput, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const before = input.item_ids.length
      ? await preorders.listPreorderItems({ id: input.item_ids }, { select: ["id", "status"] })
      : []
    const returned = await preorders.returnUnits(input.item_ids, { fromStatuses: input.from_statuses, reason: input.reason })
    const statusById = Object.fromEntries(before.map((item) => [item.id, item.status]))
    return new StepResponse(returned, returned.map((r) => ({ ...r, status: statusById[r.id] })))
  },
  async (returned, { container }) => {
    if (!returned?.length) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.retakeUnits(returned)
  }
)
