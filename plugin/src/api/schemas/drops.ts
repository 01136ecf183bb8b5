import { z } from "zod"
import { isTimeZone } from "../../lib/finance-report/time"

const timeZone = z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Asia/Seoul")

export const AdminDropDaily = z
  .object({
    product_id: z.string().min(1),
    tz: timeZone.default("UTC"),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "must be after from" })
export type AdminDropDailyType = z.infer<typeof AdminDropDaily>

export const AdminDropLive = z
  .object({
    product_id: z.string().min(1).optional(),
    minutes: z.coerce.number().int().min(5).max(240).default(60),
  })
  .strict()
export type AdminDropLiveType = z.infer<typeof AdminDropLive>

export const AdminListOrderPreorderItems = z.object({ order_id: z.string().min(1) }).strict()
export type AdminListOrderPreorderItemsType = z.infer<typeof AdminListOrderPreorderItems>
