import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import {
  Button,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { sdk } from "../../lib/sdk"
import { GiveawayFormDrawer } from "../../components/giveaways/giveaway-form"
import { formatDateTime } from "../../components/giveaways/dates"
import { STATE_COLOR, STATE_LABEL } from "../../components/giveaways/state"
import type { AdminGiveaway } from "../../components/giveaways/types"
import { withFeature } from "../../lib/features"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<AdminGiveaway>()
const filterHelper = createDataTableFilterHelper<AdminGiveaway>()

const columns = [
  columnHelper.accessor("title", {
    header: "Giveaway",
    cell: ({ row }) => (
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          {row.original.title}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {row.original.prize}
        </Text>
      </div>
    ),
  }),
  columnHelper.accessor("state", {
    header: "Status",
    cell: ({ getValue }) => <StatusBadge color={STATE_COLOR[getValue()] ?? "grey"}>{STATE_LABEL[getValue()] ?? getValue()}</StatusBadge>,
  }),
  columnHelper.accessor("starts_at", { header: "Opens", cell: ({ getValue }) => formatDateTime(getValue()) }),
  columnHelper.accessor("ends_at", { header: "Closes", cell: ({ getValue }) => formatDateTime(getValue()) }),
  columnHelper.accessor((g) => g.totals.entries - g.totals.voided_entries, {
    id: "entries",
    header: "Entries",
    align: "right",
    cell: ({ getValue }) => getValue().toLocaleString(),
  }),
  columnHelper.accessor((g) => g.totals.entrants, {
    id: "entrants",
    header: "Entrants",
    align: "right",
    cell: ({ getValue }) => getValue().toLocaleString(),
  }),
]

const filters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: [
      { label: "Draft", value: "draft" },
      { label: "Live", value: "live" },
      { label: "Drawn", value: "drawn" },
      { label: "Closed", value: "closed" },
    ],
  }),
]

/** Giveaways: every giveaway with its state, window and entries; create one in a drawer. */
const GiveawaysPage = () => {
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const query = useMemo(() => {
    const status = (filtering.status as string[] | undefined) ?? []
    return {
      limit: PAGE_SIZE,
      offset: pagination.pageIndex * PAGE_SIZE,
      ...(status.length ? { status } : {}),
      ...(search ? { q: search } : {}),
    }
  }, [pagination, filtering, search])
  const { data, isLoading } = useQuery({
    queryKey: ["comeback", "giveaways", "list", query],
    queryFn: () => sdk.client.fetch<{ giveaways: AdminGiveaway[]; count: number }>("/admin/giveaways", { query }),
    placeholderData: keepPreviousData,
  })

  const table = useDataTable({
    columns,
    data: data?.giveaways ?? [],
    getRowId: (g) => g.id,
    rowCount: data?.count ?? 0,
    isLoading,
    filters,
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    onRowClick: (_event, row) => navigate(`/giveaways/${row.id}`),
  })

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading>Giveaways</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Every purchase can earn entries; draws are committed before entries open and verifiable by anyone.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.Search placeholder="Search titles" />
            <Button size="small" variant="secondary" onClick={() => setCreating(true)} data-testid="create-giveaway">
              Create
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: "No giveaways yet", description: "Create one to let every purchase earn a chance at a signed album." },
            filtered: { heading: "No giveaways match", description: "Try other filters." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <GiveawayFormDrawer open={creating} onOpenChange={setCreating} onSaved={(g) => navigate(`/giveaways/${g.id}`)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Giveaways", icon: Gift })

export default withFeature("giveaways", GiveawaysPage, "page")
