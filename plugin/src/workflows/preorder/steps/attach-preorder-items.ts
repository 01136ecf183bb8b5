import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { loadOrderLines, stampPreorderLines } from "../../../modules/preorder/lib/order-lines"

export type AttachPreorderItemsInput = { order_id: string }

/**
 * Ties the `reserved` items of the order's cart to the order and its lines
 * (status pending) and stamps each pre-order line's metadata with its release
 * date and benefit, so the order itself says which lines ship at release.
 * Only reserved items are touched: running it twice changes nothing.
 */
export const attachPreorderItemsStep = createStep(
  "attach-preorder-items",
  async (input: AttachPreorderItemsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "cart.id"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order?.cart?.id) return new StepResponse([], { attached: [], metadata: [] })
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const reserved = await preorders.listPreorderItems({ cart_id: order.cart.id, status: ["reserved"] }, { relations: ["plan"] })
    if (!reserved.length) return new StepResponse([], { attached: [], metadata: [] })

    const lines = await loadOrderLines(container, [order.id])
    const matched = reserved.map((item) => ({ item, line: lines.find((l) => l.variant_id === item.variant_id) }))
    const updates = matched.map(({ item, line }) => ({
      id: item.id,
      order_id: order.id,
      order_line_item_id: line?.id ?? null,
      customer_id: item.customer_id ?? order.customer_id ?? null,
      status: "pending" as const,
    }))
    await preorders.updatePreorderItems(updates)

    const patches = Object.fromEntries(
      matched
        .filter(({ line }) => line)
        .map(({ item, line }) => [
          line!.id,
          {
            item_id: item.id,
            plan_id: item.plan.id,
            ships: "at_release",
            release_date: new Date(item.release_date).toISOString(),
            benefit_units: item.benefit_units,
            benefit: item.benefit_units > 0 ? item.plan.benefit_note ?? null : null,
          },
        ])
    )
    const previous = await stampPreorderLines(container, lines, patches)
    const attached = updates.map((u) => u.id)
    return new StepResponse(attached, { attached, metadata: previous })
  },
  async (undo, { container }) => {
    if (!undo?.attached.length) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderItems(
      undo.attached.map((id) => ({ id, status: "reserved" as const, order_id: null, order_line_item_id: null }))
    )
    const orderModule = container.resolve(Modules.ORDER)
    for (const line of undo.metadata) {
      await orderModule.updateOrderLineItems(line.id, { metadata: line.metadata })
    }
  }
)
