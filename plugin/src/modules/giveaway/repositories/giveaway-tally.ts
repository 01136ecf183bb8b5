import { defineCounter } from "../../../lib/capped-counter"

/** Active entries a customer holds in a giveaway, under its per-customer entry cap. */
export const giveawayTally = defineCounter({
  table: "giveaway_tally",
  idPrefix: "gwtly",
  scope: "giveaway_id",
  holder: "customer_id",
  count: "entries",
})
