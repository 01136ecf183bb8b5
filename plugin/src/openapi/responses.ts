import { z } from "zod"

/**
 * Shapes of what Comeback's store routes answer, as zod schemas: the OpenAPI
 * document is generated from them and the storefront tests parse real
 * responses with them, so the document cannot drift from what is sent.
 * `.strict()`: a field the route adds without saying so here fails the tests.
 */
const when = z.string().datetime()
const count = z.number().int().min(0)

export const StorePreorderPlanSchema = z
  .object({
    id: z.string(),
    product_id: z.string(),
    variant_id: z.string(),
    state: z.enum(["upcoming", "open", "closed", "released"]).nullable(),
    release_date: when,
    window_opens_at: when,
    window_closes_at: when,
    estimated_ship_date: when.nullable(),
    remaining_units: count.nullable().describe("null: uncapped"),
    sold_out: z.boolean(),
    per_customer_limit: count.nullable(),
    benefit_note: z.string().nullable(),
    benefit_remaining: count.nullable().describe("null: no limited benefit"),
  })
  .strict()

export const StorePreorderLineSchema = z
  .object({
    id: z.string(),
    status: z.enum(["reserved", "pending", "ready", "cancelled"]),
    release_date: when,
    ordered_release_date: when,
    benefit_units: count,
    released_at: when.nullable(),
    cancelled_at: when.nullable(),
    cancel_reason: z.string().nullable(),
  })
  .strict()

export const StoreCustomerPreorderSchema = z
  .object({
    id: z.string(),
    order_id: z.string().nullable(),
    order_line_item_id: z.string().nullable(),
    variant_id: z.string(),
    quantity: count,
    status: z.enum(["reserved", "pending", "ready", "cancelled"]),
    release_date: when,
    ordered_release_date: when,
    delayed: z.boolean(),
    can_cancel: z.boolean(),
    benefit_units: count,
    benefit: z.string().nullable(),
    cancelled_at: when.nullable(),
    cancel_reason: z.string().nullable(),
  })
  .strict()

const Tier = z.object({ min_units: count, percent: z.number() })

export const StoreGroupOrderSchema = z
  .object({
    code: z.string(),
    status: z.enum(["open", "settling", "settled", "cancelled"]),
    campaign: z.object({
      id: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      tiers: z.array(Tier),
      starts_at: when,
      ends_at: when,
      max_members: count.nullable(),
      max_units_per_member: count.nullable(),
      currency_code: z.string(),
    }),
    deadline: when,
    units: count,
    member_count: count,
    final_tier: count.nullable(),
    final_percent: z.number().nullable(),
    settled_at: when.nullable(),
  })
  .passthrough() // plus the tier progress fields of lib/tiers progressOf

export const StoreGroupCampaignSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    product_ids: z.array(z.string()).nullable(),
    variant_ids: z.array(z.string()).nullable(),
    tiers: z.array(Tier),
    starts_at: when,
    ends_at: when,
    max_units_per_member: count.nullable(),
    max_members: count.nullable(),
    currency_code: z.string(),
  })
  .strict()

export const StoreAppSessionSchema = z
  .object({ token: z.string(), expires_at: when, device_id: z.string(), platform: z.string(), sales_channel_id: z.string() })
  .strict()

export const StoreGiveawayEntrySchema = z
  .object({ id: z.string(), source: z.string(), entries: count, active_entries: count })
  .passthrough()

export const StoreGiveawaySchema = z
  .object({ id: z.string(), title: z.string(), status: z.string(), starts_at: when, ends_at: when })
  .passthrough()

/** Every error, Medusa's and ours: `message` names the field (`promo_codes: …`) or says why in fans' words. */
export const ErrorSchema = z
  .object({
    type: z.string().describe("e.g. invalid_data, not_allowed, not_found, unauthorized"),
    message: z.string(),
    code: z.string().optional(),
    reason: z.string().optional().describe("machine-readable refusal (free entries: daily_limit, cap, …)"),
    retry_at: when.optional(),
  })
  .passthrough()

export const Page = { count, limit: count, offset: count }
