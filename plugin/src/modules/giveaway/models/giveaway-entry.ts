import { model } from "@medusajs/framework/utils"
import Giveaway from "./giveaway"

/**
 * Entries of one customer from one order line (source purchase) or one free
 * entry (source free). `entries` is what was granted (after the cap);
 * `voided_entries` grows when units are cancelled, refunded or returned before
 * the draw, so active = entries - voided_entries.
 */
const GiveawayEntry = model
  .define("giveaway_entry", {
    id: model.id({ prefix: "gwent" }).primaryKey(),
    giveaway: model.belongsTo(() => Giveaway, { mappedBy: "entries" }),
    customer_id: model.text(),
    email: model.text(),
    source: model.enum(["purchase", "free"]),
    order_id: model.text().nullable(),
    order_line_item_id: model.text().nullable(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    units: model.number().default(0),
    returned_units: model.number().default(0),
    /** units x entries per unit, before the per-customer cap. */
    requested_entries: model.number().default(0),
    entries: model.number().default(0),
    voided_entries: model.number().default(0),
    void_reason: model.text().nullable(),
    voided_at: model.dateTime().nullable(),
    country_code: model.text().nullable(),
    /** State/region, the only place information a public result shows. */
    region: model.text().nullable(),
  })
  .indexes([
    {
      on: ["giveaway_id", "order_line_item_id"],
      unique: true,
      where: "deleted_at IS NULL AND order_line_item_id IS NOT NULL",
    },
    { on: ["giveaway_id", "customer_id"] },
    { on: ["order_id"] },
    { on: ["customer_id"] },
  ])

export default GiveawayEntry
