import { Container, createDataTableColumnHelper, DataTable, type DataTablePaginationState, Heading, Text, useDataTable } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatDateTime } from "./dates"
import type { AuditLog } from "./types"

const PAGE_SIZE = 10
const columnHelper = createDataTableColumnHelper<AuditLog>()
const columns = [
  columnHelper.accessor("created_at", { header: "When", cell: ({ getValue }) => formatDateTime(getValue()) }),
  columnHelper.accessor("action", { header: "What", cell: ({ getValue }) => getValue().replace(/_/g, " ") }),
  columnHelper.accessor("actor_type", {
    header: "Who",
    cell: ({ row }) => (row.original.actor_type === "user" ? `Staff ${row.original.actor_id ?? ""}` : row.original.actor_type),
  }),
  columnHelper.accessor("details", {
    header: "Details",
    cell: ({ getValue }) => (
      <Text size="xsmall" className="font-mono text-ui-fg-subtle" title={JSON.stringify(getValue())}>
        {getValue() ? JSON.stringify(getValue()) : "–"}
      </Text>
    ),
  }),
]

/** Who did what and when, newest first: every change, draw, notification, disqualification and claim. */
export function GiveawayAudit({ giveawayId }: { giveawayId: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const { data, isLoading } = useQuery({
    queryKey: ["comeback", "giveaways", giveawayId, "audit", pagination.pageIndex],
    queryFn: () =>
      sdk.client.fetch<{ giveaway_audit_logs: AuditLog[]; count: number }>(`/admin/giveaways/${giveawayId}/audit`, {
        query: { limit: PAGE_SIZE, offset: pagination.pageIndex * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  })
  const table = useDataTable({
    columns,
    data: data?.giveaway_audit_logs ?? [],
    getRowId: (r) => r.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
  })
  return (
    <Container className="divide-y p-0" data-testid="giveaway-audit">
      <DataTable instance={table}>
        <DataTable.Toolbar className="px-6 py-4">
          <Heading level="h2">Audit log</Heading>
        </DataTable.Toolbar>
        <DataTable.Table emptyState={{ empty: { heading: "Nothing recorded yet", description: "" } }} />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
