import { model } from "@medusajs/framework/utils"

/**
 * A short-lived app session, obtained with a device attestation. Only the
 * SHA-256 of its bearer token is stored. `attestation_id` is unique: an
 * attestation (its `jti`) opens at most one session, so a replayed one fails.
 */
const AppSession = model
  .define("app_session", {
    id: model.id({ prefix: "appses" }).primaryKey(),
    token_hash: model.text(),
    sales_channel_id: model.text(),
    provider_id: model.text(),
    key_id: model.text().nullable(),
    attestation_id: model.text(),
    device_id: model.text(),
    platform: model.enum(["ios", "android"]),
    expires_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["token_hash"], unique: true, where: "deleted_at IS NULL" },
    { on: ["attestation_id"], unique: true },
    { on: ["device_id"] },
  ])

export default AppSession
