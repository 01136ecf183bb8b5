/**
 * Request and response types of Comeback's routes. Requests are the zod
 * schemas the routes validate with (`z.input`: what a caller may send);
 * responses are the serializers' return types, so both follow the code.
 */
import type { z } from "zod"
import type {
  AdminAllocatePreorderPlan,
  AdminCreatePreorderPlan,
  AdminListPreorderItems,
  AdminListPreorderPlans,
  AdminUpdatePreorderPlan,
  StoreListPreorderPlans,
} from "../api/schemas/preorder"
import type {
  AdminCreateGroupCampaign,
  AdminListGroupCampaigns,
  AdminListGroups,
  AdminUpdateGroupCampaign,
  StoreJoinGroupOrder,
  StoreStartGroupOrder,
} from "../api/schemas/group-order"
import type {
  AdminClaimGiveawayPrize,
  AdminCreateGiveaway,
  AdminDisqualifyGiveawayWinner,
  AdminDrawGiveaway,
  AdminListGiveawayAudit,
  AdminListGiveawayEntries,
  AdminListGiveaways,
  AdminUpdateGiveaway,
  StoreGiveawayFreeEntry,
  StoreListGiveaways,
  StoreListMyGiveawayEntries,
} from "../api/schemas/giveaway"
import type { AdminCreateOrderExport, AdminOrderReport, AdminReportSummary } from "../api/schemas/finance-report"
import type {
  AdminConfigureAppChannel,
  AdminListAppPromotions,
  AdminMarkAppExclusive,
  StoreOpenAppSession,
} from "../api/schemas/app-channel"
import type { adminPlan, customerPreorder, storePlan } from "../api/serializers/preorder"
import type { adminCampaign, adminGroup, groupProgress } from "../api/serializers/group-order"
import type { adminGiveaway, entryRow, storeGiveaway } from "../api/serializers/giveaway"
import type { storePreorderLine } from "../api/utils/store-preorder-fields"
import type { adminOrderExport } from "../lib/finance-report/order-exports"

type Page = { count: number; limit: number; offset: number }
/** What travels as JSON: dates may be sent as ISO strings (the schemas coerce them). */
export type Wire<T> = T extends Date ? Date | string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T

// Store: requests
export type StoreListPreorderPlansQuery = Wire<z.input<typeof StoreListPreorderPlans>>
export type StoreStartGroupOrderBody = Wire<z.input<typeof StoreStartGroupOrder>>
export type StoreJoinGroupOrderBody = Wire<z.input<typeof StoreJoinGroupOrder>>
export type StoreListGiveawaysQuery = Wire<z.input<typeof StoreListGiveaways>>
export type StoreGiveawayFreeEntryBody = Wire<z.input<typeof StoreGiveawayFreeEntry>>
export type StoreListMyGiveawayEntriesQuery = Wire<z.input<typeof StoreListMyGiveawayEntries>>
export type StoreOpenAppSessionBody = Wire<z.input<typeof StoreOpenAppSession>>

// Store: responses
/** A pre-order plan as fans see it; also what `fields=+variants.preorder_plan` and `+items.preorder_plan` return. */
export type StorePreorderPlan = ReturnType<typeof storePlan>
/** An order line's pre-order (`fields=+items.preorder_item` on `/store/orders`). */
export type StorePreorderLine = NonNullable<ReturnType<typeof storePreorderLine>>
export type StoreCustomerPreorder = ReturnType<typeof customerPreorder>
export type StoreGroupOrder = ReturnType<typeof groupProgress>
export type StoreGiveaway = ReturnType<typeof storeGiveaway>
export type StoreGiveawayEntry = Omit<ReturnType<typeof entryRow>, "email" | "customer_id">
export type StoreGroupCampaign = {
  id: string
  title: string
  description: string | null
  product_ids: string[]
  variant_ids: string[]
  tiers: { min_units: number; percent: number }[]
  starts_at: string
  ends_at: string
  max_units_per_member: number | null
  max_members: number | null
  currency_code: string
}
export type StoreAppSession = { token: string; expires_at: string; device_id: string; platform: string; sales_channel_id: string }

export type StorePreorderPlansResponse = { preorder_plans: StorePreorderPlan[] }
export type StoreCustomerPreordersResponse = { preorders: StoreCustomerPreorder[] }
export type StoreCancelPreorderResponse = { preorder: StoreCustomerPreorder; refunded_amount: number }
export type StoreGroupCampaignsResponse = { group_campaigns: StoreGroupCampaign[] }
export type StoreGroupOrderResponse = { group_order: StoreGroupOrder }
export type StoreCartGroupOrderResponse = { group_order: StoreGroupOrder | null }
export type StoreGiveawaysResponse = { giveaways: StoreGiveaway[] } & Page
export type StoreGiveawayResponse = {
  giveaway: StoreGiveaway & { my_entries: unknown; winners: unknown[] }
}
export type StoreGiveawayFreeEntryResponse = { giveaway_entry: StoreGiveawayEntry; entries: unknown }
export type StoreMyGiveawayEntriesResponse = {
  giveaway_entries: (StoreGiveawayEntry & { giveaway: { id: string; title: string; status: string; ends_at: string } })[]
  entries_by_giveaway: Record<string, number>
} & Page
export type StoreAppSessionResponse = { app_session: StoreAppSession }

