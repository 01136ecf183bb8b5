import { model } from "@medusajs/framework/utils"

/**
 * One order as the finance report sees it: the filter columns (indexed), the
 * order's report facts (`facts`: the ReportOrder the export's row builder
 * reads, lines included) and the export's rows already built from them in UTC
 * (`order_row`, `line_rows`: what a report without `tz` streams as is), all
 * computed from Medusa's own totals by the `refresh-finance-rows` workflow. `order_updated_at` is the order's updated_at
 * when the row was computed; a row older than its order is refreshed by the job.
 */
const FinanceOrderRow = model
  .define("finance_order_row", {
    id: model.id({ prefix: "finrow" }).primaryKey(),
    order_id: model.text(),
    display_id: model.number().nullable(),
    order_created_at: model.dateTime(),
    order_updated_at: model.dateTime(),
    sales_channel_id: model.text().nullable(),
    region_id: model.text().nullable(),
    currency_code: model.text(),
    status: model.text(),
    payment_status: model.text(),
    facts: model.json(),
    order_row: model.json(),
    line_rows: model.json(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_created_at", "order_id"], where: "deleted_at IS NULL" },
    { on: ["sales_channel_id"], where: "deleted_at IS NULL" },
    { on: ["region_id"], where: "deleted_at IS NULL" },
  ])

export default FinanceOrderRow
