import { z } from "zod"
import { count, paging } from "../utils/validate"

export const AdminConfigureAppChannel = z
  .object({
    sales_channel_id: z.string().min(1),
    platform: z.enum(["ios", "android", "both"]).default("both"),
    provider_id: z.string().min(1).default("signed-token"),
    session_ttl_minutes: z.number().int().min(1).max(24 * 60).default(30),
    active: z.boolean().default(true),
  })
  .strict()
export type AdminConfigureAppChannelType = z.infer<typeof AdminConfigureAppChannel>

export const AdminMarkAppExclusive = z
  .object({
    sales_channel_ids: z.array(z.string().min(1)).min(1).max(100),
    title: z.string().max(200).nullish(),
    description: z.string().max(2000).nullish(),
    public_code: z.boolean().optional(),
    per_customer_limit: count.min(1).nullish(),
    per_device_limit: count.min(1).nullish(),
  })
  .strict()
export type AdminMarkAppExclusiveType = z.infer<typeof AdminMarkAppExclusive>

export const AdminListAppPromotions = z
  .object({
    ...paging(50),
    sales_channel_id: z.string().optional(),
  })
  .strict()
export type AdminListAppPromotionsType = z.infer<typeof AdminListAppPromotions>

export const StoreOpenAppSession = z
  .object({
    attestation: z.string().min(1).max(8192),
    device_id: z.string().min(1).max(200).optional(),
  })
  .strict()
export type StoreOpenAppSessionType = z.infer<typeof StoreOpenAppSession>
