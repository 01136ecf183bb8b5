import { LockClosedSolid, PencilSquare } from "@medusajs/icons"
import { Badge, Container, DataTable, Heading, Text, createDataTableColumnHelper, createDataTableFilterHelper, toast, useDataTable } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { ActionMenu } from "../../../components/action-menu"
import { useConfirm } from "../../../components/confirm"
import { DateTime } from "../../../components/date-time"
import { Section, SectionRow } from "../../../components/section"
import { StateBadge } from "../../../components/status-badge"
import { type Group, useCampaign, useCampaignGroups, useCloseCampaign } from "../../../components/group-orders/api"
import { CampaignFormDrawer } from "../../../components/group-orders/campaign-form"
import { CAMPAIGN_COLORS, GROUP_COLORS, TierProgress, countdown } from "../../../components/group-orders/format"
import { useServerTable } from "../../../components/group-orders/table-state"
import { errorMessage } from "../../../lib/errors"
import { withFeature } from "../../../lib/features"

const column = createDataTableColumnHelper<Group>()
const filter = createDataTableFilterHelper<Group>()
const filters = [
  filter.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: ["open", "settling", "settled", "cancelled"].map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
  }),
]

/** One campaign: its settings and tiers, and every group with its progress to the next tier. */
const CampaignPage = () => {
  const { id } = useParams()
  const navigate = useNavigate()
  const confirm = useConfirm()
  const [editing, setEditing] = useState(false)
  const { data, isLoading, isError, error } = useCampaign(id!)
  const close = useCloseCampaign(id!)
  const { query, table } = useServerTable({ sort: { id: "paid_units", desc: true } })
  const groups = useCampaignGroups(id!, query)
  const campaign = data?.group_campaign

  const columns = useMemo(
    () => [
      column.accessor("code", {
        header: "Code",
        cell: ({ row }) => (
          <Text size="small" weight="plus" className="font-mono">
            {row.original.code}
          </Text>
        ),
      }),
      column.display({
        id: "leader",
        header: "Leader",
        cell: ({ row }) => row.original.leader?.email ?? row.original.leader_customer_id,
      }),
      column.accessor("member_count", { header: "Members" }),
      column.accessor("paid_units", {
        header: "Paid units",
        enableSorting: true,
        sortLabel: "Paid units",
        sortAscLabel: "Fewest first",
        sortDescLabel: "Most first",
        cell: ({ row }) => row.original.units,
      }),
      column.display({
        id: "progress",
        header: "Progress to the next tier",
        cell: ({ row }) => <TierProgress compact units={row.original.units} tiers={row.original.campaign.tiers} testId={`progress-${row.original.code}`} />,
      }),
      column.accessor("status", { header: "Status", cell: ({ row }) => <StateBadge state={row.original.status} colors={GROUP_COLORS} /> }),
      column.accessor("created_at", { header: "Started", enableSorting: true, sortLabel: "Started", cell: ({ row }) => <DateTime value={row.original.created_at} withTime={false} /> }),
    ],
    []
  )
  const instance = useDataTable({
    data: groups.data?.groups ?? [],
    columns,
    filters,
    getRowId: (row) => row.id,
    rowCount: groups.data?.count ?? 0,
    isLoading: groups.isLoading,
    onRowClick: (_e, row) => navigate(`/group-orders/groups/${row.id}`),
    ...table,
  })

  if (isError) throw error
  if (isLoading || !campaign) return <Container className="p-6"><Text size="small">Loading…</Text></Container>

  const closeCampaign = async () => {
    const ok = await confirm({
      title: `Close "${campaign.title}"?`,
      description: `No new groups or joins from now on. Its ${campaign.stats?.open_groups ?? 0} open group(s) settle at the next settlement run (within 5 minutes): the final tier is locked and members who paid at a lower tier are refunded the difference. This cannot be undone.`,
      confirmText: "Close campaign",
      variant: "danger",
    })
    if (!ok) return
    try {
      await close.mutateAsync()
      toast.success("Campaign closed", { description: "Its groups settle at the next settlement run." })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const locked = (campaign.stats?.groups ?? 0) > 0

  return (
    <div className="flex flex-col gap-y-3">
      <Section
        level="h1"
        title={campaign.title}
        description={campaign.description ?? undefined}
        testId="campaign-general"
        actions={
          <>
            <StateBadge state={campaign.status} colors={CAMPAIGN_COLORS} />
            <ActionMenu
              groups={[
                [{ label: "Edit", icon: <PencilSquare />, onClick: () => setEditing(true), disabled: campaign.status === "closed" }],
                [{ label: "Close campaign", icon: <LockClosedSolid />, onClick: closeCampaign, disabled: campaign.status === "closed", danger: true }],
              ]}
            />
          </>
        }
      >
        <SectionRow
          title="Tiers"
          value={
            <div className="flex flex-wrap gap-1">
              {campaign.tiers.map((t, i) => (
                <Badge key={i} size="2xsmall" color="blue">
                  T{i + 1}: {t.min_units}+ units → {t.percent}% off
                </Badge>
              ))}
              {locked && <Text size="xsmall" className="text-ui-fg-muted w-full">Fixed: groups exist</Text>}
            </div>
          }
        />
        <SectionRow
          title="Deadline"
          value={
            <div className="flex flex-col">
              <DateTime value={campaign.ends_at} inline />
              <Text size="xsmall" className="text-ui-fg-interactive">{countdown(campaign.ends_at)}</Text>
            </div>
          }
        />
        <SectionRow title="Starts" value={<DateTime value={campaign.starts_at} inline />} />
        <SectionRow
          title="Counts"
          value={`${campaign.product_ids.length} product(s), ${campaign.variant_ids.length} single version(s) · ${campaign.currency_code.toUpperCase()}`}
        />
        <SectionRow
          title="Limits"
          value={`${campaign.max_units_per_member ?? "No limit of"} units per member · ${campaign.max_members ?? "no limit of"} members per group`}
        />
        <SectionRow
          title="Groups"
          value={`${campaign.stats?.groups ?? 0} groups (${campaign.stats?.open_groups ?? 0} open) · ${campaign.stats?.members ?? 0} members · ${campaign.stats?.paid_units ?? 0} paid units`}
        />
        {campaign.promotion_campaign_id && (
          <SectionRow
            title="Tier promotions"
            value={
              <Link to={`/campaigns/${campaign.promotion_campaign_id}`} className="text-ui-fg-interactive hover:underline">
                Medusa campaign "Group orders: {campaign.title}"
              </Link>
            }
          />
        )}
      </Section>

      <Container className="divide-y p-0">
        <DataTable instance={instance}>
          <DataTable.Toolbar className="flex items-center justify-between gap-2 px-6 py-4">
            <Heading level="h2">Groups</Heading>
            <div className="flex items-center gap-x-2">
              <DataTable.FilterMenu tooltip="Filter" />
              <DataTable.SortingMenu tooltip="Sort" />
              <DataTable.Search placeholder="Search by code" />
            </div>
          </DataTable.Toolbar>
          <DataTable.Table
            emptyState={{
              empty: { heading: "No groups yet", description: "A logged-in fan starts a group from the storefront and shares its code." },
              filtered: { heading: "No groups match", description: "Change the search or the filters." },
            }}
          />
          <DataTable.Pagination />
        </DataTable>
      </Container>
      <CampaignFormDrawer open={editing} onOpenChange={setEditing} campaign={campaign} />
    </div>
  )
}

export default withFeature("group_orders", CampaignPage, "page")
