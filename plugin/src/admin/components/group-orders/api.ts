import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminDelete, adminGet, adminPost } from "../../lib/sdk"

/** What our admin routes return (src/api/serializers/group-order.ts and friends). */
export type Tier = { min_units: number; percent: number }
export type CampaignStats = { groups: number; open_groups: number; paid_units: number; members: number }
export type GroupCampaign = {
  id: string
  title: string
  description: string | null
  status: "active" | "closed"
  product_ids: string[]
  variant_ids: string[]
  tiers: Tier[]
  starts_at: string
  ends_at: string
  max_units_per_member: number | null
  max_members: number | null
  currency_code: string
  region_id: string | null
  promotion_campaign_id: string | null
  closed_at: string | null
  created_at: string
  stats: CampaignStats | null
}
export type GroupStatus = "open" | "settling" | "settled" | "cancelled"
export type TierPromotion = { tier: number; percent: number; promotion_id: string; code: string }
export type Group = {
  id: string
  code: string
  status: GroupStatus
  campaign_id: string
  campaign: { id: string; title: string; tiers: Tier[]; ends_at: string; currency_code: string; max_members: number | null; max_units_per_member: number | null }
  leader_customer_id: string
  leader: { id: string; email: string; name: string | null } | null
  units: number
  /** The stored counter `units` shows; the list sorts by it. */
  paid_units?: number
  held_units: number
  member_count: number
  current_tier: number
  current_percent: number
  next_tier: { tier: number; min_units: number; percent: number } | null
  units_to_next: number | null
  final_tier: number | null
  final_percent: number | null
  settled_at: string | null
  cancelled_at: string | null
  created_at: string
  promotions: TierPromotion[]
  settlement: { attempts: number; last_attempt_at: string; last_error: string | null; unsettled_purchases: number } | null
}
export type Purchase = {
  id: string
  member_id: string
  email: string
  customer_id: string | null
  order_id: string | null
  units: number
  status: "reserved" | "placed" | "cancelled"
  paid_percent: string | null
  eligible_subtotal: string | null
  discount_paid: string | null
  refund_status: "pending" | "not_owed" | "refunded" | "failed"
  refund_amount: string | null
  refund_id: string | null
  refund_error: string | null
  refunded_at: string | null
  created_at: string
}
export type GroupDetail = Group & {
  members: { id: string; email: string; customer_id: string | null; units: number; joined_at: string }[]
  purchases: Purchase[]
}
export type SettlementPreview = {
  group_id: string
  code: string
  status: GroupStatus
  currency_code: string
  paid_units: number
  final_tier: number
  final_percent: number
  refunds: number
  total_refund: string
  purchases: {
    purchase_id: string
    order_id: string | null
    email: string
    units: number
    paid_percent: string | null
    discount_paid: string | null
    refund_status: Purchase["refund_status"]
    action: "refund" | "not_owed" | "settled" | "record" | "fail" | "none"
    refund: string
    discount_due: string | null
    error: string | null
  }[]
}
export type SettlementOutcome = { refunded: number; not_owed: number; failed: number; total_refunded: string; errors: string[] }

export const groupKeys = {
  all: ["comeback", "group-orders"] as const,
  campaigns: (query: object) => [...groupKeys.all, "campaigns", query] as const,
  campaign: (id: string) => [...groupKeys.all, "campaign", id] as const,
  groups: (campaignId: string | null, query: object) => [...groupKeys.all, "groups", campaignId, query] as const,
  group: (id: string) => [...groupKeys.all, "group", id] as const,
  preview: (id: string) => [...groupKeys.all, "preview", id] as const,
  ofPromotion: (id: string) => [...groupKeys.all, "promotion", id] as const,
}

type Page = { count: number; limit: number; offset: number }

export const useCampaigns = (query: { limit: number; offset: number; q?: string; status?: string[]; order?: string }) =>
  useQuery({
    queryKey: groupKeys.campaigns(query),
    queryFn: () => adminGet<{ group_campaigns: GroupCampaign[] } & Page>("/admin/group-campaigns", query as any),
    placeholderData: keepPreviousData,
  })

export const useCampaign = (id: string) =>
  useQuery({ queryKey: groupKeys.campaign(id), queryFn: () => adminGet<{ group_campaign: GroupCampaign }>(`/admin/group-campaigns/${id}`) })

export const useCampaignGroups = (campaignId: string | null, query: { limit: number; offset: number; q?: string; status?: string[]; order?: string }) =>
  useQuery({
    queryKey: groupKeys.groups(campaignId, query),
    queryFn: () =>
      adminGet<{ groups: Group[] } & Page>(campaignId ? `/admin/group-campaigns/${campaignId}/groups` : "/admin/group-orders", query as any),
    placeholderData: keepPreviousData,
  })

