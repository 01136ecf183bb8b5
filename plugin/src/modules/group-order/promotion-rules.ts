/**
 * The promotion-rule attribute a group's tier discounts are conditioned on; a
 * cart in a group carries `group_order.tier = <group id>:T<n>` in its promotion context.
 */
export const GROUP_ORDER_TIER_RULE_ATTRIBUTE = "group_order.tier"
