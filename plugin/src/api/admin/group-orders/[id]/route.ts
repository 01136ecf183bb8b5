import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_ORDER_MODULE } from "../../../../modules/group-order"
import type GroupOrderModuleService from "../../../../modules/group-order/service"
import { withLeaders } from "../../../utils/group-leaders"
import { adminGroup } from "../../../serializers/group-order"

const decimal = (value: unknown) => (value === null || value === undefined ? null : String(value))

/** GET /admin/group-orders/:id: the group, its members and every purchase with what was paid and refunded. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const group = await groups.retrieveGroupOrder(req.params.id, { relations: ["campaign"] })
  const [members, purchases] = await Promise.all([
    groups.listGroupMembers({ group_id: group.id }, { order: { created_at: "ASC" } }),
    groups.listGroupPurchases({ group_id: group.id }, { order: { created_at: "ASC" } }),
  ])
  const [withLeader] = await withLeaders(req.scope, [adminGroup(group)])
  res.json({
    group_order: {
      ...withLeader,
      members: members
        .filter((m) => m.units > 0 || purchases.some((p) => p.member_id === m.id && p.status !== "reserved"))
        .map((m) => ({ id: m.id, email: m.email, customer_id: m.customer_id, units: m.units, joined_at: m.created_at })),
      purchases: purchases.map((p) => ({
        id: p.id,
        member_id: p.member_id,
        email: p.email,
        customer_id: p.customer_id,
        order_id: p.order_id,
        units: p.units,
        status: p.status,
        paid_percent: decimal(p.paid_percent),
        eligible_subtotal: decimal(p.eligible_subtotal),
        discount_paid: decimal(p.discount_paid),
        refund_status: p.refund_status,
        refund_amount: decimal(p.refund_amount),
        refund_id: p.refund_id,
        refund_error: p.refund_error,
        refunded_at: p.refunded_at,
        created_at: p.created_at,
      })),
    },
  })
}
