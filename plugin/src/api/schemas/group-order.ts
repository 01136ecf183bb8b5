import { z } from "zod"
import { count, paging as listPaging } from "../utils/validate"
import { tierProblems } from "../../modules/group-order/lib/tiers"

const date = z.coerce.date()
const positive = count.min(1)

const tier = z.object({ min_units: positive, percent: z.number().gt(0).max(100) }).strict()
const tiers = z.array(tier).min(1).max(10).superRefine((list, ctx) => {
  // Strictly increasing in units and percent; each problem names its index.
  for (const problem of tierProblems(list)) {
    const [path, message] = problem.split(": ")
    ctx.addIssue({ code: "custom", path: path.split(".").slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })
  }
})

/** Fields staff may set on a campaign. */
const campaignFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  product_ids: z.array(z.string().min(1).max(100)).max(500).optional(),
  variant_ids: z.array(z.string().min(1).max(100)).max(2000).optional(),
  tiers,
  starts_at: date,
  ends_at: date,
  max_units_per_member: positive.nullish(),
  max_members: count.min(2).nullish(),
  currency_code: z.string().trim().length(3).transform((code) => code.toLowerCase()),
  region_id: z.string().min(1).nullish(),
  metadata: z.record(z.unknown()).nullish(),
}

export const AdminCreateGroupCampaign = z
  .object({ ...campaignFields, starts_at: date.optional() })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.product_ids?.length && !c.variant_ids?.length) {
      ctx.addIssue({ code: "custom", path: ["product_ids"], message: "give product_ids or variant_ids: the products the group counts" })
    }
    if (c.starts_at && c.ends_at <= c.starts_at) ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must be after starts_at" })
    if (c.ends_at <= new Date()) ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must be in the future" })
  })
export type AdminCreateGroupCampaignType = z.infer<typeof AdminCreateGroupCampaign>

export const AdminUpdateGroupCampaign = z
  .object({
    title: campaignFields.title.optional(),
    description: campaignFields.description,
    product_ids: campaignFields.product_ids,
    variant_ids: campaignFields.variant_ids,
    tiers: tiers.optional(),
    starts_at: date.optional(),
    ends_at: date.optional(),
    max_units_per_member: campaignFields.max_units_per_member,
    max_members: campaignFields.max_members,
    region_id: campaignFields.region_id,
    metadata: campaignFields.metadata,
  })
  .strict()
export type AdminUpdateGroupCampaignType = z.infer<typeof AdminUpdateGroupCampaign>

const paging = listPaging()
const list = (value: z.ZodTypeAny) => z.union([value, z.array(value)]).optional()

export const AdminListGroupCampaigns = z
  .object({
    ...paging,
    q: z.string().optional(),
    status: list(z.enum(["active", "closed"])),
    order: z.enum(["ends_at", "-ends_at", "created_at", "-created_at"]).default("-created_at"),
  })
  .strict()
export type AdminListGroupCampaignsType = z.infer<typeof AdminListGroupCampaigns>

export const AdminListGroups = z
  .object({
    ...paging,
    q: z.string().optional(),
    status: list(z.enum(["open", "settling", "settled", "cancelled"])),
    order: z.enum(["paid_units", "-paid_units", "created_at", "-created_at"]).default("-paid_units"),
  })
  .strict()
export type AdminListGroupsType = z.infer<typeof AdminListGroups>

/** Every group across campaigns (the promotions list's group panel, search by code). */
export const AdminListAllGroups = AdminListGroups.extend({ campaign_id: list(z.string().min(1)) }).strict()
export type AdminListAllGroupsType = z.infer<typeof AdminListAllGroups>

export const StoreStartGroupOrder = z.object({ campaign_id: z.string().min(1) }).strict()
export type StoreStartGroupOrderType = z.infer<typeof StoreStartGroupOrder>

export const StoreJoinGroupOrder = z
  .object({ code: z.string().trim().min(4).max(20).regex(/^[A-Za-z0-9 -]+$/, "letters and digits only") })
  .strict()
export type StoreJoinGroupOrderType = z.infer<typeof StoreJoinGroupOrder>
