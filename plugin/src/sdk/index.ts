/**
 * Comeback's typed client: Medusa's own `@medusajs/js-sdk` with Comeback's
 * store and admin routes added next to Medusa's (`sdk.store.preorders`,
 * `sdk.admin.preorderPlans`, …). Everything Medusa's SDK does (carts,
 * checkout, auth, `sdk.store.cart.update(id, { promo_codes })`) is unchanged.
 *
 *   const sdk = new ComebackSdk({ baseUrl, publishableKey })
 *   const { preorders } = await sdk.store.preorders.listMine()
 */
import Medusa, { type Client, type ClientHeaders, type Config } from "@medusajs/js-sdk"
import type * as T from "./types"

export * from "./types"
export { APP_SESSION_HEADER, storeProductFields, cartFields, orderFields } from "./fields"

type Headers = ClientHeaders | undefined
const enc = encodeURIComponent

const get = <R>(client: Client, path: string, query?: object, headers?: Headers) =>
  client.fetch<R>(path, { method: "GET", query: query as Record<string, unknown> | undefined, headers })
const post = <R>(client: Client, path: string, body?: object, headers?: Headers) =>
  client.fetch<R>(path, { method: "POST", body: (body ?? {}) as Record<string, unknown>, headers })
const del = <R>(client: Client, path: string, headers?: Headers) => client.fetch<R>(path, { method: "DELETE", headers })

export class StorePreorders {
  constructor(private client: Client) {}
  /** Live plans (state, release date, units and benefit left) of products or variants. */
  listPlans = (query?: T.StoreListPreorderPlansQuery, headers?: Headers) =>
    get<T.StorePreorderPlansResponse>(this.client, "/store/preorder-plans", query, headers)
  /** The logged-in customer's own pre-orders. */
  listMine = (headers?: Headers) => get<T.StoreCustomerPreordersResponse>(this.client, "/store/customers/me/preorders", undefined, headers)
  /** Cancel one of the customer's pre-order lines (allowed on a delay); refunds it. */
  cancel = (id: string, headers?: Headers) =>
    post<T.StoreCancelPreorderResponse>(this.client, `/store/customers/me/preorders/${enc(id)}/cancel`, {}, headers)
}

export class StoreGroupOrders {
  constructor(private client: Client) {}
  listCampaigns = (headers?: Headers) => get<T.StoreGroupCampaignsResponse>(this.client, "/store/group-campaigns", undefined, headers)
  /** A logged-in customer starts a group (or gets their open one back) and its code to share. */
  start = (body: T.StoreStartGroupOrderBody, headers?: Headers) =>
    post<T.StoreGroupOrderResponse>(this.client, "/store/group-orders", body, headers)
  retrieve = (code: string, headers?: Headers) => get<T.StoreGroupOrderResponse>(this.client, `/store/group-orders/${enc(code)}`, undefined, headers)
  /** The group a cart joined, with its progress (`null` when none). Joining also works from the promo box. */
  retrieveForCart = (cartId: string, headers?: Headers) =>
    get<T.StoreCartGroupOrderResponse>(this.client, `/store/carts/${enc(cartId)}/group-order`, undefined, headers)
  join = (cartId: string, body: T.StoreJoinGroupOrderBody, headers?: Headers) =>
    post<{ cart: Record<string, unknown>; group_order: T.StoreGroupOrder }>(this.client, `/store/carts/${enc(cartId)}/group-order`, body, headers)
  leave = (cartId: string, headers?: Headers) => del<{ cart: Record<string, unknown> }>(this.client, `/store/carts/${enc(cartId)}/group-order`, headers)
}

export class StoreGiveaways {
  constructor(private client: Client) {}
  list = (query?: T.StoreListGiveawaysQuery, headers?: Headers) => get<T.StoreGiveawaysResponse>(this.client, "/store/giveaways", query, headers)
  /** A giveaway; with a logged-in customer, also their own entries. */
  retrieve = (id: string, headers?: Headers) => get<T.StoreGiveawayResponse>(this.client, `/store/giveaways/${enc(id)}`, undefined, headers)
  /** The published draw (seed, entries, winners) to verify with `npm run verify-draw`. */
  retrieveDraw = (id: string, headers?: Headers) => get<Record<string, unknown>>(this.client, `/store/giveaways/${enc(id)}/draw`, undefined, headers)
  enterFree = (id: string, body: T.StoreGiveawayFreeEntryBody, headers?: Headers) =>
    post<T.StoreGiveawayFreeEntryResponse>(this.client, `/store/giveaways/${enc(id)}/free-entries`, body, headers)
  /** The logged-in customer's own entries. */
  listMyEntries = (query?: T.StoreListMyGiveawayEntriesQuery, headers?: Headers) =>
    get<T.StoreMyGiveawayEntriesResponse>(this.client, "/store/customers/me/giveaway-entries", query, headers)
}

