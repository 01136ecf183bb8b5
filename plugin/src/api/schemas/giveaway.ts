import { z } from "zod"
import { count, httpUrl, paging as listPaging } from "../utils/validate"

const date = z.coerce.date()
const ids = z.array(z.string().min(1)).max(500)
const country = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, "must be a 2-letter country code (ISO 3166-1 alpha-2)")
  .transform((code) => code.toLowerCase())

/** Settings staff may set on a giveaway (what may change when is checked by lib/lifecycle.ts). */
const giveawayFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullish(),
  prize: z.string().trim().min(1).max(500),
  winners_count: count.min(1).max(1000),
  alternates_count: count.max(1000),
  product_ids: ids.nullish(),
  variant_ids: ids.nullish(),
  entries_per_unit: count.min(1).max(1000),
  max_entries_per_customer: count.min(1).max(1_000_000).nullish(),
  starts_at: date,
  ends_at: date,
  eligible_countries: z.array(country).max(250).nullish(),
  min_age: count.max(120).nullish(),
  rules_text: z.string().max(50_000).nullish(),
  rules_url: httpUrl.nullish(),
  free_entry_enabled: z.boolean(),
  free_entries_per_day: count.min(1).max(100),
  claim_days: count.min(1).max(365),
  metadata: z.record(z.unknown()).nullish(),
}

export const AdminCreateGiveaway = z
  .object({
    ...giveawayFields,
    winners_count: giveawayFields.winners_count.optional(),
    alternates_count: giveawayFields.alternates_count.optional(),
    entries_per_unit: giveawayFields.entries_per_unit.optional(),
    starts_at: giveawayFields.starts_at.optional(),
    free_entry_enabled: giveawayFields.free_entry_enabled.optional(),
    free_entries_per_day: giveawayFields.free_entries_per_day.optional(),
    claim_days: giveawayFields.claim_days.optional(),
    status: z.enum(["draft", "live"]).optional(),
  })
  .strict()
export type AdminCreateGiveawayType = z.infer<typeof AdminCreateGiveaway>

export const AdminUpdateGiveaway = z
  .object({ ...giveawayFields, status: z.enum(["draft", "live", "closed"]) })
  .partial()
  .strict()
export type AdminUpdateGiveawayType = z.infer<typeof AdminUpdateGiveaway>

const paging = listPaging()
const list = (value: z.ZodTypeAny) => z.union([value, z.array(value)]).optional()
const flag = z.enum(["true", "false"]).transform((v) => v === "true")

export const AdminListGiveaways = z
  .object({
    ...paging,
    status: list(z.enum(["draft", "live", "drawn", "closed"])),
    q: z.string().max(200).optional(),
    order: z.enum(["created_at", "-created_at", "ends_at", "-ends_at", "title", "-title"]).default("-created_at"),
  })
  .strict()
export type AdminListGiveawaysType = z.infer<typeof AdminListGiveaways>

export const AdminListGiveawayEntries = z
  .object({
    ...paging,
    source: list(z.enum(["purchase", "free"])),
    customer_id: z.string().optional(),
    order_id: z.string().optional(),
    email: z.string().optional(),
    /** true: only rows with voided entries; false: only rows without. */
    voided: flag.optional(),
    /** csv: every matching row (paging ignored), as a spreadsheet-safe download. */
    format: z.enum(["json", "csv"]).default("json"),
  })
  .strict()
export type AdminListGiveawayEntriesType = z.infer<typeof AdminListGiveawayEntries>

export const AdminListGiveawayAudit = z.object({ ...paging, action: list(z.string()) }).strict()
export type AdminListGiveawayAuditType = z.infer<typeof AdminListGiveawayAudit>

export const AdminDrawGiveaway = z
  .object({
    // Named so that a client still sending it learns why it is refused.
    public_value: z
      .unknown()
      .refine((v) => v === undefined, "the draw uses the randomness of the beacon round committed at go-live; staff cannot enter a value")
      .optional(),
  })
  .strict()
export type AdminDrawGiveawayType = z.infer<typeof AdminDrawGiveaway>

export const AdminDisqualifyGiveawayWinner = z.object({ reason: z.string().trim().min(1).max(1000) }).strict()
export type AdminDisqualifyGiveawayWinnerType = z.infer<typeof AdminDisqualifyGiveawayWinner>

export const AdminClaimGiveawayPrize = z.object({ note: z.string().max(1000).optional() }).strict()
export type AdminClaimGiveawayPrizeType = z.infer<typeof AdminClaimGiveawayPrize>

export const StoreListGiveaways = z.object({ ...paging, product_id: list(z.string()) }).strict()
export type StoreListGiveawaysType = z.infer<typeof StoreListGiveaways>

export const StoreGiveawayFreeEntry = z
  .object({
    age_confirmed: z.boolean().optional(),
    country_code: country.optional(),
    region: z.string().trim().max(100).optional(),
  })
  .strict()
export type StoreGiveawayFreeEntryType = z.infer<typeof StoreGiveawayFreeEntry>

export const StoreListMyGiveawayEntries = z.object({ ...paging, giveaway_id: z.string().optional() }).strict()
export type StoreListMyGiveawayEntriesType = z.infer<typeof StoreListMyGiveawayEntries>
