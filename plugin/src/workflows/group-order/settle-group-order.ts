import { PromotionStatus } from "@medusajs/framework/utils"
import { WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { cancelGroupStep, finishSettlementStep, lockGroupForSettlementStep, refundGroupMembersStep } from "./steps/settlement-steps"
import { setGroupPromotionsStatusStep } from "./steps/group-steps"
import { GROUP_ORDER_CANCELED_EVENT, GROUP_ORDER_SETTLED_EVENT } from "../../modules/group-order/events"

/**
 * Settles a group at its deadline (the job) or on staff's "settle now":
 * lock it at the tier its paid units reach, stop its discounts, refund every
 * member who paid at a lower tier, then mark it settled and tell the members.
 * A lock keeps two runs (the job and a click, or two servers) from
 * overlapping; refunds are marked, so a rerun never refunds anyone twice.
 */
/**
 * How long a settlement may hold its lock: long enough for a big group's
 * provider refunds. A worker that dies mid-settlement holds it until then; the
 * next run finishes the settlement. COMEBACK_SETTLEMENT_LOCK_TTL (seconds)
 * shortens it for the topology test's killed worker.
 */
const SETTLEMENT_LOCK_TTL = Number(process.env.COMEBACK_SETTLEMENT_LOCK_TTL) || 900

export const settleGroupOrderWorkflow = createWorkflow("settle-group-order", (input: { group_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => `group-order-settlement:${input.group_id}`)
  acquireLockStep({ key: lockKey, timeout: 60, ttl: SETTLEMENT_LOCK_TTL })
  const { group } = lockGroupForSettlementStep(input)
  when("stop-discounts", { group }, ({ group }) => group.status === "settling").then(() => {
    setGroupPromotionsStatusStep(
      transform({ group }, ({ group }) => ({ promotion_ids: group.promotions.map((p) => p.promotion_id), status: PromotionStatus.INACTIVE }))
    )
  })
  const outcome = refundGroupMembersStep(input)
  const finished = finishSettlementStep(transform({ input, outcome }, ({ input, outcome }) => ({ group_id: input.group_id, outcome })))
  when("settled-now", { finished }, ({ finished }) => finished.settled_now).then(() => {
    emitEventStep({ eventName: GROUP_ORDER_SETTLED_EVENT, data: transform({ input }, ({ input }) => ({ id: input.group_id })) })
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse({ group: finished.group, outcome })
})

/** Staff cancel a group: no further joins or discounts; members keep what they paid. */
export const cancelGroupOrderWorkflow = createWorkflow("cancel-group-order", (input: { group_id: string }) => {
  const group = cancelGroupStep(input)
  setGroupPromotionsStatusStep(
    transform({ group }, ({ group }) => ({
      promotion_ids: ((group.promotions as unknown as { promotion_id: string }[]) ?? []).map((p) => p.promotion_id),
      status: PromotionStatus.INACTIVE,
    }))
  )
  emitEventStep({ eventName: GROUP_ORDER_CANCELED_EVENT, data: transform({ input }, ({ input }) => ({ id: input.group_id })) })
  return new WorkflowResponse(group)
})
