import {
  DataTable,
  Heading,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { DateTime } from "../date-time"
import { ProgressBar } from "../progress-bar"
import { StateBadge } from "../status-badge"
import { STATE_COLORS, usePlans, type Plan } from "../preorders/api"
import { useAlbums } from "./use-albums"

const PAGE_SIZE = 20
const column = createDataTableColumnHelper<Plan>()
const filter = createDataTableFilterHelper<Plan>()
const DAY = 24 * 3600 * 1000

/** Upcoming and recent releases, one row per album version, filtered by state and release date. */
export function DropsTable() {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const state = filtering.state as string[] | undefined
  const release = filtering.release_date as { $gte?: string; $lte?: string } | undefined
  const { data, isLoading } = usePlans({
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    state: state?.length ? state : undefined,
    // Drafts and cancelled plans are not drops; "state" narrows further.
    status: state?.length ? undefined : ["active", "released"],
    release_from: release?.$gte,
    release_to: release?.$lte,
    order: "release_date",
  })
  const plans = data?.preorder_plans ?? []
  const { album, versionTitle } = useAlbums(plans.map((p) => p.product_id))

  const columns = useMemo(
    () => [
      column.display({
        id: "version",
        header: "Album version",
        cell: ({ row }) => (
          <div className="flex flex-col py-2">
            <Text size="small" weight="plus" leading="compact">
              {album(row.original.product_id)?.title ?? row.original.product_id}
            </Text>
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {versionTitle(row.original.product_id, row.original.variant_id)}
            </Text>
          </div>
        ),
      }),
      column.accessor("release_date", { header: "Release", cell: ({ getValue }) => <DateTime value={getValue()} inline /> }),
      column.accessor("state", { header: "State", cell: ({ getValue }) => <StateBadge state={getValue()} colors={STATE_COLORS} /> }),
      column.accessor("reserved_units", {
        header: "Pre-ordered",
        cell: ({ row }) => (
          <div className="w-40 py-2" data-testid={`drop-progress-${row.original.variant_id}`}>
            <ProgressBar label="Units" value={row.original.reserved_units} max={row.original.cap} />
          </div>
        ),
      }),
      column.accessor("benefit_remaining", {
        header: "Benefit left",
        cell: ({ getValue, row }) => (row.original.benefit_pool === null ? "-" : `${getValue()} of ${row.original.benefit_pool}`),
      }),
      column.display({
        id: "counts",
        header: "Pending / ready / cancelled",
        cell: ({ row }) => (
          <span className="tabular-nums" data-testid={`drop-counts-${row.original.variant_id}`}>
            {row.original.units.pending} / {row.original.units.ready} / {row.original.units.cancelled}
          </span>
        ),
      }),
    ],
    [album, versionTitle]
  )

  const filters = useMemo(() => {
    const now = Date.now()
    const iso = (t: number) => new Date(t).toISOString()
    return [
      filter.accessor("state", {
        type: "multiselect",
        label: "State",
        options: (["upcoming", "open", "closed", "released"] as const).map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
      }),
      filter.accessor("release_date", {
        type: "date",
        label: "Release date",
        format: "date",
        rangeOptionLabel: "Custom range",
        rangeOptionStartLabel: "From",
        rangeOptionEndLabel: "To",
        options: [
          { label: "Next 7 days", value: { $gte: iso(now), $lte: iso(now + 7 * DAY) } },
          { label: "Next 30 days", value: { $gte: iso(now), $lte: iso(now + 30 * DAY) } },
          { label: "Last 30 days", value: { $gte: iso(now - 30 * DAY), $lte: iso(now) } },
        ],
      }),
    ]
  }, [])

  const table = useDataTable({
    data: plans,
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: {
      state: filtering,
      onFilteringChange: (next) => {
        setFiltering(next)
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
    },
    onRowClick: (_, row) => navigate(`/products/${row.product_id}`),
  })

  return (
    <DataTable instance={table}>
      <DataTable.Toolbar className="flex items-center justify-between gap-x-2 px-6 py-4">
        <div>
          <Heading>Drops</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Upcoming and recent releases of every album version on pre-order.
          </Text>
        </div>
        <div data-testid="drops-filter-menu">
          <DataTable.FilterMenu tooltip="Filter" />
        </div>
      </DataTable.Toolbar>
      <DataTable.Table
        emptyState={{
          empty: { heading: "No drops yet", description: "Create a pre-order plan on a product's page to start a drop." },
          filtered: { heading: "No drops match", description: "Change the state or the release dates." },
        }}
      />
      <DataTable.Pagination />
    </DataTable>
  )
}