// Admin: requests
export type AdminListPreorderPlansQuery = Wire<z.input<typeof AdminListPreorderPlans>>
export type AdminCreatePreorderPlanBody = Wire<z.input<typeof AdminCreatePreorderPlan>>
export type AdminUpdatePreorderPlanBody = Wire<z.input<typeof AdminUpdatePreorderPlan>>
export type AdminListPreorderItemsQuery = Wire<z.input<typeof AdminListPreorderItems>>
export type AdminAllocatePreorderPlanBody = Wire<z.input<typeof AdminAllocatePreorderPlan>>
export type AdminListGroupCampaignsQuery = Wire<z.input<typeof AdminListGroupCampaigns>>
export type AdminCreateGroupCampaignBody = Wire<z.input<typeof AdminCreateGroupCampaign>>
export type AdminUpdateGroupCampaignBody = Wire<z.input<typeof AdminUpdateGroupCampaign>>
export type AdminListGroupsQuery = Wire<z.input<typeof AdminListGroups>>
export type AdminListGiveawaysQuery = Wire<z.input<typeof AdminListGiveaways>>
export type AdminCreateGiveawayBody = Wire<z.input<typeof AdminCreateGiveaway>>
export type AdminUpdateGiveawayBody = Wire<z.input<typeof AdminUpdateGiveaway>>
export type AdminListGiveawayEntriesQuery = Wire<z.input<typeof AdminListGiveawayEntries>>
export type AdminListGiveawayAuditQuery = Wire<z.input<typeof AdminListGiveawayAudit>>
export type AdminDrawGiveawayBody = Wire<z.input<typeof AdminDrawGiveaway>>
export type AdminDisqualifyGiveawayWinnerBody = Wire<z.input<typeof AdminDisqualifyGiveawayWinner>>
export type AdminClaimGiveawayPrizeBody = Wire<z.input<typeof AdminClaimGiveawayPrize>>
export type AdminOrderReportQuery = Wire<z.input<typeof AdminOrderReport>>
export type AdminCreateOrderExportBody = Wire<z.input<typeof AdminCreateOrderExport>>
export type AdminReportSummaryQuery = Wire<z.input<typeof AdminReportSummary>>
export type AdminConfigureAppChannelBody = Wire<z.input<typeof AdminConfigureAppChannel>>
export type AdminListAppPromotionsQuery = Wire<z.input<typeof AdminListAppPromotions>>
export type AdminMarkAppExclusiveBody = Wire<z.input<typeof AdminMarkAppExclusive>>

// Admin: responses
export type AdminPreorderPlan = ReturnType<typeof adminPlan>
export type AdminGroupCampaign = ReturnType<typeof adminCampaign>
export type AdminGroupOrder = ReturnType<typeof adminGroup>
export type AdminGiveaway = ReturnType<typeof adminGiveaway>
export type AdminGiveawayEntry = ReturnType<typeof entryRow>
export type AdminOrderExport = ReturnType<typeof adminOrderExport>

export type AdminPreorderPlansResponse = { preorder_plans: AdminPreorderPlan[] } & Page
export type AdminPreorderPlanResponse = { preorder_plan: AdminPreorderPlan }
export type AdminGroupCampaignsResponse = { group_campaigns: AdminGroupCampaign[] } & Page
export type AdminGroupCampaignResponse = { group_campaign: AdminGroupCampaign }
export type AdminGroupsResponse = { groups: AdminGroupOrder[] } & Page
export type AdminGroupOrderResponse = { group_order: AdminGroupOrder }
export type AdminGiveawaysResponse = { giveaways: AdminGiveaway[] } & Page
export type AdminGiveawayResponse = { giveaway: AdminGiveaway }
export type AdminGiveawayEntriesResponse = { giveaway_entries: AdminGiveawayEntry[] } & Page
export type AdminOrderExportResponse = { order_export: AdminOrderExport }
export type DeleteResponse<O extends string> = { id: string; object: O; deleted: true }

/** How every error of Comeback's (and Medusa's) routes looks: `message` names the field or says why. */
export type ComebackErrorBody = { type: string; message: string; code?: string; reason?: string; retry_at?: string }
