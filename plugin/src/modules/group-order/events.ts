/** Events the group-order feature emits (past tense, `<domain>.<verb>ed`). */

/** A group reached a new discount tier: `{ id, code, tier, percent }`. */
export const GROUP_ORDER_TIER_REACHED_EVENT = "group_order.tier_reached"
/** A group settled at its deadline or on staff's "settle now": `{ id }`. */
export const GROUP_ORDER_SETTLED_EVENT = "group_order.settled"
/** A group was canceled: `{ id }`. The emitted name keeps its original spelling; subscribers already listen for it. */
export const GROUP_ORDER_CANCELED_EVENT = "group_order.cancelled"
