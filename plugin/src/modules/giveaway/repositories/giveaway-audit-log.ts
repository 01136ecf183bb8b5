import { generateEntityId } from "@medusajs/framework/utils"
import { placeholders, type Sql } from "../../../lib/sql"

export type Actor = { type: "user" | "system" | "customer"; id: string | null }

/** Appends an audit row. clock_timestamp(), not now(): rows written in one transaction keep their order. */
export async function appendAudit(sql: Sql, giveawayId: string, actor: Actor, action: string, details: Record<string, unknown>) {
  const id = generateEntityId(undefined, "gwlog")
  await sql.execute<never>(
    `INSERT INTO giveaway_audit_log (id, giveaway_id, actor_type, actor_id, action, details, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, clock_timestamp(), clock_timestamp())`,
    [id, giveawayId, actor.type, actor.id, action, JSON.stringify(details)]
  )
  return id
}

/** Whether a giveaway's log already has `action` about this order. */
export async function auditedForOrder(sql: Sql, giveawayId: string, action: string, orderId: string) {
  const [seen] = await sql.execute<{ id: string }>(
    `SELECT id FROM giveaway_audit_log WHERE giveaway_id = ? AND action = ? AND details->>'order_id' = ?`,
    [giveawayId, action, orderId]
  )
  return !!seen
}

export async function deleteAuditRows(sql: Sql, ids: string[]) {
  await sql.execute<never>(`DELETE FROM giveaway_audit_log WHERE id IN (${placeholders(ids)})`, ids)
}
