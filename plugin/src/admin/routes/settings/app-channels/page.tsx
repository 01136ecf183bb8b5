import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, Phone } from "@medusajs/icons"
import { Alert, Badge, Button, Container, DataTable, Drawer, Heading, Input, Select, StatusBadge, Switch, Table, Text, createDataTableColumnHelper, toast, useDataTable } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { EmptyState } from "../../../components/empty-state"
import { Field } from "../../../components/field-error"
import { Section } from "../../../components/section"
import { type AppChannel, type AppPromotion, type AppUses, useAppChannels, useAppPromotions, useConfigureAppChannel } from "../../../components/group-orders/api"
import { useServerTable } from "../../../components/group-orders/table-state"
import { serverErrors } from "../../../lib/errors"
import { sdk } from "../../../lib/sdk"
import { withFeature } from "../../../lib/features"

type Row = AppPromotion & { orders: number; uses: AppUses }
const column = createDataTableColumnHelper<Row>()
const PLATFORMS = { ios: "iOS", android: "Android", both: "iOS and Android" } as const

/** Settings → App channels: which sales channels are apps, how they prove it, and their exclusive offers. */
const AppChannelsPage = () => {
  const navigate = useNavigate()
  const { data, isLoading, isError, error } = useAppChannels()
  const [editing, setEditing] = useState<AppChannel | "new" | null>(null)
  const { query, table } = useServerTable({ pageSize: 10 })
  const promotions = useAppPromotions({ limit: query.limit, offset: query.offset })
  const names = new Map((data?.app_channels ?? []).map((c) => [c.sales_channel_id, c.sales_channel_name ?? c.sales_channel_id]))
  const columns = useMemo(
    () => [
      column.accessor("code", { header: "Code", cell: ({ row }) => <span className="font-mono">{row.original.code}</span> }),
      column.accessor("title", { header: "Public title", cell: ({ row }) => row.original.title ?? "-" }),
      column.display({
        id: "channels",
        header: "Channels",
        cell: ({ row }) => row.original.sales_channel_ids.map((id) => names.get(id) ?? id).join(", "),
      }),
      column.display({
        id: "limits",
        header: "Limits",
        cell: ({ row }) =>
          `${row.original.per_customer_limit ?? "∞"} per customer · ${row.original.per_device_limit ?? "∞"} per device`,
      }),
      column.accessor("orders", { header: "Orders" }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data]
  )
  const instance = useDataTable({
    data: promotions.data?.app_promotions ?? [],
    columns,
    getRowId: (row) => row.id,
    rowCount: promotions.data?.count ?? 0,
    isLoading: promotions.isLoading,
    onRowClick: (_e, row) => navigate(`/promotions/${row.promotion_id}`),
    pagination: table.pagination,
  })
  if (isError) throw error

  return (
    <div className="flex flex-col gap-y-3">
      <Section
        level="h1"
        title="App channels"
        description="Sales channels that are mobile apps. Their exclusive offers apply only to carts with a verified app session, opened with an attestation from the real app."
        testId="app-channels"
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
            Add app channel
          </Button>
        }
      >
        {isLoading ? (
          <Text size="small" className="px-6 py-4">Loading…</Text>
        ) : data?.app_channels.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Sales channel</Table.HeaderCell>
                <Table.HeaderCell>Platform</Table.HeaderCell>
                <Table.HeaderCell>Attestation provider</Table.HeaderCell>
                <Table.HeaderCell>Session lifetime</Table.HeaderCell>
                <Table.HeaderCell>Live sessions</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.app_channels.map((c) => {
                const provider = data.providers.find((p) => p.id === c.provider_id)
                return (
                  <Table.Row key={c.id} data-testid={`app-channel-${c.sales_channel_name}`}>
                    <Table.Cell>{c.sales_channel_name ?? c.sales_channel_id}</Table.Cell>
                    <Table.Cell>{PLATFORMS[c.platform]}</Table.Cell>
                    <Table.Cell>
                      <span className="font-mono">{c.provider_id}</span>{" "}
                      {!provider ? (
                        <StatusBadge color="red">not configured</StatusBadge>
                      ) : provider.details.demo_key_ids?.length ? (
                        <StatusBadge color="orange">demo key</StatusBadge>
                      ) : provider.ready ? (
                        <StatusBadge color="green">keys configured</StatusBadge>
                      ) : (
                        <StatusBadge color="red">no keys</StatusBadge>
                      )}
                    </Table.Cell>
                    <Table.Cell>{c.session_ttl_minutes} min</Table.Cell>
                    <Table.Cell>{c.live_sessions}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={c.active ? "green" : "grey"}>{c.active ? "Active" : "Inactive"}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell>
                      <Button size="small" variant="transparent" aria-label={`Edit ${c.sales_channel_name}`} onClick={() => setEditing(c)}>
                        <PencilSquare />
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        ) : (
          <EmptyState title="No app channels" description="Make a sales channel an app channel to offer app-only promotions." />
        )}
      </Section>

      <Section title="Attestation providers" description="How the store checks that a session comes from your app. Configured in medusa-config.ts and APP_ATTESTATION_KEYS." testId="providers">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {(data?.providers ?? []).map((p) => (
            <div key={p.id} className="flex flex-col gap-y-2">
              <div className="flex items-center gap-x-2">
                <Text size="small" weight="plus" className="font-mono">{p.id}</Text>
                <StatusBadge color={p.ready ? "green" : "red"}>{p.ready ? "Ready" : "Not ready"}</StatusBadge>
                {(p.details.key_ids ?? []).map((k) => (
                  <Badge key={k} size="2xsmall">key {k}</Badge>
                ))}
              </div>
              {p.details.warning && (
                <Alert variant="warning" data-testid="demo-key-warning">
                  Demo key in use: {p.details.warning}.
                </Alert>
              )}
              {p.details.problem && <Alert variant="error">{p.details.problem}</Alert>}
            </div>
          ))}
        </div>
      </Section>

      <Container className="divide-y p-0">
        <DataTable instance={instance}>
          <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h2">App-exclusive promotions</Heading>
              <Text size="small" className="text-ui-fg-subtle">Mark a promotion app-exclusive from its page (App-only offer).</Text>
            </div>
            <Link to="/promotions" className="txt-compact-small text-ui-fg-interactive hover:underline">All promotions</Link>
          </DataTable.Toolbar>
          <DataTable.Table emptyState={{ empty: { heading: "No app-exclusive promotions", description: "Open a promotion and turn on App exclusive." } }} />
          <DataTable.Pagination />
        </DataTable>
      </Container>
      <ChannelDrawer editing={editing} onClose={() => setEditing(null)} providers={(data?.providers ?? []).map((p) => p.id)} taken={(data?.app_channels ?? []).map((c) => c.sales_channel_id)} />
    </div>
  )
}

function ChannelDrawer({ editing, onClose, providers, taken }: { editing: AppChannel | "new" | null; onClose: () => void; providers: string[]; taken: string[] }) {
  const save = useConfigureAppChannel()
  const existing = editing && editing !== "new" ? editing : null
  const salesChannels = useQuery({ queryKey: ["comeback", "sales-channels"], queryFn: () => sdk.admin.salesChannel.list({ limit: 100 }), enabled: Boolean(editing) })
  const initial = () => ({
    sales_channel_id: existing?.sales_channel_id ?? "",
    platform: existing?.platform ?? "both",
    provider_id: existing?.provider_id ?? providers[0] ?? "signed-token",
    session_ttl_minutes: String(existing?.session_ttl_minutes ?? 30),
    active: existing?.active ?? true,
  })
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (editing) {
      setForm(initial())
      setErrors({})
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing])
  const submit = async () => {
    try {
      await save.mutateAsync({ ...form, session_ttl_minutes: Number(form.session_ttl_minutes) })
      toast.success("App channel saved")
      onClose()
    } catch (e) {
      const parsed = serverErrors(e, ["sales_channel_id", "platform", "provider_id", "session_ttl_minutes", "active"])
      setErrors(parsed.fields)
      if (parsed.message) toast.error(parsed.message)
    }
  }
  const choices = (salesChannels.data?.sales_channels ?? []).filter((s) => s.id === existing?.sales_channel_id || !taken.includes(s.id))
  return (
    <Drawer open={Boolean(editing)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{existing ? `Edit ${existing.sales_channel_name}` : "Add app channel"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6">
          <Field name="sales_channel_id" label="Sales channel" error={errors.sales_channel_id}>
            <Select value={form.sales_channel_id} onValueChange={(v) => setForm((f) => ({ ...f, sales_channel_id: v }))} disabled={Boolean(existing)}>
              <Select.Trigger id="sales_channel_id">
                <Select.Value placeholder="Choose a sales channel" />
              </Select.Trigger>
              <Select.Content>
                {choices.map((s) => (
                  <Select.Item key={s.id} value={s.id}>{s.name}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field name="platform" label="Platform" error={errors.platform}>
            <Select value={form.platform} onValueChange={(v) => setForm((f) => ({ ...f, platform: v as AppChannel["platform"] }))}>
              <Select.Trigger id="platform"><Select.Value /></Select.Trigger>
              <Select.Content>
                {Object.entries(PLATFORMS).map(([value, label]) => (
                  <Select.Item key={value} value={value}>{label}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field name="provider_id" label="Attestation provider" error={errors.provider_id}>
            <Select value={form.provider_id} onValueChange={(v) => setForm((f) => ({ ...f, provider_id: v }))}>
              <Select.Trigger id="provider_id"><Select.Value /></Select.Trigger>
              <Select.Content>
                {providers.map((p) => (
                  <Select.Item key={p} value={p}>{p}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field name="session_ttl_minutes" label="Session lifetime (minutes)" hint="An app session lasts this long; the app opens a new one with a fresh attestation." error={errors.session_ttl_minutes}>
            <Input id="session_ttl_minutes" type="number" min={1} max={1440} value={form.session_ttl_minutes} onChange={(e) => setForm((f) => ({ ...f, session_ttl_minutes: e.target.value }))} />
          </Field>
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus">Active</Text>
            <Switch aria-label="Active" checked={form.active} onCheckedChange={(v) => setForm((f) => ({ ...f, active: v }))} />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Cancel</Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={save.isPending}>Save</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineRouteConfig({ label: "App channels", icon: Phone })

export default withFeature("app_promotions", AppChannelsPage, "page")
