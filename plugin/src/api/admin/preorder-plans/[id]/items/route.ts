import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"
import { normalizeEmail } from "../../../../../lib/holders"
import { asArray } from "../../../../utils/validate"
import type { AdminListPreorderItemsType } from "../../../../schemas/preorder"

/** GET /admin/preorder-plans/:id/items: who pre-ordered, oldest first (the allocation order). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListPreorderItemsType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const filters: Record<string, unknown> = { plan_id: req.params.id }
  if (q.status) filters.status = asArray(q.status)
  if (q.email) filters.email = normalizeEmail(q.email)
  if (q.order_id) filters.order_id = q.order_id
  const [items, count] = await preorders.listAndCountPreorderItems(filters, {
    skip: q.offset,
    take: q.limit,
    order: { created_at: "ASC", id: "ASC" },
  })
  res.json({ preorder_items: items, count, limit: q.limit, offset: q.offset })
}