export const useGroup = (id: string) =>
  useQuery({ queryKey: groupKeys.group(id), queryFn: () => adminGet<{ group_order: GroupDetail }>(`/admin/group-orders/${id}`) })

export const useSettlementPreview = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: groupKeys.preview(id),
    queryFn: () => adminGet<{ settlement_preview: SettlementPreview }>(`/admin/group-orders/${id}/settlement-preview`),
    enabled,
  })

export const usePromotionGroup = (promotionId: string) =>
  useQuery({
    queryKey: groupKeys.ofPromotion(promotionId),
    queryFn: () =>
      adminGet<{ group_order: (Group & { campaign_title: string }) | null; tier: { tier: number; percent: number; min_units: number | null; of: number } | null }>(
        `/admin/promotions/${promotionId}/group-order`
      ),
  })

/** Every mutation refreshes every group-order query: lists, counts and progress all move together. */
function useGroupMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all }) })
}

export const useSaveCampaign = (id?: string) =>
  useGroupMutation((body: Record<string, unknown>) =>
    adminPost<{ group_campaign: GroupCampaign }>(id ? `/admin/group-campaigns/${id}` : "/admin/group-campaigns", body)
  )
export const useCloseCampaign = (id: string) => useGroupMutation<void, { group_campaign: GroupCampaign }>(() => adminPost<{ group_campaign: GroupCampaign }>(`/admin/group-campaigns/${id}/close`))
export const useSettleGroup = (id: string) =>
  useGroupMutation<void, { group_order: Group; outcome: SettlementOutcome }>(() => adminPost<{ group_order: Group; outcome: SettlementOutcome }>(`/admin/group-orders/${id}/settle`))
export const useCancelGroup = (id: string) => useGroupMutation<void, { group_order: Group }>(() => adminPost<{ group_order: Group }>(`/admin/group-orders/${id}/cancel`))

/** App-only offers. */
export type AppPromotion = {
  id: string
  promotion_id: string
  code: string
  sales_channel_ids: string[]
  title: string | null
  description: string | null
  public_code: boolean
  per_customer_limit: number | null
  per_device_limit: number | null
  created_at: string
}
export type AppUses = { placed: number; reserved: number; cancelled: number }
export type AppChannel = {
  id: string
  sales_channel_id: string
  sales_channel_name: string | null
  platform: "ios" | "android" | "both"
  provider_id: string
  session_ttl_minutes: number
  active: boolean
  live_sessions: number
}
export type ProviderStatus = { id: string; ready: boolean; details: { key_ids?: string[]; demo_key_ids?: string[]; problem?: string; warning?: string } & Record<string, unknown> }

export const appKeys = {
  all: ["comeback", "app-offers"] as const,
  channels: () => [...appKeys.all, "channels"] as const,
  promotions: (query: object) => [...appKeys.all, "promotions", query] as const,
  promotion: (id: string) => [...appKeys.all, "promotion", id] as const,
}

export const useAppChannels = () =>
  useQuery({ queryKey: appKeys.channels(), queryFn: () => adminGet<{ app_channels: AppChannel[]; providers: ProviderStatus[] }>("/admin/app-channels") })

export const useAppPromotions = (query: { limit: number; offset: number }) =>
  useQuery({
    queryKey: appKeys.promotions(query),
    queryFn: () => adminGet<{ app_promotions: (AppPromotion & { orders: number; uses: AppUses })[] } & Page>("/admin/app-promotions", query),
    placeholderData: keepPreviousData,
  })

export const usePromotionAppOffer = (promotionId: string) =>
  useQuery({
    queryKey: appKeys.promotion(promotionId),
    queryFn: () => adminGet<{ app_promotion: AppPromotion | null; uses: AppUses }>(`/admin/promotions/${promotionId}/app-channels`),
  })

function useAppMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: appKeys.all }) })
}

export const useMarkAppExclusive = (promotionId: string) =>
  useAppMutation((body: Record<string, unknown>) => adminPost<{ app_promotion: AppPromotion }>(`/admin/promotions/${promotionId}/app-channels`, body))
export const useUnmarkAppExclusive = (promotionId: string) => useAppMutation<void, unknown>(() => adminDelete(`/admin/promotions/${promotionId}/app-channels`))
export const useConfigureAppChannel = () => useAppMutation((body: Record<string, unknown>) => adminPost<{ app_channel: AppChannel }>("/admin/app-channels", body))
