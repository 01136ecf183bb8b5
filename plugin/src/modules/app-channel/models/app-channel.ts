import { model } from "@medusajs/framework/utils"

/** A sales channel that is a mobile app: only requests proven to come from the app may use its exclusive deals. */
const AppChannel = model
  .define("app_channel", {
    id: model.id({ prefix: "appch" }).primaryKey(),
    sales_channel_id: model.text(),
    platform: model.enum(["ios", "android", "both"]).default("both"),
    /** The attestation provider that proves requests come from this app. */
    provider_id: model.text().default("signed-token"),
    /** Minutes an app session lasts. */
    session_ttl_minutes: model.number().default(30),
    active: model.boolean().default(true),
  })
  .indexes([{ on: ["sales_channel_id"], unique: true, where: "deleted_at IS NULL" }])

export default AppChannel
