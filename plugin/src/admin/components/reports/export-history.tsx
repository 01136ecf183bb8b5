import {
  Badge,
  Button,
  Container,
  createDataTableColumnHelper,
  DataTable,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { ProgressBar } from "../progress-bar"
import { backendUrl } from "../../lib/backend-url"
import { sdk } from "../../lib/sdk"
import { type OrderExport, type ReportFilters, reportParams } from "./report-query"

const PAGE_SIZE = 10
const columnHelper = createDataTableColumnHelper<OrderExport>()

const STATUS_COLOR = { running: "blue", completed: "green", failed: "red" } as const

const columns = [
  columnHelper.accessor("created_at", {
    header: "Started",
    cell: ({ getValue }) => (getValue() ? new Date(getValue()!).toLocaleString() : "–"),
  }),
  columnHelper.accessor("requested_by", { header: "By", cell: ({ getValue }) => getValue() ?? "–" }),
  columnHelper.display({
    id: "range",
    header: "Range",
    cell: ({ row }) => `${row.original.query.from.slice(0, 10)} → ${row.original.query.to.slice(0, 10)}`,
  }),
  columnHelper.accessor("granularity", {
    header: "Kind",
    cell: ({ getValue, row }) => (
      <Badge size="2xsmall">{`${getValue() === "line_item" ? "Lines" : "Orders"} · ${row.original.format.toUpperCase()}`}</Badge>
    ),
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ row }) => (
      <div className="flex flex-col">
        <StatusBadge color={STATUS_COLOR[row.original.status]}>{row.original.status}</StatusBadge>
        {row.original.error && (
          <Text size="xsmall" className="text-ui-fg-error" title={row.original.error}>
            {row.original.error}
          </Text>
        )}
      </div>
    ),
  }),
  columnHelper.display({
    id: "progress",
    header: "Progress",
    cell: ({ row }) => (
      <div className="w-40">
        <ProgressBar
          label={row.original.progress.percent === null ? "Orders" : `${row.original.progress.percent}%`}
          value={row.original.progress.orders_done}
          max={row.original.progress.orders_estimated}
          testId={`export-progress-${row.original.id}`}
        />
      </div>
    ),
  }),
  columnHelper.display({
    id: "rows",
    header: "Rows",
    cell: ({ row }) => row.original.progress.rows_done.toLocaleString(),
  }),
  columnHelper.display({
    id: "file",
    header: "File",
    cell: ({ row }) =>
      row.original.file ? (
        <a className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover" href={backendUrl(row.original.file.download_url)} download>
          Download
        </a>
      ) : (
        "–"
      ),
  }),
]

/** Background exports: start one for the page's filters, watch its progress, download past files. */
export function ExportHistory({ filters }: { filters: ReportFilters }) {
  const queryClient = useQueryClient()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading } = useQuery({
    queryKey: ["comeback", "order-exports", pagination.pageIndex],
    queryFn: () =>
      sdk.client.fetch<{ order_exports: OrderExport[]; count: number }>("/admin/reports/order-exports", {
        query: { limit: PAGE_SIZE, offset: pagination.pageIndex * PAGE_SIZE },
      }),
    // Poll only while something runs: the progress bar moves, then the page goes quiet.
    refetchInterval: (query) => (query.state.data?.order_exports.some((e) => e.status === "running") ? 1000 : false),
  })
  const start = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ order_export: OrderExport }>("/admin/reports/order-exports", {
        method: "POST",
        body: { ...reportParams(filters), granularity: filters.granularity, format: "csv", totals: true },
      }),
    onSuccess: () => {
      toast.success("Export started", { description: "It appears below; you are notified when the file is ready." })
      setPagination((p) => ({ ...p, pageIndex: 0 }))
      queryClient.invalidateQueries({ queryKey: ["comeback", "order-exports"] })
    },
    onError: (error: Error) => toast.error("The export could not start", { description: error.message }),
  })

  const table = useDataTable({
    columns,
    data: data?.order_exports ?? [],
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="export-history">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-start justify-between gap-2 px-6 py-4">
          <div>
            <Heading level="h2">Background exports</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Large ranges are written to a file on the server; the file stays available for 7 days.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => start.mutate()} isLoading={start.isPending}>
            Export in background
          </Button>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: "No exports yet", description: "Start one to get a CSV file of the report for the chosen filters." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
