import { Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { BarLineChart } from "../chart"
import { EmptyState } from "../empty-state"
import { Section } from "../section"
import { adminGet } from "../../lib/sdk"
import { useStoreTimeZone } from "../../lib/time-zone"

type Day = { day: string; units: number; cancelled_units: number; orders: number; cumulative_units: number }

/** Pre-orders per day (store time zone) and the cumulative units for one album, aggregated by the API. */
export function DailyChart({ productId, albumTitle }: { productId?: string; albumTitle?: string }) {
  const tz = useStoreTimeZone()
  const { data, isLoading } = useQuery({
    queryKey: ["comeback", "drops", "daily", productId, tz],
    queryFn: () => adminGet<{ days: Day[] }>("/admin/drops/daily", { product_id: productId, tz }),
    enabled: !!productId,
  })
  const days = data?.days ?? []
  const total = days.at(-1)?.cumulative_units ?? 0
  const orders = days.reduce((s, d) => s + d.orders, 0)
  return (
    <Section
      title="Pre-orders per day"
      description={`${albumTitle ?? "Choose an album"} · days in ${tz}`}
      actions={
        days.length > 0 && (
          <Text size="small" className="text-ui-fg-subtle tabular-nums" data-testid="daily-totals">
            {total} units · {orders} orders
          </Text>
        )
      }
      testId="daily-chart"
    >
      <div className="px-6 py-4">
        {!productId || (!isLoading && days.length === 0) ? (
          <EmptyState title="No pre-orders yet" description="Orders of this album's versions appear here by day." />
        ) : (
          <BarLineChart
            ariaLabel={`Pre-orders per day for ${albumTitle ?? "the album"}`}
            points={days.map((d) => ({ label: d.day.slice(5), values: { units: d.units, cancelled: d.cancelled_units, cumulative: d.cumulative_units } }))}
            bars={[
              { key: "units", label: "Units", color: "var(--fg-interactive, #3b82f6)" },
              { key: "cancelled", label: "Cancelled", color: "var(--tag-red-icon, #e11d48)" },
            ]}
            line={{ key: "cumulative", label: "Cumulative units", color: "var(--tag-purple-icon, #7c3aed)" }}
          />
        )}
      </div>
    </Section>
  )
}
