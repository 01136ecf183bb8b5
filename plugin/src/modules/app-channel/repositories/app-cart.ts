import { generateEntityId } from "@medusajs/framework/utils"
import type { Sql } from "../../../lib/sql"

/** Binds a cart to a session (the latest one wins). */
export async function bindCartToSession(sql: Sql, cartId: string, sessionId: string) {
  await sql.execute<never>(
    `INSERT INTO app_cart (id, cart_id, session_id, created_at, updated_at) VALUES (?, ?, ?, now(), now())
     ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE SET session_id = EXCLUDED.session_id, updated_at = now()`,
    [generateEntityId(undefined, "appcart"), cartId, sessionId]
  )
}
