import { model } from "@medusajs/framework/utils"

/**
 * The frozen entry list, privately: who each public entrant label is, written
 * once when entries close. The draw runs on exactly these rows; a fan finds
 * their own label here (never anyone else's).
 */
const GiveawayEntrant = model
  .define("giveaway_entrant", {
    id: model.id({ prefix: "gwetr" }).primaryKey(),
    giveaway_id: model.text(),
    entrant: model.text(),
    customer_id: model.text(),
    entries: model.number(),
  })
  .indexes([
    { on: ["giveaway_id", "entrant"], unique: true, where: "deleted_at IS NULL" },
    { on: ["giveaway_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"] },
  ])

export default GiveawayEntrant
