import {
  Alert,
  Button,
  DataTable,
  Drawer,
  Heading,
  Input,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  toast,
  useDataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
} from "@medusajs/ui"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { useConfirm } from "../confirm"
import { DateTime } from "../date-time"
import { Field } from "../field-error"
import { StateBadge } from "../status-badge"
import { errorMessage, serverErrors } from "../../lib/errors"
import { ITEM_COLORS, usePlanItems, usePlanMutation, type Item, type Plan } from "./api"

const PAGE_SIZE = 10
const column = createDataTableColumnHelper<Item>()
const filter = createDataTableFilterHelper<Item>()

type Allocation = {
  received_quantity: number
  ordered_units: number
  shortfall: number
  unallocated: { item_id: string; order_id: string | null; quantity: number; allocated: number }[]
}
type CancelResult = {
  cancelled: { item_id: string; order_id: string | null; refunded: string }[]
  failed: { item_id: string; error: string }[]
  partially_allocated: { item_id: string; order_id: string | null; quantity: number; allocated: number }[]
}

/** A plan's pre-ordered lines (paged, filtered by status / email / order) and the short-supply tools. */
export function ItemsDrawer({ open, onOpenChange, plan, title }: { open: boolean; onOpenChange: (open: boolean) => void; plan: Plan; title: string }) {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")
  const status = filtering.status as string[] | undefined
  const query = {
    limit: PAGE_SIZE,
    offset: pagination.pageIndex * PAGE_SIZE,
    status: status?.length ? status : undefined,
    ...(search.startsWith("order_") ? { order_id: search } : search.includes("@") ? { email: search } : {}),
  } as Record<string, any>
  const { data, isLoading } = usePlanItems(plan.id, query)

  const columns = useMemo(
    () => [
      column.accessor("created_at", { header: "Ordered", cell: ({ getValue }) => <DateTime value={getValue()} /> }),
      column.accessor("email", { header: "Customer" }),
      column.accessor("order_id", {
        header: "Order",
        cell: ({ getValue }) =>
          getValue() ? (
            <Link to={`/orders/${getValue()}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {getValue()!.slice(-8)}
            </Link>
          ) : (
            "-"
          ),
      }),
      column.accessor("quantity", { header: "Units" }),
      column.accessor("allocated_units", { header: "Allocated", cell: ({ getValue }) => getValue() ?? "-" }),
      column.accessor("benefit_units", { header: "Benefit" }),
      column.accessor("status", { header: "Status", cell: ({ getValue }) => <StateBadge state={getValue()} colors={ITEM_COLORS} /> }),
    ],
    []
  )
  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "multiselect",
        label: "Status",
        options: ["reserved", "pending", "ready", "cancelled"].map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s })),
      }),
    ],
    []
  )
  const table = useDataTable({
    data: data?.preorder_items ?? [],
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
    search: {
      state: search,
      onSearchChange: (next) => {
        setSearch(next.trim())
        setPagination((p) => ({ ...p, pageIndex: 0 }))
      },
    },
  })

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content className="max-w-[760px]" aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Pre-orders · {title}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto p-0">
          <DataTable instance={table}>
            <DataTable.Toolbar className="flex items-center justify-between gap-x-2 px-6 py-4">
              <DataTable.FilterMenu tooltip="Filter by status" />
              <DataTable.Search placeholder="Email or order ID" />
            </DataTable.Toolbar>
            <DataTable.Table
              emptyState={{
                empty: { heading: "No pre-orders yet", description: "Orders of this version during the window appear here." },
                filtered: { heading: "No matching pre-orders", description: "Change the filters or the search." },
              }}
            />
            <DataTable.Pagination />
          </DataTable>
          {plan.status === "active" || plan.units.pending > 0 ? <ShortSupply plan={plan} title={title} /> : null}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}

/** Short supply: the received quantity is allocated first come, first served; unallocated lines can be cancelled and refunded. */
function ShortSupply({ plan, title }: { plan: Plan; title: string }) {
  const confirm = useConfirm()
  const [received, setReceived] = useState(plan.received_quantity?.toString() ?? "")
  const [error, setError] = useState<string>()
  const [allocation, setAllocation] = useState<Allocation>()
  const [cancelled, setCancelled] = useState<CancelResult>()
  const allocate = usePlanMutation<{ received_quantity: number }, Allocation>(() => `/admin/preorder-plans/${plan.id}/allocate`)
  const cancel = usePlanMutation<void, CancelResult>(() => `/admin/preorder-plans/${plan.id}/cancel-unallocated`)

  useEffect(() => setReceived(plan.received_quantity?.toString() ?? ""), [plan.received_quantity])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const n = Number(received)
    if (received === "" || !Number.isInteger(n) || n < 0) return setError("Enter the units that arrived (0 or more)")
    setError(undefined)
    try {
      setAllocation(await allocate.mutateAsync({ received_quantity: n }))
      setCancelled(undefined)
    } catch (e) {
      setError(serverErrors(e, ["received_quantity"]).fields.received_quantity ?? errorMessage(e))
    }
  }

  const fullyUnallocated = allocation?.unallocated.filter((u) => u.allocated === 0) ?? []
  const cancelUnallocated = async () => {
    const ok = await confirm({
      title: "Cancel and refund unallocated pre-orders?",
      description: `${fullyUnallocated.length} pre-order line(s) of ${title} got no units. They are cancelled and refunded in full, and the fans are notified. This cannot be undone.`,
      confirmText: "Cancel and refund",
      variant: "danger",
    })
    if (!ok) return
    try {
      const result = await cancel.mutateAsync(undefined)
      setCancelled(result)
      if (result.failed.length) toast.error(`${result.failed.length} refund(s) failed`, { description: result.failed[0].error })
      else toast.success(`${result.cancelled.length} pre-order line(s) cancelled and refunded`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="border-ui-border-base flex flex-col gap-y-4 border-t px-6 py-4" data-testid="short-supply">
      <div>
        <Heading level="h3">Short supply</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          If fewer units arrive than were pre-ordered, enter what arrived: pending pre-orders are covered first come, first served.
        </Text>
      </div>
      <form onSubmit={submit} className="flex items-end gap-x-2" noValidate>
        <div className="flex-1">
          <Field name="received_quantity" label="Units received" error={error}>
            <Input id="received_quantity" type="number" min={0} value={received} onChange={(e) => setReceived(e.target.value)} />
          </Field>
        </div>
        <Button size="small" variant="secondary" type="submit" isLoading={allocate.isPending}>
          Allocate
        </Button>
      </form>
      {allocation && (
        <Alert variant={allocation.shortfall > 0 ? "warning" : "success"} data-testid="allocation-result">
          {allocation.received_quantity} received for {allocation.ordered_units} pending unit(s)
          {allocation.shortfall > 0
            ? `: short by ${allocation.shortfall}. ${fullyUnallocated.length} line(s) got nothing, ${allocation.unallocated.length - fullyUnallocated.length} got part.`
            : ": every pending pre-order is covered."}
        </Alert>
      )}
      {fullyUnallocated.length > 0 && !cancelled && (
        <div>
          <Button size="small" variant="danger" onClick={cancelUnallocated} isLoading={cancel.isPending}>
            Cancel and refund {fullyUnallocated.length} unallocated
          </Button>
        </div>
      )}
      {cancelled && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="cancel-result">
          Cancelled and refunded {cancelled.cancelled.length} line(s)
          {cancelled.failed.length ? `; ${cancelled.failed.length} failed: ${cancelled.failed.map((f) => f.error).join("; ")}` : ""}
          {cancelled.partially_allocated.length ? `; ${cancelled.partially_allocated.length} partly covered line(s) to settle with the fans` : ""}.
        </Text>
      )}
    </div>
  )
}
