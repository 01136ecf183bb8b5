import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, WorkflowResponse, createStep, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import { tierFor } from "../../modules/group-order/lib/tiers"
import type GroupOrderModuleService from "../../modules/group-order/service"
import { findGroup } from "../../queries/group-order"
import { loadGroupOrderFacts } from "../../queries/group-order-lines"
import { GROUP_ORDER_TIER_REACHED_EVENT } from "../../modules/group-order/events"

type Attached = { group_id: string; code: string; tier: number; percent: number; announce: boolean } | null

/**
 * order.placed → the cart's reserved group purchase becomes placed, with what
 * the order paid for its eligible lines; the group's paid units grow. When they
 * reach a new tier, exactly one order (of any number racing) announces it.
 */
const attachGroupPurchaseStep = createStep(
  "attach-group-purchase",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: input.order_id } })
    const cartId = data[0]?.cart?.id
    if (!cartId) return new StepResponse(null as Attached)
    const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
    const [purchase] = await groups.listGroupPurchases({ cart_id: cartId, status: ["reserved"] })
    if (!purchase) return new StepResponse(null as Attached)
    const group = await findGroup(container, purchase.group_id)
    const facts = await loadGroupOrderFacts(container, input.order_id, group)
    const percent = group.promotions.find((p) => p.tier === facts?.tier_paid)?.percent ?? 0
    const paidUnits = await groups.placePurchase(purchase.id, {
      order_id: input.order_id,
      paid_percent: String(percent),
      eligible_subtotal: facts?.eligible_subtotal ?? "0",
      discount_paid: facts?.discount_paid ?? "0",
    })
    if (paidUnits === null) return new StepResponse(null as Attached)
    const reached = tierFor(paidUnits, group.campaign.tiers)
    const announce = reached.tier > 0 && (await groups.claimTierAnnouncement(group.id, reached.tier))
    return new StepResponse({ group_id: group.id, code: group.code, tier: reached.tier, percent: reached.percent, announce } as Attached)
  }
)

export const attachGroupPurchaseWorkflow = createWorkflow("attach-group-purchase", (input: { order_id: string }) => {
  const attached = attachGroupPurchaseStep(input)
  when("tier-reached", { attached }, ({ attached }) => Boolean(attached?.announce)).then(() => {
    emitEventStep({
      eventName: GROUP_ORDER_TIER_REACHED_EVENT,
      data: transform({ attached }, ({ attached }) => ({ id: attached!.group_id, code: attached!.code, tier: attached!.tier, percent: attached!.percent })),
    })
  })
  return new WorkflowResponse(attached)
})