export class StoreAppSessions {
  constructor(private client: Client) {}
  /** Opens a session from the app's attestation; send its `token` as the `x-app-session` header on cart requests. */
  open = (body: T.StoreOpenAppSessionBody, headers?: Headers) =>
    post<T.StoreAppSessionResponse>(this.client, "/store/app-sessions", body, headers)
  /** App-only offers of the app channel (needs the session header). */
  listOffers = (headers?: Headers) => get<{ app_promotions: Record<string, unknown>[] }>(this.client, "/store/app-promotions", undefined, headers)
}

export class AdminPreorderPlans {
  constructor(private client: Client) {}
  list = (query?: T.AdminListPreorderPlansQuery, headers?: Headers) => get<T.AdminPreorderPlansResponse>(this.client, "/admin/preorder-plans", query, headers)
  create = (body: T.AdminCreatePreorderPlanBody, headers?: Headers) => post<T.AdminPreorderPlanResponse>(this.client, "/admin/preorder-plans", body, headers)
  retrieve = (id: string, headers?: Headers) => get<T.AdminPreorderPlanResponse>(this.client, `/admin/preorder-plans/${enc(id)}`, undefined, headers)
  update = (id: string, body: T.AdminUpdatePreorderPlanBody, headers?: Headers) =>
    post<T.AdminPreorderPlanResponse & { release_date_change: unknown }>(this.client, `/admin/preorder-plans/${enc(id)}`, body, headers)
  delete = (id: string, headers?: Headers) => del<T.DeleteResponse<"preorder_plan">>(this.client, `/admin/preorder-plans/${enc(id)}`, headers)
  listItems = (id: string, query?: T.AdminListPreorderItemsQuery, headers?: Headers) =>
    get<{ preorder_items: Record<string, unknown>[]; count: number; limit: number; offset: number }>(this.client, `/admin/preorder-plans/${enc(id)}/items`, query, headers)
  release = (id: string, headers?: Headers) =>
    post<{ plan_id: string; released_items: number; first_release: boolean }>(this.client, `/admin/preorder-plans/${enc(id)}/release`, {}, headers)
  allocate = (id: string, body: T.AdminAllocatePreorderPlanBody, headers?: Headers) =>
    post<Record<string, unknown>>(this.client, `/admin/preorder-plans/${enc(id)}/allocate`, body, headers)
  cancelUnallocated = (id: string, headers?: Headers) =>
    post<{ cancelled: number; failed: unknown[]; partially_allocated: unknown[] }>(this.client, `/admin/preorder-plans/${enc(id)}/cancel-unallocated`, {}, headers)
}

export class AdminGroupCampaigns {
  constructor(private client: Client) {}
  list = (query?: T.AdminListGroupCampaignsQuery, headers?: Headers) => get<T.AdminGroupCampaignsResponse>(this.client, "/admin/group-campaigns", query, headers)
  create = (body: T.AdminCreateGroupCampaignBody, headers?: Headers) => post<T.AdminGroupCampaignResponse>(this.client, "/admin/group-campaigns", body, headers)
  retrieve = (id: string, headers?: Headers) => get<T.AdminGroupCampaignResponse>(this.client, `/admin/group-campaigns/${enc(id)}`, undefined, headers)
  update = (id: string, body: T.AdminUpdateGroupCampaignBody, headers?: Headers) =>
    post<T.AdminGroupCampaignResponse>(this.client, `/admin/group-campaigns/${enc(id)}`, body, headers)
  close = (id: string, headers?: Headers) => post<T.AdminGroupCampaignResponse>(this.client, `/admin/group-campaigns/${enc(id)}/close`, {}, headers)
  listGroups = (id: string, query?: T.AdminListGroupsQuery, headers?: Headers) =>
    get<T.AdminGroupsResponse>(this.client, `/admin/group-campaigns/${enc(id)}/groups`, query, headers)
}

export class AdminGroupOrders {
  constructor(private client: Client) {}
  retrieve = (id: string, headers?: Headers) => get<T.AdminGroupOrderResponse>(this.client, `/admin/group-orders/${enc(id)}`, undefined, headers)
  settle = (id: string, headers?: Headers) =>
    post<T.AdminGroupOrderResponse & { outcome: unknown }>(this.client, `/admin/group-orders/${enc(id)}/settle`, {}, headers)
  cancel = (id: string, headers?: Headers) => post<T.AdminGroupOrderResponse>(this.client, `/admin/group-orders/${enc(id)}/cancel`, {}, headers)
}

