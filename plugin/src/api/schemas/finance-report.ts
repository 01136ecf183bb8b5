import { z } from "zod"
import { isTimeZone } from "../../lib/finance-report/time"

/** ISO 8601 date-time with an explicit offset: a report's range means the same instant everywhere. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const instant = z
  .string({ required_error: "Required (an ISO 8601 date-time with offset, e.g. 2026-11-01T00:00:00+09:00)" })
  .regex(ISO_WITH_OFFSET, "must be an ISO 8601 date-time with an offset, e.g. 2026-11-01T00:00:00+09:00")
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), "is not a valid date")

/** `a,b` or repeated `x=a&x=b`. */
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(item).min(1)).optional()

export const ORDER_STATUSES = ["pending", "completed", "draft", "archived", "canceled", "requires_action"] as const
export const PAYMENT_STATUSES = [
  "not_paid", "awaiting", "authorized", "partially_authorized", "captured", "partially_captured",
  "partially_refunded", "refunded", "canceled", "requires_action",
] as const

const flag = z.preprocess((value) => (value === "true" ? true : value === "false" ? false : value), z.boolean())
const timeZone = z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Asia/Seoul")

const range = {
  from: instant,
  to: instant,
  sales_channel_id: list(z.string().min(1)),
  region_id: list(z.string().min(1)),
  status: list(z.enum(ORDER_STATUSES)),
  payment_status: list(z.enum(PAYMENT_STATUSES)),
  tz: timeZone.optional(),
}
const file = {
  format: z.enum(["csv", "json"]).default("csv"),
  granularity: z.enum(["order", "line_item"]).default("order"),
  totals: flag.default(false),
}
const toAfterFrom = (value: { from: Date; to: Date }, ctx: z.RefinementCtx) => {
  if (value.to <= value.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" })
}

/** GET /admin/reports/orders: streamed; `after` (an order id) and `limit` page through it by keyset. */
export const AdminOrderReport = z
  .object({
    ...range,
    ...file,
    after: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .superRefine(toAfterFrom)
export type AdminOrderReportType = z.infer<typeof AdminOrderReport>

/** POST /admin/reports/order-exports: the same report, written to a file in the background. */
export const AdminCreateOrderExport = z
  .object({ ...range, ...file })
  .strict()
  .superRefine(toAfterFrom)
export type AdminCreateOrderExportType = z.infer<typeof AdminCreateOrderExport>

/** GET /admin/reports/summary */
export const AdminReportSummary = z
  .object({
    from: range.from,
    to: range.to,
    sales_channel_id: range.sales_channel_id,
    region_id: range.region_id,
    status: range.status,
    tz: range.tz,
  })
  .strict()
  .superRefine(toAfterFrom)
export type AdminReportSummaryType = z.infer<typeof AdminReportSummary>

/** GET /admin/reports/order-exports: the export history, newest first. */
export const AdminListOrderExports = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type AdminListOrderExportsType = z.infer<typeof AdminListOrderExports>
