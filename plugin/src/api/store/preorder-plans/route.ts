import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { storePlan } from "../../serializers/preorder"
import { asArray } from "../../utils/validate"
import type { StoreListPreorderPlansType } from "../../schemas/preorder"

/** GET /store/preorder-plans?product_id=…&variant_id=…: live plans with their state, units and benefit left. */
export async function GET(req: MedusaRequest<unknown, StoreListPreorderPlansType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const filters: Record<string, unknown> = { status: ["active", "released"] }
  if (q.product_id) filters.product_id = asArray(q.product_id)
  if (q.variant_id) filters.variant_id = asArray(q.variant_id)
  const plans = await preorders.listPreorderPlans(filters, { order: { release_date: "ASC", id: "ASC" }, take: 200 })
  const now = new Date()
  res.json({ preorder_plans: plans.map((plan) => storePlan(plan, now)) })
}
