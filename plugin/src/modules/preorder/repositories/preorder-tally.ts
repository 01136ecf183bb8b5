import { defineCounter } from "../../../lib/capped-counter"

/** Units each holder (`email:…`, `customer:…`) has pre-ordered of a plan, under the plan's per-customer limit. */
export const preorderTally = defineCounter({
  table: "preorder_tally",
  idPrefix: "ptally",
  scope: "plan_id",
  holder: "holder",
  count: "units",
})
