import { OpenAPIRegistry, OpenApiGeneratorV3, extendZodWithOpenApi, type RouteConfig } from "@asteasolutions/zod-to-openapi"
import { z, type ZodTypeAny } from "zod"
import * as Preorder from "../api/schemas/preorder"
import * as Group from "../api/schemas/group-order"
import * as Giveaway from "../api/schemas/giveaway"
import * as Reports from "../api/schemas/finance-report"
import * as App from "../api/schemas/app-channel"
import * as Drops from "../api/schemas/drops"
import * as R from "./responses"

// Adds .openapi() to zod's prototype, which the generator calls on every schema (only where the document is built).
extendZodWithOpenApi(z)

/**
 * Comeback's routes as an OpenAPI 3.0 document, generated from the zod schemas
 * the routes validate with (src/api/schemas/*.ts) and the response
 * schemas the tests check real responses with (./responses.ts).
 * `npm run openapi` writes it to docs/openapi.json; a unit test fails when the
 * committed file is stale.
 */
type Method = "get" | "post" | "delete"
type Route = {
  method: Method
  path: string
  summary: string
  auth?: "customer" | "admin" | "optional-customer"
  query?: ZodTypeAny
  body?: ZodTypeAny
  response?: ZodTypeAny
  status?: number
  headers?: ZodTypeAny
}

const obj = (shape: Record<string, ZodTypeAny>) => z.object(shape)
const any = z.record(z.unknown())
const list = (key: string, item: ZodTypeAny, paged = true) => obj({ [key]: z.array(item), ...(paged ? R.Page : {}) })
const deleted = obj({ id: z.string(), object: z.string(), deleted: z.literal(true) })
const appSession = z.object({ "x-app-session": z.string().describe("token from POST /store/app-sessions") })

