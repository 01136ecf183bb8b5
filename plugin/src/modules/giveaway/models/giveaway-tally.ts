import { model } from "@medusajs/framework/utils"

/**
 * Active entries a customer holds in a giveaway (purchases and free entries,
 * minus voided), kept so the per-customer cap is enforced under a row lock
 * taken by one conditional upsert instead of a count-then-insert race.
 */
const GiveawayTally = model
  .define("giveaway_tally", {
    id: model.id({ prefix: "gwtly" }).primaryKey(),
    giveaway_id: model.text(),
    customer_id: model.text(),
    entries: model.number().default(0),
  })
  .indexes([{ on: ["giveaway_id", "customer_id"], unique: true, where: "deleted_at IS NULL" }])

export default GiveawayTally
