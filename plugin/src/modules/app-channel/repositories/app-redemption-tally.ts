import { defineCounter } from "../../../lib/capped-counter"

/** Uses of an app promotion per holder (`email:…`, `customer:…`, `device:…`), under its per-customer and per-device limits. */
export const appRedemptionTally = defineCounter({
  table: "app_redemption_tally",
  idPrefix: "apptal",
  scope: "promotion_id",
  holder: "holder",
  count: "uses",
})