export const ROUTES: Route[] = [
  // Store: pre-orders
  { method: "get", path: "/store/preorder-plans", summary: "Live pre-order plans (state, release date, units and benefit left)", query: Preorder.StoreListPreorderPlans, response: list("preorder_plans", R.StorePreorderPlanSchema, false) },
  { method: "get", path: "/store/customers/me/preorders", summary: "The logged-in customer's pre-ordered lines", auth: "customer", response: list("preorders", R.StoreCustomerPreorderSchema, false) },
  { method: "post", path: "/store/customers/me/preorders/{id}/cancel", summary: "Cancel a delayed pre-order line (refunded)", auth: "customer", response: obj({ preorder: R.StoreCustomerPreorderSchema, refunded_amount: z.number() }) },
  // Store: group orders
  { method: "get", path: "/store/group-campaigns", summary: "Campaigns fans can start a group in", response: list("group_campaigns", R.StoreGroupCampaignSchema, false) },
  { method: "post", path: "/store/group-orders", summary: "Start a group (or get one's open group back) and its code", auth: "customer", body: Group.StoreStartGroupOrder, response: obj({ group_order: R.StoreGroupOrderSchema }), status: 201 },
  { method: "get", path: "/store/group-orders/{code}", summary: "A group's public progress", response: obj({ group_order: R.StoreGroupOrderSchema }) },
  { method: "get", path: "/store/carts/{id}/group-order", summary: "The group the cart joined (by any path), with its progress", response: obj({ group_order: R.StoreGroupOrderSchema.nullable() }) },
  { method: "post", path: "/store/carts/{id}/group-order", summary: "Join a group (the promo-code box and cart.update work too)", body: Group.StoreJoinGroupOrder, response: obj({ cart: any, group_order: R.StoreGroupOrderSchema }) },
  { method: "delete", path: "/store/carts/{id}/group-order", summary: "Leave the cart's group", response: obj({ cart: any }) },
  // Store: app-only offers
  { method: "post", path: "/store/app-sessions", summary: "Open an app session from the app's attestation", body: App.StoreOpenAppSession, response: obj({ app_session: R.StoreAppSessionSchema }), status: 201 },
  { method: "get", path: "/store/app-promotions", summary: "App-only offers of the app channel", headers: appSession, response: obj({ app_promotions: z.array(any) }).passthrough() },
  // Store: giveaways
  { method: "get", path: "/store/giveaways", summary: "Live and recently drawn giveaways", query: Giveaway.StoreListGiveaways, response: list("giveaways", R.StoreGiveawaySchema) },
  { method: "get", path: "/store/giveaways/{id}", summary: "A giveaway; with a logged-in customer, also their entries", auth: "optional-customer", response: obj({ giveaway: R.StoreGiveawaySchema }) },
  { method: "get", path: "/store/giveaways/{id}/verifier.js", summary: "The standalone, dependency-free draw verifier (JavaScript)" },
  { method: "get", path: "/store/carts/{id}/checkout-line", summary: "Where a cart stands in a drop's checkout line (position, wait, held units)", response: any },
  { method: "get", path: "/store/giveaways/{id}/draw", summary: "The published draw, to verify", response: any },
  { method: "post", path: "/store/giveaways/{id}/free-entries", summary: "A free entry (no purchase necessary)", auth: "customer", body: Giveaway.StoreGiveawayFreeEntry, response: obj({ giveaway_entry: R.StoreGiveawayEntrySchema, entries: z.number() }).passthrough(), status: 201 },
  { method: "get", path: "/store/customers/me/giveaway-entries", summary: "The logged-in customer's own entries", auth: "customer", query: Giveaway.StoreListMyGiveawayEntries, response: obj({ giveaway_entries: z.array(R.StoreGiveawayEntrySchema), entries_by_giveaway: z.record(z.number()), ...R.Page }) },

  // Admin: pre-order plans and drops
  { method: "get", path: "/admin/drops/daily", summary: "Pre-orders per day and cumulative units for an album (aggregated in the database)", auth: "admin", query: Drops.AdminDropDaily, response: any },
  { method: "get", path: "/admin/drops/live", summary: "Orders and units per minute, units left per version (live view)", auth: "admin", query: Drops.AdminDropLive, response: any },
  { method: "get", path: "/admin/preorder-items", summary: "An order's pre-order lines", auth: "admin", query: Drops.AdminListOrderPreorderItems, response: any },
  { method: "get", path: "/admin/group-orders", summary: "Every group across campaigns, with its leader", auth: "admin", query: Group.AdminListAllGroups, response: any },
  { method: "get", path: "/admin/group-orders/{id}/settlement-preview", summary: "What settling a group now would refund (changes nothing)", auth: "admin", response: any },
  { method: "get", path: "/admin/promotions/{id}/group-order", summary: "The group and tier a tier promotion belongs to", auth: "admin", response: any },
  { method: "get", path: "/admin/promotions/{id}/app-channels", summary: "A promotion's app offer and its uses", auth: "admin", response: any },
  { method: "get", path: "/admin/preorder-plans", summary: "List plans", auth: "admin", query: Preorder.AdminListPreorderPlans, response: list("preorder_plans", any) },
  { method: "post", path: "/admin/preorder-plans", summary: "Create a plan", auth: "admin", body: Preorder.AdminCreatePreorderPlan, response: obj({ preorder_plan: any }), status: 201 },
  { method: "get", path: "/admin/preorder-plans/{id}", summary: "A plan with unit counts", auth: "admin", response: obj({ preorder_plan: any }) },
  { method: "post", path: "/admin/preorder-plans/{id}", summary: "Update a plan (release-date changes are kept and announced)", auth: "admin", body: Preorder.AdminUpdatePreorderPlan, response: obj({ preorder_plan: any, release_date_change: any.nullable() }) },
  { method: "delete", path: "/admin/preorder-plans/{id}", summary: "Delete a plan nobody pre-ordered", auth: "admin", response: deleted },
  { method: "get", path: "/admin/preorder-plans/{id}/items", summary: "A plan's pre-ordered lines", auth: "admin", query: Preorder.AdminListPreorderItems, response: list("preorder_items", any) },
  { method: "post", path: "/admin/preorder-plans/{id}/release", summary: "Release now", auth: "admin", response: obj({ plan_id: z.string(), released_items: z.number(), first_release: z.boolean() }) },
  { method: "post", path: "/admin/preorder-plans/{id}/allocate", summary: "Allocate a short supply first come, first served", auth: "admin", body: Preorder.AdminAllocatePreorderPlan, response: any },
  { method: "post", path: "/admin/preorder-plans/{id}/cancel-unallocated", summary: "Cancel and refund what a short supply did not cover", auth: "admin", response: any },
  // Admin: group campaigns
  { method: "get", path: "/admin/group-campaigns", summary: "List campaigns", auth: "admin", query: Group.AdminListGroupCampaigns, response: list("group_campaigns", any) },
  { method: "post", path: "/admin/group-campaigns", summary: "Create a campaign", auth: "admin", body: Group.AdminCreateGroupCampaign, response: obj({ group_campaign: any }), status: 201 },
  { method: "get", path: "/admin/group-campaigns/{id}", summary: "A campaign with stats", auth: "admin", response: obj({ group_campaign: any }) },
  { method: "post", path: "/admin/group-campaigns/{id}", summary: "Update a campaign", auth: "admin", body: Group.AdminUpdateGroupCampaign, response: obj({ group_campaign: any }) },
  { method: "post", path: "/admin/group-campaigns/{id}/close", summary: "Close a campaign (its groups settle)", auth: "admin", response: obj({ group_campaign: any }) },
  { method: "get", path: "/admin/group-campaigns/{id}/groups", summary: "A campaign's groups", auth: "admin", query: Group.AdminListGroups, response: list("groups", any) },
  { method: "get", path: "/admin/group-orders/{id}", summary: "A group with its members' purchases", auth: "admin", response: obj({ group_order: any }).passthrough() },
  { method: "post", path: "/admin/group-orders/{id}/settle", summary: "Settle a group now", auth: "admin", response: obj({ group_order: any, outcome: z.unknown() }) },
  { method: "post", path: "/admin/group-orders/{id}/cancel", summary: "Cancel a group", auth: "admin", response: obj({ group_order: any }) },
  // Admin: app channels
  { method: "get", path: "/admin/app-channels", summary: "App channels, live sessions, attestation providers", auth: "admin", response: obj({ app_channels: z.array(any), providers: z.unknown() }) },
  { method: "post", path: "/admin/app-channels", summary: "Configure a sales channel as an app channel", auth: "admin", body: App.AdminConfigureAppChannel, response: obj({ app_channel: any }) },
  { method: "get", path: "/admin/app-promotions", summary: "App-exclusive promotions", auth: "admin", query: App.AdminListAppPromotions, response: obj({ app_promotions: z.array(any) }).passthrough() },
  { method: "post", path: "/admin/promotions/{id}/app-channels", summary: "Make a promotion app-exclusive", auth: "admin", body: App.AdminMarkAppExclusive, response: obj({ app_promotion: any }) },
  { method: "delete", path: "/admin/promotions/{id}/app-channels", summary: "Make a promotion available everywhere again", auth: "admin", response: deleted },
  // Admin: giveaways
  { method: "get", path: "/admin/giveaways", summary: "List giveaways", auth: "admin", query: Giveaway.AdminListGiveaways, response: list("giveaways", any) },
  { method: "post", path: "/admin/giveaways", summary: "Create a giveaway", auth: "admin", body: Giveaway.AdminCreateGiveaway, response: obj({ giveaway: any }), status: 201 },
  { method: "get", path: "/admin/giveaways/{id}", summary: "A giveaway with entry totals", auth: "admin", response: obj({ giveaway: any }) },
  { method: "post", path: "/admin/giveaways/{id}", summary: "Update a giveaway", auth: "admin", body: Giveaway.AdminUpdateGiveaway, response: obj({ giveaway: any, changes: z.array(z.string()) }) },
  { method: "get", path: "/admin/giveaways/{id}/entries", summary: "Entries (JSON or CSV)", auth: "admin", query: Giveaway.AdminListGiveawayEntries, response: list("giveaway_entries", any).passthrough() },
  { method: "post", path: "/admin/giveaways/{id}/draw", summary: "Draw the winners", auth: "admin", body: Giveaway.AdminDrawGiveaway, response: any },
  { method: "get", path: "/admin/giveaways/{id}/winners", summary: "Winners and alternates", auth: "admin", response: obj({ giveaway_winners: z.array(any), count: z.number() }) },
  { method: "post", path: "/admin/giveaways/{id}/winners/{winner_id}/disqualify", summary: "Disqualify a winner (the next alternate steps in)", auth: "admin", body: Giveaway.AdminDisqualifyGiveawayWinner, response: any },
  { method: "post", path: "/admin/giveaways/{id}/winners/{winner_id}/claim", summary: "Record a prize claim", auth: "admin", body: Giveaway.AdminClaimGiveawayPrize, response: obj({ giveaway_winner: any }) },
  { method: "get", path: "/admin/giveaways/{id}/audit", summary: "The giveaway's audit log", auth: "admin", query: Giveaway.AdminListGiveawayAudit, response: list("giveaway_audit_logs", any) },
  { method: "get", path: "/admin/comeback/features", summary: "Which Comeback features this store turned on (plugin options)", auth: "admin", response: obj({ features: any }) },
  { method: "get", path: "/admin/comeback/status", summary: "What this process runs on: worker mode, Redis, payment providers", auth: "admin", response: obj({ status: any }) },
  // Admin: finance reports
  { method: "get", path: "/admin/reports/orders", summary: "Order report, streamed (CSV or JSON)", auth: "admin", query: Reports.AdminOrderReport },
  { method: "post", path: "/admin/reports/order-exports", summary: "Start a background order export", auth: "admin", body: Reports.AdminCreateOrderExport, response: obj({ order_export: any }), status: 202 },
  { method: "get", path: "/admin/reports/order-exports/{id}", summary: "An export's progress", auth: "admin", response: obj({ order_export: any }) },
  { method: "get", path: "/admin/reports/order-exports/{id}/download", summary: "Download a finished export", auth: "admin" },
  { method: "get", path: "/admin/reports/order-exports", summary: "Export history, newest first", auth: "admin", query: Reports.AdminListOrderExports, response: list("order_exports", any) },
  { method: "get", path: "/admin/reports/summary", summary: "Daily summary with pre-order liability", auth: "admin", query: Reports.AdminReportSummary, response: any },
]

