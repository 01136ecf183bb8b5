import { model } from "@medusajs/framework/utils"

/**
 * A Medusa promotion marked app-exclusive: its own rules (added by us) require
 * an app channel and a verified app session; here are the limits Medusa lacks
 * and what the app shows.
 */
const AppPromotion = model
  .define("app_promotion", {
    id: model.id({ prefix: "apppr" }).primaryKey(),
    promotion_id: model.text(),
    code: model.text(),
    sales_channel_ids: model.json(),
    title: model.text().nullable(),
    description: model.text().nullable(),
    /** Show the code in the app's offer list (otherwise it is handed out elsewhere). */
    public_code: model.boolean().default(true),
    per_customer_limit: model.number().nullable(),
    per_device_limit: model.number().nullable(),
  })
  .indexes([{ on: ["promotion_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["code"] }])

export default AppPromotion
