import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { FinanceOrderRowInput } from "../../../modules/finance-report/service"
import { lineRows, orderRow } from "../../../lib/finance-report/report-rows"
import { readOrderFactsById } from "../../../lib/finance-report/order-report-source"

export type ComputedFinanceRows = { rows: FinanceOrderRowInput[]; missing: string[] }

/** Orders per query.graph read while computing rows. */
const CHUNK = 250

/**
 * Computes the read-model rows of these orders with the export's own source
 * (query.graph, Medusa's totals, our modules' facts) and row builder. Ids that are no longer
 * (non-draft) orders come back as `missing`, so their rows are removed.
 */
export const computeFinanceRowsStep = createStep("compute-finance-rows", async (input: { order_ids: string[] }, { container }) => {
  const ids = [...new Set(input.order_ids)]
  const rows: FinanceOrderRowInput[] = []
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const f of await readOrderFactsById(container, ids.slice(i, i + CHUNK))) {
      rows.push({
        order_id: f.order.id,
        display_id: f.order.display_id,
        order_created_at: f.order.created_at,
        order_updated_at: f.updated_at,
        sales_channel_id: f.sales_channel_id,
        region_id: f.region_id,
        currency_code: f.order.currency_code,
        status: f.order.status,
        payment_status: f.order.payment_status,
        facts: f.order as unknown as Record<string, unknown>,
        // The export's own rows in UTC, built once here rather than on every export.
        order_row: orderRow(f.order),
        line_rows: lineRows(f.order),
      })
    }
  }
  const found = new Set(rows.map((r) => r.order_id))
  return new StepResponse<ComputedFinanceRows>({ rows, missing: ids.filter((id) => !found.has(id)) })
})