export class AdminGiveaways {
  constructor(private client: Client) {}
  list = (query?: T.AdminListGiveawaysQuery, headers?: Headers) => get<T.AdminGiveawaysResponse>(this.client, "/admin/giveaways", query, headers)
  create = (body: T.AdminCreateGiveawayBody, headers?: Headers) => post<T.AdminGiveawayResponse>(this.client, "/admin/giveaways", body, headers)
  retrieve = (id: string, headers?: Headers) => get<T.AdminGiveawayResponse>(this.client, `/admin/giveaways/${enc(id)}`, undefined, headers)
  update = (id: string, body: T.AdminUpdateGiveawayBody, headers?: Headers) =>
    post<T.AdminGiveawayResponse & { changes: string[] }>(this.client, `/admin/giveaways/${enc(id)}`, body, headers)
  listEntries = (id: string, query?: T.AdminListGiveawayEntriesQuery, headers?: Headers) =>
    get<T.AdminGiveawayEntriesResponse>(this.client, `/admin/giveaways/${enc(id)}/entries`, query, headers)
  draw = (id: string, body: T.AdminDrawGiveawayBody, headers?: Headers) =>
    post<Record<string, unknown>>(this.client, `/admin/giveaways/${enc(id)}/draw`, body, headers)
  listWinners = (id: string, headers?: Headers) =>
    get<{ giveaway_winners: Record<string, unknown>[]; count: number }>(this.client, `/admin/giveaways/${enc(id)}/winners`, undefined, headers)
  disqualifyWinner = (id: string, winnerId: string, body: T.AdminDisqualifyGiveawayWinnerBody, headers?: Headers) =>
    post<Record<string, unknown>>(this.client, `/admin/giveaways/${enc(id)}/winners/${enc(winnerId)}/disqualify`, body, headers)
  claimPrize = (id: string, winnerId: string, body: T.AdminClaimGiveawayPrizeBody, headers?: Headers) =>
    post<{ giveaway_winner: Record<string, unknown> }>(this.client, `/admin/giveaways/${enc(id)}/winners/${enc(winnerId)}/claim`, body, headers)
  listAudit = (id: string, query?: T.AdminListGiveawayAuditQuery, headers?: Headers) =>
    get<{ giveaway_audit_logs: Record<string, unknown>[]; count: number; limit: number; offset: number }>(this.client, `/admin/giveaways/${enc(id)}/audit`, query, headers)
}

export class AdminReports {
  constructor(private client: Client) {}
  summary = (query: T.AdminReportSummaryQuery, headers?: Headers) => get<Record<string, unknown>>(this.client, "/admin/reports/summary", query, headers)
  /** The streamed order report (CSV or JSON) as a fetch Response: read it as a stream or save it. */
  orders = (query: T.AdminOrderReportQuery, headers?: Headers) =>
    this.client.fetch_(`/admin/reports/orders?${new URLSearchParams(query as unknown as Record<string, string>)}`, { method: "GET", headers })
  createOrderExport = (body: T.AdminCreateOrderExportBody, headers?: Headers) =>
    post<T.AdminOrderExportResponse>(this.client, "/admin/reports/order-exports", body, headers)
  retrieveOrderExport = (id: string, headers?: Headers) =>
    get<T.AdminOrderExportResponse>(this.client, `/admin/reports/order-exports/${enc(id)}`, undefined, headers)
}

export class AdminAppChannels {
  constructor(private client: Client) {}
  list = (headers?: Headers) => get<{ app_channels: Record<string, unknown>[]; providers: unknown }>(this.client, "/admin/app-channels", undefined, headers)
  configure = (body: T.AdminConfigureAppChannelBody, headers?: Headers) =>
    post<{ app_channel: Record<string, unknown> }>(this.client, "/admin/app-channels", body, headers)
  listPromotions = (query?: T.AdminListAppPromotionsQuery, headers?: Headers) =>
    get<{ app_promotions: Record<string, unknown>[]; count: number }>(this.client, "/admin/app-promotions", query, headers)
  markExclusive = (promotionId: string, body: T.AdminMarkAppExclusiveBody, headers?: Headers) =>
    post<{ app_promotion: Record<string, unknown> }>(this.client, `/admin/promotions/${enc(promotionId)}/app-channels`, body, headers)
  unmarkExclusive = (promotionId: string, headers?: Headers) =>
    del<T.DeleteResponse<"app_promotion">>(this.client, `/admin/promotions/${enc(promotionId)}/app-channels`, headers)
}

export type ComebackStore = {
  preorders: StorePreorders
  groupOrders: StoreGroupOrders
  giveaways: StoreGiveaways
  appSessions: StoreAppSessions
}
export type ComebackAdmin = {
  preorderPlans: AdminPreorderPlans
  /** The same as `preorderPlans`: staff call a plan's release a drop. */
  drops: AdminPreorderPlans
  groupCampaigns: AdminGroupCampaigns
  groupOrders: AdminGroupOrders
  giveaways: AdminGiveaways
  reports: AdminReports
  appChannels: AdminAppChannels
}

export class ComebackSdk extends Medusa {
  declare store: Medusa["store"] & ComebackStore
  declare admin: Medusa["admin"] & ComebackAdmin

  constructor(config: Config) {
    super(config)
    const c = this.client
    Object.assign(this.store, {
      preorders: new StorePreorders(c),
      groupOrders: new StoreGroupOrders(c),
      giveaways: new StoreGiveaways(c),
      appSessions: new StoreAppSessions(c),
    } satisfies ComebackStore)
    const preorderPlans = new AdminPreorderPlans(c)
    Object.assign(this.admin, {
      preorderPlans,
      drops: preorderPlans,
      groupCampaigns: new AdminGroupCampaigns(c),
      groupOrders: new AdminGroupOrders(c),
      giveaways: new AdminGiveaways(c),
      reports: new AdminReports(c),
      appChannels: new AdminAppChannels(c),
    } satisfies ComebackAdmin)
  }
}

export default ComebackSdk
