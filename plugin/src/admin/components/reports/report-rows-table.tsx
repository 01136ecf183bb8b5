import { Button, Container, createDataTableColumnHelper, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { backendUrl } from "../../lib/backend-url"
import { sdk } from "../../lib/sdk"
import { formatMoney, type ReportFilters, reportParams, toSearch } from "./report-query"

type Row = Record<string, string | number | boolean | null>
type RowsPage = { columns: string[]; rows: Row[]; next_cursor: string | null }

const PAGE_SIZE = 20
const helper = createDataTableColumnHelper<Row>()
const money = (key: string, header: string) =>
  helper.accessor(key, {
    header,
    align: "right",
    cell: ({ getValue, row }) => formatMoney(String(getValue() ?? "0"), String(row.original.currency ?? "USD").toUpperCase()),
  })
const text = (key: string, header: string) => helper.accessor(key, { header, cell: ({ getValue }) => String(getValue() ?? "–") || "–" })
const orderLink = helper.accessor("display_id", {
  header: "Order",
  cell: ({ getValue, row }) => (
    <Link to={`/orders/${row.original.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      #{String(getValue())}
    </Link>
  ),
})
const placed = helper.accessor((row) => row.created_at_local ?? row.created_at, {
  id: "placed",
  header: "Placed",
  cell: ({ getValue }) => String(getValue() ?? "").replace("T", " ").slice(0, 16),
})

const ORDER_COLUMNS = [
  orderLink, placed, text("customer_email", "Customer"), text("sales_channel", "Channel"), text("order_status", "Status"),
  text("payment_status", "Payment"), money("subtotal", "Gross"), money("discount_total", "Discounts"), money("tax_total", "Tax"),
  money("total", "Total"), money("refunded", "Refunded"), money("net", "Net"), text("promotion_codes", "Codes"),
]
const LINE_COLUMNS = [
  orderLink, placed, text("sku", "SKU"), text("product", "Product"), text("version", "Version"), text("quantity", "Qty"),
  money("subtotal", "Gross"), money("discount_total", "Discounts"), money("total", "Total"), text("preorder_status", "Pre-order"),
  text("release_date", "Release"), text("group_code", "Group"),
]

/**
 * The report's rows as the export writes them, a page at a time (keyset paging:
 * the API pages by order id, so "next" follows its cursor and "previous" goes
 * back through the cursors already seen). "Download CSV" is a plain link: the
 * browser streams the whole file, nothing is held in the page.
 */
export function ReportRowsTable({ filters }: { filters: ReportFilters }) {
  const params = useMemo(() => reportParams(filters), [filters])
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  useEffect(() => setCursors([null]), [params, filters.granularity])
  const after = cursors[cursors.length - 1]
  const { data, isLoading, error } = useQuery({
    queryKey: ["comeback", "report-rows", params, filters.granularity, after],
    queryFn: () =>
      sdk.client.fetch<RowsPage>("/admin/reports/orders", {
        query: { ...params, granularity: filters.granularity, format: "json", limit: PAGE_SIZE, ...(after ? { after } : {}) },
      }),
    placeholderData: keepPreviousData,
  })
  const table = useDataTable({
    columns: filters.granularity === "line_item" ? LINE_COLUMNS : ORDER_COLUMNS,
    data: data?.rows ?? [],
    getRowId: (row, i) => `${row.order_id}-${row.line_id ?? ""}-${i}`,
    rowCount: data?.rows.length ?? 0,
    isLoading,
  })
  const csv = backendUrl(`/admin/reports/orders?${toSearch({ ...params, granularity: filters.granularity, format: "csv", totals: "true" })}`)

  return (
    <Container className="divide-y p-0" data-testid="report-rows">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-start justify-between gap-2 px-6 py-4">
          <div>
            <Heading level="h2">{filters.granularity === "line_item" ? "Line rows" : "Order rows"}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Exactly the rows of the CSV, Medusa's own totals; the file ends with control totals per currency.
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <a href={csv} download data-testid="download-csv">
              Download CSV
            </a>
          </Button>
        </DataTable.Toolbar>
        {error ? (
          <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>
        ) : (
          <DataTable.Table
            emptyState={{ empty: { heading: "No orders", description: "No order matches these filters." } }}
          />
        )}
      </DataTable>
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" className="text-ui-fg-subtle">
          Page {cursors.length}
        </Text>
        <div className="flex gap-x-2">
          <Button size="small" variant="transparent" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </Button>
          <Button
            size="small"
            variant="transparent"
            disabled={!data?.next_cursor}
            onClick={() => data?.next_cursor && setCursors((c) => [...c, data.next_cursor])}
          >
            Next
          </Button>
        </div>
      </div>
    </Container>
  )
}
