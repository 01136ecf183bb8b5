import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import {
  AdminAllocatePreorderPlan,
  AdminCreatePreorderPlan,
  AdminListPreorderItems,
  AdminListPreorderPlans,
  AdminUpdatePreorderPlan,
  StoreListPreorderPlans,
} from "./schemas/preorder"
import {
  AdminCreateGroupCampaign,
  AdminListAllGroups,
  AdminListGroupCampaigns,
  AdminListGroups,
  AdminUpdateGroupCampaign,
  StoreJoinGroupOrder,
  StoreStartGroupOrder,
} from "./schemas/group-order"
import {
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
} from "./schemas/giveaway"
import {
  AdminCreateOrderExport,
  AdminListOrderExports,
  AdminOrderReport,
  AdminReportSummary,
} from "./schemas/finance-report"
import {
  AdminConfigureAppChannel,
  AdminListAppPromotions,
  AdminMarkAppExclusive,
  StoreOpenAppSession,
} from "./schemas/app-channel"
import { AdminDropDaily, AdminDropLive, AdminListOrderPreorderItems } from "./schemas/drops"
import { bindAppSession, guardAppCompletion } from "./utils/app-session-guards"
import { admitDropCheckout, waitInCheckoutLine } from "./utils/drop-checkout"
import { storefrontPromotionCodes } from "./utils/promotion-codes"
import { CART_LINE_PREORDER_PLAN, ORDER_LINE_PREORDER_ITEM, PRODUCT_PREORDER_PLAN, exposeLinkedField } from "./utils/store-preorder-fields"
import { capArray, validateBody, validateQuery } from "./utils/validate"
import { comebackErrorHandler } from "./utils/error-handler"
import { featureGates } from "./utils/feature-gate"

/** Codes one cart request may carry: each costs the store a lookup. */
const MAX_PROMO_CODES = 10

/**
 * Validation (zod) and authentication of our routes. /admin/* already requires
 * an admin user (Medusa's own middleware); /store/customers/me/* is re-stated
 * here so a change in Medusa's matchers never exposes a customer's data.
 */
