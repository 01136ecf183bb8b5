import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { backendUrl } from "../../lib/backend-url"
import { sdk } from "../../lib/sdk"
import { formatDateTime } from "./dates"
import type { AdminGiveaway, GiveawayEntry } from "./types"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<GiveawayEntry>()
const filterHelper = createDataTableFilterHelper<GiveawayEntry>()

const columns = [
  columnHelper.accessor("created_at", { header: "When", cell: ({ getValue }) => formatDateTime(getValue()) }),
  columnHelper.accessor("email", { header: "Fan" }),
  columnHelper.accessor("source", { header: "Source", cell: ({ getValue }) => (getValue() === "free" ? "Free entry" : "Purchase") }),
  columnHelper.accessor("order_id", {
    header: "Order",
    cell: ({ getValue }) =>
      getValue() ? (
        <Link to={`/orders/${getValue()}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          View order
        </Link>
      ) : (
        "–"
      ),
  }),
  columnHelper.accessor("entries", { header: "Entries", align: "right" }),
  columnHelper.accessor("voided_entries", {
    header: "Voided",
    align: "right",
    cell: ({ row }) => (row.original.voided_entries ? `${row.original.voided_entries} (${row.original.void_reason ?? "voided"})` : "–"),
  }),
  columnHelper.accessor("active_entries", { header: "Active", align: "right" }),
]

const filters = [
  filterHelper.accessor("source", {
    type: "radio",
    label: "Source",
    options: [
      { label: "Purchase", value: "purchase" },
      { label: "Free entry", value: "free" },
    ],
  }),
  filterHelper.accessor("voided_entries", {
    type: "radio",
    label: "Voided",
    options: [
      { label: "With voided entries", value: "true" },
      { label: "Without", value: "false" },
    ],
  }),
]

/** Entry totals by source and every entry row, filterable; "Export entrants" downloads the CSV. */
export function GiveawayEntries({ giveaway }: { giveaway: AdminGiveaway }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const filterQuery = useMemo(() => {
    const q: Record<string, string> = {}
    if (filtering.source) q.source = String(filtering.source)
    if (filtering.voided_entries) q.voided = String(filtering.voided_entries)
    if (search) q.email = search
    return q
  }, [filtering, search])
  const { data, isLoading } = useQuery({
    queryKey: ["comeback", "giveaways", giveaway.id, "entries", filterQuery, pagination.pageIndex],
    queryFn: () =>
      sdk.client.fetch<{ giveaway_entries: GiveawayEntry[]; count: number }>(`/admin/giveaways/${giveaway.id}/entries`, {
        query: { ...filterQuery, limit: PAGE_SIZE, offset: pagination.pageIndex * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  })
  const table = useDataTable({
    columns,
    data: data?.giveaway_entries ?? [],
    getRowId: (e) => e.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
  })
  const t = giveaway.totals
  const csv = backendUrl(`/admin/giveaways/${giveaway.id}/entries?${new URLSearchParams({ ...filterQuery, format: "csv" })}`)

  return (
    <Container className="divide-y p-0" data-testid="giveaway-entries">
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-5">
        {[
          ["Active entries", t.entries - t.voided_entries],
          ["Entrants", t.entrants],
          ["From purchases", t.purchase_entries],
          ["Free entries", t.free_entries],
          ["Voided", t.voided_entries],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-ui-border-base px-3 py-2">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {label}
            </Text>
            <Text weight="plus" className="tabular-nums" data-testid={`entries-${String(label).toLowerCase().replace(/ /g, "-")}`}>
              {Number(value).toLocaleString()}
            </Text>
          </div>
        ))}
      </div>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
          <Heading level="h2">Entries</Heading>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.Search placeholder="Fan's email" />
            <Button size="small" variant="secondary" asChild>
              <a href={csv} download data-testid="export-entrants">
                Export entrants
              </a>
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table emptyState={{ empty: { heading: "No entries yet", description: "Purchases and free entries appear here." } }} />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
