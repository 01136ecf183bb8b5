import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import FinanceOrderRow from "./models/finance-order-row"
import { placeholders, type SqlManager } from "../../lib/sql"

const sqlOf = (context: Context) => (context.transactionManager ?? context.manager) as unknown as SqlManager

/** What the refresh writes for one order (see models/finance-order-row.ts). */
export type FinanceOrderRowInput = {
  order_id: string
  display_id: number | null
  order_created_at: Date | string
  order_updated_at: Date | string
  sales_channel_id: string | null
  region_id: string | null
  currency_code: string
  status: string
  payment_status: string
  facts: Record<string, unknown>
  order_row: Record<string, unknown>
  line_rows: Record<string, unknown>[]
}

/** What a report page reads of each row: the facts, or the prebuilt rows of one granularity. */
export type FinanceRowPart = "facts" | "order_row" | "line_rows"
const PARTS: FinanceRowPart[] = ["facts", "order_row", "line_rows"]

/** Which rows a report reads: created_at range, filters, keyset cursor (`order_id > after`). */
export type FinanceRowFilter = {
  from: Date
  to: Date
  sales_channel_id?: string[]
  region_id?: string[]
  status?: string[]
  payment_status?: string[]
  after?: string | null
}

const COLUMNS = [
  "order_id", "display_id", "order_created_at", "order_updated_at", "sales_channel_id", "region_id",
  "currency_code", "status", "payment_status", "facts", "order_row", "line_rows",
] as const

function where(f: FinanceRowFilter): { sql: string; params: unknown[] } {
  const parts = ["deleted_at IS NULL", "order_created_at >= ?", "order_created_at < ?"]
  const params: unknown[] = [f.from, f.to]
  for (const key of ["sales_channel_id", "region_id", "status", "payment_status"] as const) {
    const values = f[key]
    if (values?.length) {
      parts.push(`${key} IN (${placeholders(values)})`)
      params.push(...values)
    }
  }
  if (f.after) {
    parts.push("order_id > ?")
    params.push(f.after)
  }
  return { sql: parts.join(" AND "), params }
}

/**
 * The finance report's read model. Rows are written only by the
 * refresh-finance-rows workflow (upsert by order id) and read page by page in
 * order id order; plain SQL on this module's own table keeps a page of a
 * thousand rows one indexed query without ORM hydration.
 */
export default class FinanceReportModuleService extends MedusaService({ FinanceOrderRow }) {
  /** Inserts or replaces the rows of these orders; returns the order ids written. */
  @InjectTransactionManager()
  async upsertOrderRows(rows: FinanceOrderRowInput[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    if (!rows.length) return []
    const sql = sqlOf(sharedContext)
    const values: unknown[] = []
    const tuples = rows.map((r) => {
      values.push(
        generateEntityId(undefined, "finrow"), r.order_id, r.display_id, new Date(r.order_created_at), new Date(r.order_updated_at),
        r.sales_channel_id, r.region_id, r.currency_code, r.status, r.payment_status,
        JSON.stringify(r.facts), JSON.stringify(r.order_row), JSON.stringify(r.line_rows)
      )
      return "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, now(), now())"
    })
    const updates = COLUMNS.filter((c) => c !== "order_id").map((c) => `${c} = excluded.${c}`).join(", ")
    await sql.execute(
      `INSERT INTO finance_order_row (id, ${COLUMNS.join(", ")}, created_at, updated_at) VALUES ${tuples.join(", ")}
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET ${updates}, updated_at = now()`,
      values
    )
    return rows.map((r) => r.order_id)
  }

  /** Removes the rows of these orders (an order that no longer exists, or became a draft). */
  @InjectTransactionManager()
  async removeOrderRows(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!orderIds.length) return
    await sqlOf(sharedContext).execute(`DELETE FROM finance_order_row WHERE order_id IN (${placeholders(orderIds)})`, orderIds)
  }

  /** The stored rows of these orders, whole (for a refresh's undo). */
  @InjectManager()
  async orderRowsOf(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<FinanceOrderRowInput[]> {
    if (!orderIds.length) return []
    return sqlOf(sharedContext).execute(
      `SELECT ${COLUMNS.join(", ")} FROM finance_order_row WHERE deleted_at IS NULL AND order_id IN (${placeholders(orderIds)})`,
      orderIds
    )
  }

  /** order id → the order's updated_at the row was computed from, for the orders that have a row. */
  @InjectManager()
  async rowStamps(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, Date>> {
    if (!orderIds.length) return new Map()
    const rows = await sqlOf(sharedContext).execute(
      `SELECT order_id, order_updated_at FROM finance_order_row WHERE deleted_at IS NULL AND order_id IN (${placeholders(orderIds)})`,
      orderIds
    )
    return new Map(rows.map((r) => [r.order_id, new Date(r.order_updated_at)]))
  }

  /** order id → when its row was last written (to compare with changes our other modules made to the order). */
  @InjectManager()
  async rowsWrittenAt(orderIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, Date>> {
    if (!orderIds.length) return new Map()
    const rows = await sqlOf(sharedContext).execute(
      `SELECT order_id, updated_at FROM finance_order_row WHERE deleted_at IS NULL AND order_id IN (${placeholders(orderIds)})`,
      orderIds
    )
    return new Map(rows.map((r) => [r.order_id, new Date(r.updated_at)]))
  }

  /** One page of rows (their order id and the parts asked for), in order id order after `filter.after`. */
  @InjectManager()
  async readPage(
    filter: FinanceRowFilter,
    parts: FinanceRowPart[],
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<({ order_id: string } & Record<FinanceRowPart, any>)[]> {
    if (!parts.length || parts.some((p) => !PARTS.includes(p))) throw new Error(`Unknown parts of a finance row: ${parts.join(", ")}`)
    const { sql, params } = where(filter)
    return sqlOf(sharedContext).execute(
      `SELECT order_id, ${parts.join(", ")} FROM finance_order_row WHERE ${sql} ORDER BY order_id ASC LIMIT ?`,
      [...params, limit]
    )
  }

  /** How many rows match (for a background export's progress). */
  @InjectManager()
  async countRows(filter: FinanceRowFilter, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const { sql, params } = where(filter)
    const [row] = await sqlOf(sharedContext).execute(`SELECT count(*)::int AS n FROM finance_order_row WHERE ${sql}`, params)
    return row?.n ?? 0
  }
}
