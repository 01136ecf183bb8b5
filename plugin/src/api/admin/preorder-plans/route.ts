import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { createPreorderPlanWorkflow } from "../../../workflows/preorder/manage-preorder-plans"
import { asArray } from "../../utils/validate"
import { adminPlan } from "../../serializers/preorder"
import type { AdminCreatePreorderPlanType, AdminListPreorderPlansType } from "../../schemas/preorder"

/** GET /admin/preorder-plans: filter by status, product, variant, release range; paginated, with unit counts. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListPreorderPlansType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const filters: Record<string, unknown> = {}
  if (q.status) filters.status = asArray(q.status)
  if (q.product_id) filters.product_id = asArray(q.product_id)
  if (q.variant_id) filters.variant_id = asArray(q.variant_id)
  if (q.release_from || q.release_to) {
    filters.release_date = { ...(q.release_from ? { $gte: q.release_from } : {}), ...(q.release_to ? { $lte: q.release_to } : {}) }
  }
  if (q.state) filters.$or = asArray(q.state)!.map((state) => stateFilter(state, new Date()))
  const field = q.order.replace("-", "")
  const [plans, count] = await preorders.listAndCountPreorderPlans(filters, {
    skip: q.offset,
    take: q.limit,
    order: { [field]: q.order.startsWith("-") ? "DESC" : "ASC", id: "ASC" },
  })
  const units = await preorders.unitsByStatus(plans.map((p) => p.id))
  res.json({ preorder_plans: plans.map((p) => adminPlan(p, units[p.id])), count, limit: q.limit, offset: q.offset })
}

/** Conditions for a plan state at `now` (the same rules as planState, in the database). */
function stateFilter(state: "upcoming" | "open" | "closed" | "released", now: Date): Record<string, unknown> {
  switch (state) {
    case "released":
      return { status: "released" }
    case "upcoming":
      return { status: "active", window_opens_at: { $gt: now } }
    case "open":
      return {
        status: "active",
        window_opens_at: { $lte: now },
        release_date: { $gt: now },
        $or: [{ window_closes_at: null }, { window_closes_at: { $gt: now } }],
      }
    case "closed":
      return { status: "active", window_opens_at: { $lte: now }, $or: [{ release_date: { $lte: now } }, { window_closes_at: { $lte: now } }] }
  }
}

/** POST /admin/preorder-plans: a plan for one variant (album version). */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreatePreorderPlanType>, res: MedusaResponse) {
  const { result } = await createPreorderPlanWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ preorder_plan: adminPlan(result, undefined) })
}
