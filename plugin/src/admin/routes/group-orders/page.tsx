import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Button, Container, DataTable, Heading, Text, createDataTableColumnHelper, createDataTableFilterHelper, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { DateTime } from "../../components/date-time"
import { StateBadge } from "../../components/status-badge"
import { type GroupCampaign, useCampaigns } from "../../components/group-orders/api"
import { CampaignFormDrawer } from "../../components/group-orders/campaign-form"
import { CAMPAIGN_COLORS, countdown, tierLabel } from "../../components/group-orders/format"
import { useServerTable } from "../../components/group-orders/table-state"
import { withFeature } from "../../lib/features"

const column = createDataTableColumnHelper<GroupCampaign>()
const filter = createDataTableFilterHelper<GroupCampaign>()
const filters = [
  filter.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: [
      { label: "Active", value: "active" },
      { label: "Closed", value: "closed" },
    ],
  }),
]

/** Group orders: every campaign, its deadline and how its groups are doing. */
const GroupOrdersPage = () => {
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const { query, table } = useServerTable({ sort: { id: "created_at", desc: true } })
  const { data, isLoading, isError, error } = useCampaigns(query)
  const columns = useMemo(
    () => [
      column.accessor("title", {
        header: "Campaign",
        cell: ({ row }) => (
          <div className="flex flex-col py-1">
            <Text size="small" weight="plus" leading="compact">
              {row.original.title}
            </Text>
            <Text size="xsmall" className="text-ui-fg-muted">
              {tierLabel(row.original.tiers)}
            </Text>
          </div>
        ),
      }),
      column.accessor("status", {
        header: "Status",
        cell: ({ row }) => <StateBadge state={row.original.status} colors={CAMPAIGN_COLORS} />,
      }),
      column.accessor("ends_at", {
        header: "Deadline",
        enableSorting: true,
        sortLabel: "Deadline",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <DateTime value={row.original.ends_at} />
            <Text size="xsmall" className={row.original.status === "active" ? "text-ui-fg-interactive" : "text-ui-fg-muted"}>
              {countdown(row.original.ends_at)}
            </Text>
          </div>
        ),
      }),
      column.display({
        id: "groups",
        header: "Groups",
        cell: ({ row }) => `${row.original.stats?.groups ?? 0} (${row.original.stats?.open_groups ?? 0} open)`,
      }),
      column.display({ id: "members", header: "Members", cell: ({ row }) => row.original.stats?.members ?? 0 }),
      column.display({ id: "units", header: "Paid units", cell: ({ row }) => row.original.stats?.paid_units ?? 0 }),
      column.accessor("created_at", { header: "Created", enableSorting: true, sortLabel: "Created", cell: ({ row }) => <DateTime value={row.original.created_at} withTime={false} /> }),
    ],
    []
  )
  const instance = useDataTable({
    data: data?.group_campaigns ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_e, row) => navigate(`/group-orders/${row.id}`),
    ...table,
  })
  if (isError) throw error

  return (
    <Container className="divide-y p-0">
      <DataTable instance={instance}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading>Group orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Fans who order together save together: campaigns, their tiers and their groups.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.SortingMenu tooltip="Sort" />
            <DataTable.Search placeholder="Search campaigns" />
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: "No group campaigns yet", description: "Create a campaign: its tiers, the products that count and a deadline." },
            filtered: { heading: "No campaigns match", description: "Change the search or the filters." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
      <CampaignFormDrawer open={creating} onOpenChange={setCreating} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Group orders", icon: Users })

export default withFeature("group_orders", GroupOrdersPage, "page")
