import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import type { PreorderPlanFields } from "../../../modules/preorder/types"

export type UpdatePreorderPlanInput = PreorderPlanFields & {
  id: string
  release_date?: Date
  status?: "draft" | "active" | "cancelled"
  /** Shown to customers with a release-date change. */
  reason?: string | null
}

export type UpdatedPlan = {
  plan: any
  previous_status: string
  date_change: { from: string; to: string; delayed: boolean } | null
}

/**
 * Updates a plan. A release-date change is kept in the plan's date history and
 * carried to every reserved or pending item, so orders show the new date. The
 * cap and the benefit pool cannot drop below what is already sold or given.
 */
export const updatePlanStep = createStep(
  "update-preorder-plan",
  async (input: UpdatePreorderPlanInput, { container }) => {
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const [plan] = await preorders.listPreorderPlans({ id: input.id })
    if (!plan) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-order plan ${input.id} was not found`)
    if (plan.status === "released" && (input.release_date || input.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "release_date: a released plan cannot change its release date or status")
    }
    if (input.cap !== undefined && input.cap !== null && input.cap < plan.reserved_units) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `cap: ${plan.reserved_units} units are already pre-ordered; the cap cannot be lower`)
    }
    if (input.benefit_pool !== undefined && input.benefit_pool !== null && input.benefit_pool < plan.benefits_given) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `benefit_pool: ${plan.benefits_given} benefits are already given; the pool cannot be smaller`)
    }
    const { reason, id, ...changes } = input
    const update: Record<string, unknown> = { id, ...changes }
    let dateChange: UpdatedPlan["date_change"] = null
    let movedItems: { id: string; release_date: Date }[] = []
    const oldDate = new Date(plan.release_date)
    if (input.release_date && new Date(input.release_date).getTime() !== oldDate.getTime()) {
      const to = new Date(input.release_date)
      dateChange = { from: oldDate.toISOString(), to: to.toISOString(), delayed: to.getTime() > oldDate.getTime() }
      const history = (plan.date_history?.changes ?? []) as unknown[]
      update.date_history = {
        changes: [...history, { from: dateChange.from, to: dateChange.to, changed_at: new Date().toISOString(), reason: reason ?? null }],
      }
      const items = await preorders.listPreorderItems({ plan_id: plan.id, status: ["reserved", "pending"] }, { select: ["id", "release_date"] })
      movedItems = items.map((i) => ({ id: i.id, release_date: i.release_date as Date }))
      if (items.length) await preorders.updatePreorderItems(items.map((i) => ({ id: i.id, release_date: to })))
    }
    if (input.status === "active" && !plan.original_release_date) {
      update.original_release_date = input.release_date ?? plan.release_date
    }
    const updated = await preorders.updatePreorderPlans(update)
    const previous = Object.fromEntries(Object.keys(update).map((key) => [key, (plan as Record<string, unknown>)[key]]))
    return new StepResponse(
      { plan: updated, previous_status: plan.status, date_change: dateChange } as UpdatedPlan,
      { previous: { ...previous, id: plan.id }, movedItems }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    await preorders.updatePreorderPlans(undo.previous)
    if (undo.movedItems.length) await preorders.updatePreorderItems(undo.movedItems)
  }
)
