import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { TriangleDownMini, TriangleRightMini, Users } from "@medusajs/icons"
import { Container, DataTable, Heading, IconButton, Text, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { StateBadge } from "../components/status-badge"
import { type Group, useCampaignGroups } from "../components/group-orders/api"
import { GROUP_COLORS } from "../components/group-orders/format"
import { useServerTable } from "../components/group-orders/table-state"
import { withFeature } from "../lib/features"

const column = createDataTableColumnHelper<Group>()

/**
 * Under Medusa's promotions list (2.21 places list widgets after the table): every group's automatic tier promotions
 * (`<CODE>-T1`, `-T2`, …) are listed there among the store's own codes. This
 * panel says which ones they are, grouped by their group, and where to run them.
 */
const PromotionListGroupsWidget = () => {
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const { query, table } = useServerTable({ pageSize: 10, sort: { id: "created_at", desc: true } })
  const { data, isLoading } = useCampaignGroups(null, query)
  const total = useCampaignGroups(null, { limit: 1, offset: 0 })
  const columns = useMemo(
    () => [
      column.accessor("code", {
        header: "Group",
        cell: ({ row }) => <span className="font-mono">{row.original.code}</span>,
      }),
      column.display({ id: "campaign", header: "Campaign", cell: ({ row }) => row.original.campaign.title }),
      column.display({
        id: "promotions",
        header: "Its tier promotions",
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-x-2" onClick={(e) => e.stopPropagation()}>
            {row.original.promotions.map((p) => (
              <Link key={p.promotion_id} to={`/promotions/${p.promotion_id}`} className="text-ui-fg-interactive font-mono hover:underline">
                {p.code} ({p.percent}%)
              </Link>
            ))}
          </div>
        ),
      }),
      column.accessor("status", { header: "Status", cell: ({ row }) => <StateBadge state={row.original.status} colors={GROUP_COLORS} /> }),
    ],
    []
  )
  const instance = useDataTable({
    data: data?.groups ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: data?.count ?? 0,
    isLoading,
    onRowClick: (_e, row) => navigate(`/group-orders/groups/${row.id}`),
    pagination: table.pagination,
    search: table.search,
  })
  const groups = total.data?.count ?? 0
  if (!groups) return null
  const promotions = (data?.groups ?? []).reduce((n, g) => n + g.promotions.length, 0)

  return (
    <Container className="divide-y p-0" data-testid="promotion-list-groups">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-start gap-x-3">
          <Users className="text-ui-fg-subtle mt-0.5" />
          <div>
            <Heading level="h2">Group order tier promotions</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {groups} group{groups === 1 ? "" : "s"} each own automatic promotions named <span className="font-mono">CODE-T1</span>,{" "}
              <span className="font-mono">-T2</span>… below. They are created, switched on and off by their group: run them from{" "}
              <Link to="/group-orders" className="text-ui-fg-interactive hover:underline">
                Group orders
              </Link>
              .
            </Text>
          </div>
        </div>
        <IconButton size="small" variant="transparent" aria-label={open ? "Hide groups" : "Show groups"} onClick={() => setOpen(!open)}>
          {open ? <TriangleDownMini /> : <TriangleRightMini />}
        </IconButton>
      </div>
      {open && (
        <DataTable instance={instance}>
          <DataTable.Toolbar className="flex items-center justify-between px-6 py-3">
            <Text size="small" className="text-ui-fg-subtle">
              {promotions} tier promotion(s) on this page
            </Text>
            <DataTable.Search placeholder="Search by group code" />
          </DataTable.Toolbar>
          <DataTable.Table emptyState={{ filtered: { heading: "No group matches", description: "Search by the group's code, e.g. NCTDREAM." } }} />
          <DataTable.Pagination />
        </DataTable>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "promotion.list" })

export default withFeature("group_orders", PromotionListGroupsWidget, "widget")
