import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PREORDER_MODULE } from "../../../../modules/preorder"
import type PreorderModuleService from "../../../../modules/preorder/service"
import { adminPlan } from "../../../serializers/preorder"
import type { AdminDropLiveType } from "../../../schemas/drops"

/**
 * GET /admin/drops/live?product_id=&minutes=60: orders and units per minute over
 * the last `minutes` (zeros included) and units left per version, for an album
 * or, without product_id, every active plan. Polled by the Drops page's live view.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminDropLiveType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const preorders: PreorderModuleService = req.scope.resolve(PREORDER_MODULE)
  const plans = await preorders.listPreorderPlans(q.product_id ? { product_id: q.product_id } : { status: ["active"] }, {
    order: { release_date: "ASC", id: "ASC" },
    take: 200,
  })
  const until = new Date()
  const since = new Date(until.getTime() - (q.minutes - 1) * 60_000)
  const ids = plans.map((p) => p.id)
  const [minutes, units] = await Promise.all([preorders.unitsPerMinute(ids, since, until), preorders.unitsByStatus(ids)])
  const totals = minutes.reduce((t, m) => ({ orders: t.orders + m.orders, units: t.units + m.units }), { orders: 0, units: 0 })
  res.json({
    since: since.toISOString(),
    until: until.toISOString(),
    minutes,
    totals,
    versions: plans.map((p) => {
      const plan = adminPlan(p, units[p.id], until)
      return {
        plan_id: plan.id,
        product_id: plan.product_id,
        variant_id: plan.variant_id,
        state: plan.state,
        cap: plan.cap,
        reserved_units: plan.reserved_units,
        remaining_units: plan.remaining_units,
        benefit_remaining: plan.benefit_remaining,
        units: plan.units,
      }
    }),
  })
}
