import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import { normalizeCode } from "../../../modules/group-order/lib/code"
import type GroupOrderModuleService from "../../../modules/group-order/service"
import { asArray } from "../../utils/validate"
import { withLeaders } from "../../utils/group-leaders"
import { adminGroup } from "../../serializers/group-order"
import type { AdminListAllGroupsType } from "../../schemas/group-order"

/** GET /admin/group-orders: groups of every campaign (or some), with progress and their tier promotions; filter by status or code. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListAllGroupsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const groups: GroupOrderModuleService = req.scope.resolve(GROUP_ORDER_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.campaign_id) filters.campaign_id = asArray(q.campaign_id)
  if (q.status) filters.status = asArray(q.status)
  if (q.q) filters.code = { $ilike: `%${normalizeCode(q.q)}%` }
  const field = q.order.replace("-", "")
  const [list, count] = await groups.listAndCountGroupOrders(filters, {
    skip: q.offset,
    take: q.limit,
    relations: ["campaign"],
    order: { [field]: q.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
  })
  res.json({ groups: await withLeaders(req.scope, list.map(adminGroup)), count, limit: q.limit, offset: q.offset })
}
