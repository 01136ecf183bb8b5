import { model } from "@medusajs/framework/utils"

/**
 * Append-only record of what happened to a giveaway: every staff action
 * (create, update, go live, draw, disqualify, claim), the draw and the
 * notifications. Who (`actor_type` + `actor_id`), what (`action`, `details`),
 * when (`created_at`).
 */
const GiveawayAuditLog = model
  .define("giveaway_audit_log", {
    id: model.id({ prefix: "gwlog" }).primaryKey(),
    giveaway_id: model.text(),
    actor_type: model.enum(["user", "system", "customer"]),
    actor_id: model.text().nullable(),
    action: model.text(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["giveaway_id", "created_at"] }])

export default GiveawayAuditLog
