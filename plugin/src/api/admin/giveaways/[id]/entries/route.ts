import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import { toCsv } from "../../../../../modules/giveaway/lib/csv"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { asArray } from "../../../../utils/validate"
import { entryRow } from "../../../../serializers/giveaway"
import type { AdminListGiveawayEntriesType } from "../../../../schemas/giveaway"
import { loadGiveaway } from "../../../../utils/giveaways"

const CSV_COLUMNS = [
  "id",
  "source",
  "customer_id",
  "email",
  "order_id",
  "order_line_item_id",
  "product_id",
  "variant_id",
  "units",
  "returned_units",
  "requested_entries",
  "entries",
  "voided_entries",
  "active_entries",
  "void_reason",
  "country_code",
  "region",
  "created_at",
] as const

/**
 * GET /admin/giveaways/:id/entries: every entry row (oldest first) with filters
 * and totals; `?format=csv` downloads all matching rows as a spreadsheet-safe CSV.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListGiveawayEntriesType>, res: MedusaResponse) {
  const q = req.validatedQuery
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  const giveaway = await loadGiveaway(giveaways, req.params.id)
  const filters: Record<string, unknown> = { giveaway_id: giveaway.id }
  if (q.source) filters.source = asArray(q.source)
  if (q.customer_id) filters.customer_id = q.customer_id
  if (q.order_id) filters.order_id = q.order_id
  if (q.email) filters.email = { $ilike: q.email.trim().replace(/[%_\\]/g, "\\$&") }
  if (q.voided !== undefined) filters.voided_entries = q.voided ? { $gt: 0 } : 0
  const order = { created_at: "ASC" as const, id: "ASC" as const }

  if (q.format === "csv") {
    const rows = (await giveaways.listGiveawayEntries(filters, { order })).map(entryRow)
    res.setHeader("Content-Type", "text/csv; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="giveaway-${giveaway.id}-entries.csv"`)
    res.send(toCsv([...CSV_COLUMNS], rows.map((row) => CSV_COLUMNS.map((column) => row[column]))))
    return
  }
  const [rows, count] = await giveaways.listAndCountGiveawayEntries(filters, { skip: q.offset, take: q.limit, order })
  const totals = await giveaways.entryTotals([giveaway.id])
  res.json({ giveaway_entries: rows.map(entryRow), count, limit: q.limit, offset: q.offset, totals: totals[giveaway.id] })
}
