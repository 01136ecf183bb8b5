/** The header an app sends its session token in (cart requests and `/store/app-promotions`). */
export const APP_SESSION_HEADER = "x-app-session"

/**
 * `fields` values that add Comeback's data to Medusa's own store responses.
 * Any `preorder_plan` field returns the whole public plan (state, release_date,
 * window, remaining_units, sold_out, per_customer_limit, benefit_note,
 * benefit_remaining), or null when the variant has no live plan.
 */
export const storeProductFields = { preorderPlan: "+variants.preorder_plan" } as const
/** Each cart line's plan: which lines ship at release, before any order exists. */
export const cartFields = { preorderPlan: "+items.preorder_plan" } as const
/** Each order line's pre-order (status, release date, benefit units); null for lines that are not pre-orders. */
export const orderFields = { preorderItem: "+items.preorder_item" } as const
