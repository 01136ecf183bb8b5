import { Text } from "@medusajs/ui"
import { amount, formatMoney, type SummaryDay } from "./report-query"

/** The series staff compare per day; discounts are stacked by kind so the split is visible at a glance. */
const SERIES = [
  { key: "gross", label: "Gross", color: "var(--tag-neutral-icon)" },
  { key: "promotion_code", label: "Codes", color: "var(--tag-orange-icon)" },
  { key: "group_order", label: "Group orders", color: "var(--tag-purple-icon)" },
  { key: "app_exclusive", label: "App offers", color: "var(--tag-blue-icon)" },
  { key: "refunds", label: "Refunds", color: "var(--tag-red-icon)" },
  { key: "net", label: "Net", color: "var(--tag-green-icon)" },
] as const

type DayTotals = { date: string; gross: number; promotion_code: number; group_order: number; app_exclusive: number; refunds: number; net: number }

/** Per-day sums over the sales channels shown, for one currency. */
export function daysForChart(days: SummaryDay[], currency: string): DayTotals[] {
  const byDate = new Map<string, DayTotals>()
  for (const d of days.filter((d) => d.currency === currency)) {
    const t = byDate.get(d.date) ?? { date: d.date, gross: 0, promotion_code: 0, group_order: 0, app_exclusive: 0, refunds: 0, net: 0 }
    t.gross += amount(d.gross)
    t.promotion_code += amount(d.discounts.promotion_code)
    t.group_order += amount(d.discounts.group_order)
    t.app_exclusive += amount(d.discounts.app_exclusive)
    t.refunds += amount(d.refunds)
    t.net += amount(d.net)
    byDate.set(d.date, t)
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
}

const W = 880
const H = 240
const PAD = { top: 12, right: 12, bottom: 36, left: 72 }

/**
 * Grouped bars per day: gross, discounts (stacked by kind), refunds, net.
 * Hand-drawn SVG: the admin has no chart library, and four bars need none.
 */
export function SummaryChart({ days, currency }: { days: SummaryDay[]; currency: string }) {
  const data = daysForChart(days, currency)
  if (!data.length) return null
  const max = Math.max(1, ...data.map((d) => Math.max(d.gross, d.promotion_code + d.group_order + d.app_exclusive, d.refunds, d.net)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / data.length
  const bar = Math.max(2, Math.min(18, (slot - 8) / 4))
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max)
  const labelEvery = Math.ceil(data.length / 10)

  return (
    <div className="flex flex-col gap-y-2" data-testid="summary-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={`Sales per day in ${currency}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="var(--border-base)" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="var(--fg-muted)">
              {formatMoney(t.toFixed(0), currency)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const x0 = PAD.left + i * slot + (slot - bar * 4 - 6) / 2
          const discounts = [
            { key: "promotion_code", v: d.promotion_code },
            { key: "group_order", v: d.group_order },
            { key: "app_exclusive", v: d.app_exclusive },
          ]
          let stackTop = 0
          const color = (key: string) => SERIES.find((s) => s.key === key)!.color
          return (
            <g key={d.date}>
              <rect x={x0} y={y(d.gross)} width={bar} height={y(0) - y(d.gross)} fill={color("gross")} rx={1}>
                <title>{`${d.date} gross ${formatMoney(d.gross, currency)}`}</title>
              </rect>
              {discounts.map((s) => {
                const bottom = stackTop
                stackTop += s.v
                return (
                  <rect key={s.key} x={x0 + bar + 2} y={y(stackTop)} width={bar} height={y(bottom) - y(stackTop)} fill={color(s.key)}>
                    <title>{`${d.date} ${SERIES.find((x) => x.key === s.key)!.label} ${formatMoney(s.v, currency)}`}</title>
                  </rect>
                )
              })}
              <rect x={x0 + 2 * (bar + 2)} y={y(d.refunds)} width={bar} height={y(0) - y(d.refunds)} fill={color("refunds")} rx={1}>
                <title>{`${d.date} refunds ${formatMoney(d.refunds, currency)}`}</title>
              </rect>
              <rect x={x0 + 3 * (bar + 2)} y={y(d.net)} width={bar} height={y(0) - y(d.net)} fill={color("net")} rx={1}>
                <title>{`${d.date} net ${formatMoney(d.net, currency)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * slot + slot / 2} y={H - PAD.bottom + 16} textAnchor="middle" fontSize="11" fill="var(--fg-subtle)">
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {SERIES.map((s) => (
          <div key={s.key} className="flex items-center gap-x-1.5">
            <span className="inline-block h-2 w-2 rounded-sm" style={{ background: s.color }} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {s.label}
            </Text>
          </div>
        ))}
      </div>
    </div>
  )
}
