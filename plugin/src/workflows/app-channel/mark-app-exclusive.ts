import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse, WorkflowResponse, createStep, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { APP_CHANNEL_MODULE } from "../../modules/app-channel"
import type AppChannelModuleService from "../../modules/app-channel/service"
import { APP_SESSION_RULE_ATTRIBUTE, APP_SESSION_VERIFIED } from "../../modules/app-channel/promotion-rules"

export type MarkAppExclusiveInput = {
  promotion_id: string
  sales_channel_ids: string[]
  title?: string | null
  description?: string | null
  public_code?: boolean
  per_customer_limit?: number | null
  per_device_limit?: number | null
}

const OUR_RULES = ["sales_channel_id", APP_SESSION_RULE_ATTRIBUTE]

/**
 * Puts (or replaces) Medusa's own promotion rules that make a promotion
 * app-only: `sales_channel_id in <app channels>` and `app_session.verified = true`.
 * Totals stay native: Medusa's engine applies the promotion only when both hold.
 */
const setAppRulesStep = createStep(
  "set-app-promotion-rules",
  async (input: { promotion_id: string; sales_channel_ids: string[] | null }, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    const [promotion] = await promotions.listPromotions({ id: input.promotion_id }, { relations: ["rules", "rules.values"] })
    if (!promotion) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Promotion ${input.promotion_id} was not found`)
    const previous = (promotion.rules ?? []).filter((r: any) => OUR_RULES.includes(r.attribute))
    if (previous.length) await promotions.removePromotionRules(promotion.id, previous.map((r: any) => r.id))
    if (input.sales_channel_ids) {
      await promotions.addPromotionRules(promotion.id, [
        { attribute: "sales_channel_id", operator: "in", values: input.sales_channel_ids },
        { attribute: APP_SESSION_RULE_ATTRIBUTE, operator: "eq", values: [APP_SESSION_VERIFIED] },
      ])
    }
    return new StepResponse(
      { id: promotion.id, code: promotion.code! },
      { id: promotion.id, previous: previous.map((r: any) => ({ attribute: r.attribute, operator: r.operator, values: r.values.map((v: any) => v.value) })) }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const promotions = container.resolve(Modules.PROMOTION)
    const [promotion] = await promotions.listPromotions({ id: undo.id }, { relations: ["rules"] })
    const ours = (promotion?.rules ?? []).filter((r: any) => OUR_RULES.includes(r.attribute))
    if (ours.length) await promotions.removePromotionRules(undo.id, ours.map((r: any) => r.id))
    if (undo.previous.length) await promotions.addPromotionRules(undo.id, undo.previous)
  }
)

const upsertAppPromotionStep = createStep(
  "upsert-app-promotion",
  async (input: MarkAppExclusiveInput & { code: string }, { container }) => {
    const service: AppChannelModuleService = container.resolve(APP_CHANNEL_MODULE)
    const channels = await service.listAppChannels({ sales_channel_id: input.sales_channel_ids, active: true })
    const missing = input.sales_channel_ids.filter((id) => !channels.some((c) => c.sales_channel_id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `sales_channel_ids: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not an app channel; configure it at /admin/app-channels first`)
    }
    const [existing] = await service.listAppPromotions({ promotion_id: input.promotion_id })
    const fields = {
      promotion_id: input.promotion_id,
      code: input.code,
      sales_channel_ids: input.sales_channel_ids as any,
      title: input.title ?? existing?.title ?? null,
      description: input.description ?? existing?.description ?? null,
      public_code: input.public_code ?? existing?.public_code ?? true,
      per_customer_limit: input.per_customer_limit === undefined ? existing?.per_customer_limit ?? null : input.per_customer_limit,
      per_device_limit: input.per_device_limit === undefined ? existing?.per_device_limit ?? null : input.per_device_limit,
    }
    const saved = existing ? await service.updateAppPromotions({ id: existing.id, ...fields }) : await service.createAppPromotions(fields)
    return new StepResponse(saved, { created: existing ? null : saved.id, previous: existing ?? null })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service: AppChannelModuleService = container.resolve(APP_CHANNEL_MODULE)
    if (undo.created) await service.deleteAppPromotions([undo.created])
    if (undo.previous) await service.updateAppPromotions(undo.previous)
  }
)

const removeAppPromotionStep = createStep("remove-app-promotion", async (input: { promotion_id: string }, { container }) => {
  const service: AppChannelModuleService = container.resolve(APP_CHANNEL_MODULE)
  const [existing] = await service.listAppPromotions({ promotion_id: input.promotion_id })
  if (!existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Promotion ${input.promotion_id} is not app-exclusive`)
  await service.softDeleteAppPromotions([existing.id])
  return new StepResponse(existing, existing.id)
}, async (id, { container }) => {
  if (!id) return
  const service: AppChannelModuleService = container.resolve(APP_CHANNEL_MODULE)
  await service.restoreAppPromotions([id])
})

/** Marks a Medusa promotion app-exclusive for app channels, with per-customer and per-device limits. */
export const markAppExclusiveWorkflow = createWorkflow("mark-app-exclusive-promotion", (input: MarkAppExclusiveInput) => {
  const promotion = setAppRulesStep({ promotion_id: input.promotion_id, sales_channel_ids: input.sales_channel_ids })
  const saved = upsertAppPromotionStep(transform({ input, promotion }, ({ input, promotion }) => ({ ...input, code: promotion.code })))
  return new WorkflowResponse(saved)
})

/** Unmarks it: our rules leave the promotion, which becomes an ordinary promotion again. */
export const unmarkAppExclusiveWorkflow = createWorkflow("unmark-app-exclusive-promotion", (input: { promotion_id: string }) => {
  const removed = removeAppPromotionStep(input)
  setAppRulesStep({ promotion_id: input.promotion_id, sales_channel_ids: null })
  return new WorkflowResponse(removed)
})