export default defineMiddlewares({
  errorHandler: comebackErrorHandler,
  routes: [
    // First: a feature turned off in the plugin's options has no routes.
    ...featureGates(),
    { matcher: "/admin/preorder-plans", methods: ["GET"], middlewares: [validateQuery(AdminListPreorderPlans)] },
    { matcher: "/admin/preorder-plans", methods: ["POST"], middlewares: [validateBody(AdminCreatePreorderPlan)] },
    { matcher: "/admin/preorder-plans/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdatePreorderPlan)] },
    { matcher: "/admin/preorder-plans/:id/items", methods: ["GET"], middlewares: [validateQuery(AdminListPreorderItems)] },
    { matcher: "/admin/preorder-plans/:id/allocate", methods: ["POST"], middlewares: [validateBody(AdminAllocatePreorderPlan)] },
    // Pre-order badges through Medusa's own store routes: `fields=+variants.preorder_plan` and the like
    // (no method: runs before Medusa's query validation, which it widens).
    { matcher: "/store/products", middlewares: [exposeLinkedField(PRODUCT_PREORDER_PLAN)] },
    { matcher: "/store/products/:id", middlewares: [exposeLinkedField(PRODUCT_PREORDER_PLAN)] },
    { matcher: "/store/carts*", middlewares: [exposeLinkedField(CART_LINE_PREORDER_PLAN)] },
    { matcher: "/store/orders*", middlewares: [exposeLinkedField(ORDER_LINE_PREORDER_ITEM)] },
    { matcher: "/admin/preorder-items", methods: ["GET"], middlewares: [validateQuery(AdminListOrderPreorderItems)] },
    { matcher: "/admin/drops/daily", methods: ["GET"], middlewares: [validateQuery(AdminDropDaily)] },
    { matcher: "/admin/drops/live", methods: ["GET"], middlewares: [validateQuery(AdminDropLive)] },
    { matcher: "/store/preorder-plans", methods: ["GET"], middlewares: [validateQuery(StoreListPreorderPlans)] },
    { matcher: "/store/customers/me/preorders*", middlewares: [authenticate("customer", ["session", "bearer"])] },
    { matcher: "/admin/group-campaigns", methods: ["GET"], middlewares: [validateQuery(AdminListGroupCampaigns)] },
    { matcher: "/admin/group-campaigns", methods: ["POST"], middlewares: [validateBody(AdminCreateGroupCampaign)] },
    { matcher: "/admin/group-campaigns/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateGroupCampaign)] },
    { matcher: "/admin/group-campaigns/:id/groups", methods: ["GET"], middlewares: [validateQuery(AdminListGroups)] },
    { matcher: "/admin/group-orders", methods: ["GET"], middlewares: [validateQuery(AdminListAllGroups)] },
    {
      matcher: "/store/group-orders",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreStartGroupOrder)],
    },
    { matcher: "/store/carts/:id/group-order", methods: ["POST"], middlewares: [validateBody(StoreJoinGroupOrder)] },
    { matcher: "/admin/app-channels", methods: ["POST"], middlewares: [validateBody(AdminConfigureAppChannel)] },
    { matcher: "/admin/app-promotions", methods: ["GET"], middlewares: [validateQuery(AdminListAppPromotions)] },
    { matcher: "/admin/promotions/:id/app-channels", methods: ["POST"], middlewares: [validateBody(AdminMarkAppExclusive)] },
    { matcher: "/store/app-sessions", methods: ["POST"], middlewares: [validateBody(StoreOpenAppSession)] },
    // App-only offers: carts bind to the app session presented with them; codes and completion are guarded.
    { matcher: "/store/carts/:id*", middlewares: [bindAppSession] },
    // Group codes and app-only codes work the same on every path a storefront sets codes by.
    {
      matcher: "/store/carts/:id",
      methods: ["POST"],
      middlewares: [capArray("promo_codes", MAX_PROMO_CODES), storefrontPromotionCodes],
    },
    {
      matcher: "/store/carts/:id/promotions",
      methods: ["POST", "DELETE"],
      middlewares: [capArray("promo_codes", MAX_PROMO_CODES), storefrontPromotionCodes],
    },
    // Drop-day checkout: pre-order units admitted (or refused) first, then the app-offer check, then a bounded
    // first-come-first-served line (429 + Retry-After).
    { matcher: "/store/carts/:id/complete", methods: ["POST"], middlewares: [admitDropCheckout, guardAppCompletion, waitInCheckoutLine] },
    { matcher: "/admin/giveaways", methods: ["GET"], middlewares: [validateQuery(AdminListGiveaways)] },
    { matcher: "/admin/giveaways", methods: ["POST"], middlewares: [validateBody(AdminCreateGiveaway)] },
    { matcher: "/admin/giveaways/:id", methods: ["POST"], middlewares: [validateBody(AdminUpdateGiveaway)] },
    { matcher: "/admin/giveaways/:id/entries", methods: ["GET"], middlewares: [validateQuery(AdminListGiveawayEntries)] },
    { matcher: "/admin/giveaways/:id/draw", methods: ["POST"], middlewares: [validateBody(AdminDrawGiveaway)] },
    { matcher: "/admin/giveaways/:id/audit", methods: ["GET"], middlewares: [validateQuery(AdminListGiveawayAudit)] },
    {
      matcher: "/admin/giveaways/:id/winners/:winner_id/disqualify",
      methods: ["POST"],
      middlewares: [validateBody(AdminDisqualifyGiveawayWinner)],
    },
    { matcher: "/admin/giveaways/:id/winners/:winner_id/claim", methods: ["POST"], middlewares: [validateBody(AdminClaimGiveawayPrize)] },
    { matcher: "/store/giveaways", methods: ["GET"], middlewares: [validateQuery(StoreListGiveaways)] },
    // Anonymous fans see the giveaway; a logged-in fan also sees their own entries.
    {
      matcher: "/store/giveaways/:id",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/giveaways/:id/free-entries",
      methods: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateBody(StoreGiveawayFreeEntry)],
    },
    {
      matcher: "/store/customers/me/giveaway-entries",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateQuery(StoreListMyGiveawayEntries)],
    },
    { matcher: "/admin/reports/orders", methods: ["GET"], middlewares: [validateQuery(AdminOrderReport)] },
    { matcher: "/admin/reports/order-exports", methods: ["POST"], middlewares: [validateBody(AdminCreateOrderExport)] },
    { matcher: "/admin/reports/order-exports", methods: ["GET"], middlewares: [validateQuery(AdminListOrderExports)] },
    { matcher: "/admin/reports/summary", methods: ["GET"], middlewares: [validateQuery(AdminReportSummary)] },
  ],
})
