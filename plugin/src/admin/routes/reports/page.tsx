import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { sdk } from "../../lib/sdk"
import { ExportHistory } from "../../components/reports/export-history"
import { ReportRowsTable } from "../../components/reports/report-rows-table"
import { ALL, formatMoney, type ReportFilters, reportParams, type Summary } from "../../components/reports/report-query"
import { SummaryChart } from "../../components/reports/summary-chart"
import { addDays, today } from "../../components/reports/zoned-range"
import { useStoreTimeZone, viewerTimeZone } from "../../lib/time-zone"
import { withFeature } from "../../lib/features"

const ORDER_STATUSES = ["pending", "completed", "canceled", "archived", "requires_action"]

/** The store's zone first (finance closes days there), the viewer's, then the zones a K-pop store reports in. */
function zoneChoices(store: string) {
  const viewer = viewerTimeZone()
  return [...new Set([store, viewer, "UTC", "America/New_York", "America/Los_Angeles", "Asia/Seoul"])].map((zone) => ({
    value: zone,
    label: zone === store ? `${zone} (store)` : zone === viewer ? `${zone} (yours)` : zone,
  }))
}

function Filter({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-[160px] flex-col gap-y-1">
      <Label size="xsmall" weight="plus">
        {label}
      </Label>
      {children}
    </div>
  )
}

