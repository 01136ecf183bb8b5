import { z } from "zod"
import { count, paging as listPaging } from "../utils/validate"

const date = z.coerce.date()
/** A release date staff set now: a past one would release (and charge for shipping) at once. */
const futureDate = date.refine((value) => value.getTime() > Date.now(), "must be in the future")

/** Fields staff may set on a plan, at creation and later. */
const planFields = {
  window_opens_at: date.optional(),
  window_closes_at: date.nullish(),
  estimated_ship_date: date.nullish(),
  cap: count.min(1).nullish(),
  per_customer_limit: count.min(1).nullish(),
  benefit_note: z.string().max(500).nullish(),
  benefit_pool: count.nullish(),
  metadata: z.record(z.unknown()).nullish(),
}

export const AdminCreatePreorderPlan = z
  .object({
    ...planFields,
    variant_id: z.string().min(1).max(100),
    release_date: futureDate,
    status: z.enum(["draft", "active"]).optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    if (plan.window_opens_at && plan.window_opens_at >= plan.release_date) {
      ctx.addIssue({ code: "custom", path: ["window_opens_at"], message: "must be before release_date" })
    }
    if (plan.window_closes_at && plan.window_opens_at && plan.window_closes_at <= plan.window_opens_at) {
      ctx.addIssue({ code: "custom", path: ["window_closes_at"], message: "must be after window_opens_at" })
    }
    if (plan.window_closes_at && plan.window_closes_at > plan.release_date) {
      ctx.addIssue({ code: "custom", path: ["window_closes_at"], message: "must not be after release_date" })
    }
  })
export type AdminCreatePreorderPlanType = z.infer<typeof AdminCreatePreorderPlan>

export const AdminUpdatePreorderPlan = z
  .object({
    ...planFields,
    release_date: futureDate.optional(),
    status: z.enum(["draft", "active", "cancelled"]).optional(),
    reason: z.string().max(500).nullish(),
  })
  .strict()
export type AdminUpdatePreorderPlanType = z.infer<typeof AdminUpdatePreorderPlan>

const paging = listPaging()
const list = (value: z.ZodTypeAny) => z.union([value, z.array(value)]).optional()

export const AdminListPreorderPlans = z
  .object({
    ...paging,
    status: list(z.enum(["draft", "active", "released", "cancelled"])),
    /** What fans see now: upcoming / open / closed (active plans by their window) or released. */
    state: list(z.enum(["upcoming", "open", "closed", "released"])),
    product_id: list(z.string()),
    variant_id: list(z.string()),
    release_from: date.optional(),
    release_to: date.optional(),
    order: z.enum(["release_date", "-release_date", "created_at", "-created_at"]).default("release_date"),
  })
  .strict()
export type AdminListPreorderPlansType = z.infer<typeof AdminListPreorderPlans>

export const AdminListPreorderItems = z
  .object({
    ...paging,
    status: list(z.enum(["reserved", "pending", "ready", "cancelled"])),
    email: z.string().optional(),
    order_id: z.string().optional(),
  })
  .strict()
export type AdminListPreorderItemsType = z.infer<typeof AdminListPreorderItems>

export const AdminAllocatePreorderPlan = z.object({ received_quantity: count }).strict()
export type AdminAllocatePreorderPlanType = z.infer<typeof AdminAllocatePreorderPlan>

export const StoreListPreorderPlans = z
  .object({ product_id: list(z.string()), variant_id: list(z.string()) })
  .strict()
export type StoreListPreorderPlansType = z.infer<typeof StoreListPreorderPlans>
