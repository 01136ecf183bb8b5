import { defineCounter } from "../../../lib/capped-counter"

/** A member's units in a group (holder `email:…`), under the group's per-member limit; the first checkout names the member. */
export const groupMember = defineCounter({
  table: "group_member",
  idPrefix: "gmem",
  scope: "group_id",
  holder: "holder",
  count: "units",
  extra: ["email", "customer_id"],
  fillWhenNull: ["customer_id"],
})
