import { model } from "@medusajs/framework/utils"

/**
 * One use of an app-exclusive promotion by a checkout: reserved at cart
 * completion, placed with its order (recording channel, device and session),
 * cancelled with the order. Tallies keep the per-customer and per-device limits.
 */
export const AppRedemption = model
  .define("app_redemption", {
    id: model.id({ prefix: "appred" }).primaryKey(),
    promotion_id: model.text(),
    code: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    session_id: model.text(),
    sales_channel_id: model.text(),
    device_id: model.text(),
    platform: model.text(),
    email: model.text(),
    customer_id: model.text().nullable(),
    status: model.enum(["reserved", "placed", "cancelled"]).default("reserved"),
  })
  .indexes([{ on: ["cart_id", "promotion_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["order_id"] }])

/** Uses of a promotion per holder (`email:…`, `customer:…`, `device:…`), moved by conditional upserts only. */
export const AppRedemptionTally = model
  .define("app_redemption_tally", {
    id: model.id({ prefix: "apptal" }).primaryKey(),
    promotion_id: model.text(),
    holder: model.text(),
    uses: model.number().default(0),
  })
  .indexes([{ on: ["promotion_id", "holder"], unique: true, where: "deleted_at IS NULL" }])