/** Query schemas are objects, maybe wrapped in refinements: what the generator needs is the object. */
function objectOf(schema: ZodTypeAny): z.AnyZodObject | undefined {
  let s: any = schema
  while (s && !(s instanceof z.ZodObject)) s = s._def?.schema ?? s._def?.innerType
  return s
}

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry()
  registry.registerComponent("securitySchemes", "publishableKey", { type: "apiKey", in: "header", name: "x-publishable-api-key" })
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" })
  const error = { description: "Refused: `message` names the field or says why", content: { "application/json": { schema: R.ErrorSchema } } }
  for (const route of ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
    const request: RouteConfig["request"] = {}
    if (params.length) request.params = z.object(Object.fromEntries(params.map((p) => [p, z.string()])))
    const query = route.query ? objectOf(route.query) : undefined
    if (query) request.query = query
    if (route.headers) request.headers = route.headers as z.AnyZodObject
    if (route.body) request.body = { content: { "application/json": { schema: route.body } } }
    const store = route.path.startsWith("/store")
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [store ? "Store" : "Admin"],
      security: store
        ? [route.auth === "customer" ? { publishableKey: [], bearer: [] } : { publishableKey: [] }]
        : [{ bearer: [] }],
      request,
      responses: {
        [route.status ?? 200]: route.response
          ? { description: "OK", content: { "application/json": { schema: route.response } } }
          : { description: "OK (a file or a stream)" },
        400: error,
        ...(route.auth === "customer" || route.auth === "admin" ? { 401: error } : {}),
        ...(params.length ? { 404: error } : {}),
      },
    })
  }
  const generator = new OpenApiGeneratorV3(registry.definitions)
  return generator.generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Comeback store and admin API",
      version: "1",
      description:
        "Comeback's own routes. Medusa's routes (carts, checkout, products…) are documented by Medusa; Comeback adds " +
        "`fields=+variants.preorder_plan` on /store/products, `+items.preorder_plan` on /store/carts and " +
        "`+items.preorder_item` on /store/orders (schemas StorePreorderPlan and StorePreorderLine below), and group and " +
        "app-only codes on every promo-code path (POST /store/carts/{id} promo_codes, POST and DELETE /store/carts/{id}/promotions).",
    },
  })
}

/** Named schemas for Medusa's routes that Comeback extends through `fields`. */
export function buildOpenApiJson() {
  const doc: any = buildOpenApiDocument()
  const registry = new OpenAPIRegistry()
  registry.register("StorePreorderPlan", R.StorePreorderPlanSchema)
  registry.register("StorePreorderLine", R.StorePreorderLineSchema)
  registry.register("Error", R.ErrorSchema)
  const components = new OpenApiGeneratorV3(registry.definitions).generateComponents()
  doc.components = { ...(doc.components ?? {}), schemas: { ...(doc.components?.schemas ?? {}), ...components.components?.schemas } }
  return JSON.stringify(doc, null, 2) + "\n"
}
