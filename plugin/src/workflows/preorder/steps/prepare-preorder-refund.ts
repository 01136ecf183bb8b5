import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"

export type PreorderCancellationInput = {
  item_id: string
  /** Set for a fan's own request: the item must be theirs and delayed. */
  customer_id?: string
  reason: string
}

/**
 * Checks a pre-order item may be cancelled and works out its refund: the
 * order line's own total (after discounts, with tax) for the item's units,
 * exact to the cent, from the order's captured payment.
 */
export const preparePreorderRefundStep = createStep(
  "prepare-preorder-refund",
  async (input: PreorderCancellationInput, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const [item] = await preorders.listPreorderItems({ id: input.item_id })
    if (!item || (input.customer_id && item.customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order ${input.item_id} was not found`)
    }
    if (item.status !== "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This pre-order is ${item.status} and can no longer be cancelled`)
    }
    if (input.customer_id && new Date(item.release_date).getTime() <= new Date(item.ordered_release_date).getTime()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This pre-order has not been delayed: it can be cancelled with a refund only after its release date moves later"
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        // a top-level total makes the order module compute line totals too
        "total",
        "currency_code",
        "items.id",
        "items.quantity",
        "items.total",
        "payment_collections.payments.id",
        "payment_collections.payments.amount",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.refunds.amount",
      ],
      filters: { id: item.order_id! },
    })
    const order = data[0]
    const line = (order?.items ?? []).find((l) => l?.id === item.order_line_item_id)
    if (!line) throw new MedusaError(MedusaError.Types.NOT_FOUND, `The order line of pre-order ${item.id} was not found`)
    const amount =
      Number(line.quantity) === item.quantity
        ? MathBN.convert(line.total)
        : MathBN.convert(MathBN.div(MathBN.mult(line.total, item.quantity), line.quantity).toFixed(2))
    const payment = (order.payment_collections ?? [])
      .flatMap((c) => c?.payments ?? [])
      .find((p) => p?.captured_at && MathBN.gte(MathBN.sub(p.amount, (p.refunds ?? []).reduce((s, r) => MathBN.add(s, r.amount), MathBN.convert(0))), amount))
    return new StepResponse({
      item_id: item.id,
      order_id: order.id,
      order_line_item_id: line.id,
      payment_id: (payment?.id as string | undefined) ?? null,
      amount: amount.toString(),
    })
  }
)
