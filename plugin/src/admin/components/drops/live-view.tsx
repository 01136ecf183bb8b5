import { StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { BarLineChart } from "../chart"
import { ProgressBar } from "../progress-bar"
import { Section } from "../section"
import { adminGet } from "../../lib/sdk"
import { formatInZone, useStoreTimeZone } from "../../lib/time-zone"
import { useAlbums } from "./use-albums"

type Live = {
  since: string
  until: string
  minutes: { minute: string; units: number; orders: number }[]
  totals: { orders: number; units: number }
  versions: { plan_id: string; product_id: string; variant_id: string; state: string; cap: number | null; reserved_units: number; remaining_units: number | null }[]
}

const REFRESH_MS = 5_000

/**
 * The opening hour, live: orders and units per minute and units left per
 * version, refreshed every few seconds while the page is open (the query stops
 * polling when the page unmounts or the tab is hidden).
 */
export function LiveView({ productId, albumTitle }: { productId?: string; albumTitle?: string }) {
  const tz = useStoreTimeZone()
  const { data, dataUpdatedAt, isError } = useQuery({
    queryKey: ["comeback", "drops", "live", productId],
    queryFn: () => adminGet<Live>("/admin/drops/live", { product_id: productId, minutes: 60 }),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  })
  const { versionTitle } = useAlbums((data?.versions ?? []).map((v) => v.product_id))
  const minutes = data?.minutes ?? []
  return (
    <Section
      title="Live: last 60 minutes"
      description={`${albumTitle ?? "All active drops"} · refreshes every ${REFRESH_MS / 1000} s`}
      actions={
        <span className="flex items-center gap-x-2">
          <StatusBadge color={isError ? "red" : "green"}>{isError ? "Offline" : "Live"}</StatusBadge>
          {dataUpdatedAt > 0 && (
            <Text size="small" className="text-ui-fg-muted tabular-nums" data-testid="live-updated">
              Updated {new Date(dataUpdatedAt).toLocaleTimeString()}
            </Text>
          )}
        </span>
      }
      testId="live-view"
    >
      <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
        <Stat label="Orders (60 min)" value={data?.totals.orders} testId="live-orders" />
        <Stat label="Units (60 min)" value={data?.totals.units} testId="live-units" />
        <Stat label="Orders last minute" value={minutes.at(-1)?.orders} />
        <Stat label="Units left (capped versions)" value={data ? sumLeft(data) : undefined} testId="live-left" />
      </div>
      <div className="px-6 py-4">
        <BarLineChart
          ariaLabel="Orders and units per minute"
          height={160}
          points={minutes.map((m) => ({ label: formatInZone(m.minute, tz).split(", ").at(-1)!, values: { units: m.units, orders: m.orders } }))}
          bars={[{ key: "units", label: "Units per minute", color: "var(--fg-interactive, #3b82f6)" }]}
          line={{ key: "orders", label: "Orders per minute", color: "var(--tag-orange-icon, #f97316)" }}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2" data-testid="live-versions">
        {(data?.versions ?? []).map((v) => (
          <ProgressBar
            key={v.plan_id}
            label={versionTitle(v.product_id, v.variant_id)}
            value={v.reserved_units}
            max={v.cap}
            detail={v.remaining_units === null ? "No cap" : `${v.remaining_units} left`}
          />
        ))}
      </div>
    </Section>
  )
}

const sumLeft = (data: Live) => data.versions.reduce((s, v) => s + (v.remaining_units ?? 0), 0)

function Stat({ label, value, testId }: { label: string; value: number | undefined; testId?: string }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" className="tabular-nums" data-testid={testId}>
        {value ?? "–"}
      </Text>
    </div>
  )
}