function Choice(props: { label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; testId: string }) {
  return (
    <Filter label={props.label}>
      <Select size="small" value={props.value} onValueChange={props.onChange}>
        <Select.Trigger data-testid={props.testId}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {props.options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </Filter>
  )
}

/**
 * Reports: finance's view of sales — the summary per day (chart and table),
 * the pre-order liability, the report's rows with a streamed CSV download, and
 * background exports with their progress and history.
 */
const ReportsPage = () => {
  const storeZone = useStoreTimeZone()
  const zones = useMemo(() => zoneChoices(storeZone), [storeZone])
  const [filters, setFilters] = useState<ReportFilters>(() => {
    const tz = viewerTimeZone()
    return { from_day: addDays(today(tz), -29), to_day: today(tz), tz, sales_channel_id: ALL, region_id: ALL, status: ALL, granularity: "order" }
  })
  // Days close in the store's zone unless staff pick another: switch once the store's zone is known.
  const [zonePicked, setZonePicked] = useState(false)
  useEffect(() => {
    if (!zonePicked) setFilters((f) => ({ ...f, tz: storeZone }))
  }, [storeZone, zonePicked])
  const set = (patch: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const validRange = filters.from_day && filters.to_day && filters.from_day <= filters.to_day

  const channels = useQuery({ queryKey: ["comeback", "sales-channels"], queryFn: () => sdk.admin.salesChannel.list({ limit: 100 }) })
  const regions = useQuery({ queryKey: ["comeback", "regions"], queryFn: () => sdk.admin.region.list({ limit: 100 }) })
  const params = useMemo(() => (validRange ? reportParams(filters) : null), [filters, validRange])
  const summary = useQuery({
    queryKey: ["comeback", "report-summary", params],
    queryFn: () => sdk.client.fetch<{ summary: Summary }>("/admin/reports/summary", { query: params! }),
    enabled: !!params,
    placeholderData: keepPreviousData,
  })
  const s = summary.data?.summary

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading>Reports</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders placed in the range, by local day in the chosen time zone. Figures are Medusa's own totals, exact to the cent.
          </Text>
        </div>
        <div className="flex flex-wrap items-end gap-3" data-testid="report-filters">
          <Filter label="From">
            <Input size="small" type="date" value={filters.from_day} max={filters.to_day} onChange={(e) => set({ from_day: e.target.value })} data-testid="report-from" />
          </Filter>
          <Filter label="To (inclusive)">
            <Input size="small" type="date" value={filters.to_day} min={filters.from_day} onChange={(e) => set({ to_day: e.target.value })} data-testid="report-to" />
          </Filter>
          <Choice label="Time zone" value={filters.tz} onChange={(tz) => (setZonePicked(true), set({ tz }))} options={zones} testId="report-tz" />
          <Choice
            label="Sales channel"
            value={filters.sales_channel_id}
            onChange={(sales_channel_id) => set({ sales_channel_id })}
            options={[{ value: ALL, label: "All channels" }, ...(channels.data?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            testId="report-channel"
          />
          <Choice
            label="Region"
            value={filters.region_id}
            onChange={(region_id) => set({ region_id })}
            options={[{ value: ALL, label: "All regions" }, ...(regions.data?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))]}
            testId="report-region"
          />
          <Choice
            label="Order status"
            value={filters.status}
            onChange={(status) => set({ status })}
            options={[{ value: ALL, label: "Any status" }, ...ORDER_STATUSES.map((v) => ({ value: v, label: v.replace("_", " ") }))]}
            testId="report-status"
          />
          <Choice
            label="Rows"
            value={filters.granularity}
            onChange={(granularity) => set({ granularity: granularity as ReportFilters["granularity"] })}
            options={[{ value: "order", label: "One per order" }, { value: "line_item", label: "One per line" }]}
            testId="report-granularity"
          />
        </div>
        {!validRange && <Text size="small" className="text-ui-fg-error">"From" must be on or before "To".</Text>}
      </Container>

      <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="report-summary">
        <div className="flex items-center justify-between">
          <Heading level="h2">Summary</Heading>
          {s && (
            <Text size="xsmall" className="text-ui-fg-muted">
              As of {new Date(s.as_of).toLocaleTimeString()}
            </Text>
          )}
        </div>
        {summary.error && <Text className="text-ui-fg-error">{(summary.error as Error).message}</Text>}
        {s && s.totals.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No orders in this range.
          </Text>
        )}
        {s?.totals.map((t) => (
          <div key={t.currency} className="flex flex-col gap-y-4">
            <div className="grid grid-cols-2 gap-3 md:grid-cols-6" data-testid={`summary-totals-${t.currency}`}>
              {[
                ["Orders", String(t.orders)],
                ["Gross", formatMoney(t.gross, t.currency)],
                ["Discounts", formatMoney(t.discounts.total, t.currency)],
                ["Tax", formatMoney(t.tax, t.currency)],
                ["Refunds", formatMoney(t.refunds, t.currency)],
                ["Net", formatMoney(t.net, t.currency)],
              ].map(([label, value]) => (
                <div key={label} className="rounded-lg border border-ui-border-base px-3 py-2">
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {label}
                  </Text>
                  <Text weight="plus" className="tabular-nums" data-testid={`summary-${label.toLowerCase()}`}>
                    {value}
                  </Text>
                </div>
              ))}
            </div>
            <SummaryChart days={s.days} currency={t.currency} />
          </div>
        ))}
        {s && s.days.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                {["Day", "Channel", "Orders", "Gross", "Codes", "Group orders", "App offers", "Tax", "Refunds", "Net"].map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {s.days.map((d) => (
                <Table.Row key={`${d.date}-${d.sales_channel}-${d.currency}`}>
                  <Table.Cell>{d.date}</Table.Cell>
                  <Table.Cell>{d.sales_channel ?? "–"}</Table.Cell>
                  <Table.Cell className="tabular-nums">{d.orders}</Table.Cell>
                  {[d.gross, d.discounts.promotion_code, d.discounts.group_order, d.discounts.app_exclusive, d.tax, d.refunds, d.net].map((v, i) => (
                    <Table.Cell key={i} className="tabular-nums">
                      {formatMoney(v, d.currency)}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="preorder-liability">
        <div>
          <Heading level="h2">Pre-order liability</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Money taken for pre-order lines not yet released or cancelled, by release date (orders placed in the range).
          </Text>
        </div>
        {s && s.preorder_liability.by_release_date.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            Nothing owed: no pending pre-order lines in this range.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                {["Release date", "Lines", "Units", "Amount"].map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {s?.preorder_liability.by_release_date.map((l) => (
                <Table.Row key={`${l.release_date}-${l.currency}`}>
                  <Table.Cell>{l.release_date}</Table.Cell>
                  <Table.Cell className="tabular-nums">{l.lines}</Table.Cell>
                  <Table.Cell className="tabular-nums">{l.units}</Table.Cell>
                  <Table.Cell className="tabular-nums">{formatMoney(l.amount, l.currency)}</Table.Cell>
                </Table.Row>
              ))}
              {s?.preorder_liability.totals.map((t) => (
                <Table.Row key={`total-${t.currency}`} className="font-medium">
                  <Table.Cell>Total {t.currency}</Table.Cell>
                  <Table.Cell className="tabular-nums">{t.lines}</Table.Cell>
                  <Table.Cell className="tabular-nums">{t.units}</Table.Cell>
                  <Table.Cell className="tabular-nums">{formatMoney(t.amount, t.currency)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      {validRange && <ReportRowsTable filters={filters} />}
      {validRange && <ExportHistory filters={filters} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Reports", icon: ChartBar })

export default withFeature("finance_reports", ReportsPage, "page")
