import { Text } from "@medusajs/ui"

export type ChartSeries = { key: string; label: string; color: string }
export type ChartPoint = { label: string; values: Record<string, number> }

/**
 * A plain SVG chart in the admin's colours: stacked bars per point (left axis)
 * and an optional line (right axis, e.g. a cumulative total). No chart library:
 * one component, sized by its container, each bar with a hover title.
 */
export function BarLineChart({
  points,
  bars,
  line,
  height = 220,
  ariaLabel,
  maxLabels = 12,
}: {
  points: ChartPoint[]
  bars: ChartSeries[]
  line?: ChartSeries
  height?: number
  ariaLabel: string
  maxLabels?: number
}) {
  const width = 960
  const pad = { top: 12, right: line ? 48 : 12, bottom: 28, left: 40 }
  const innerW = width - pad.left - pad.right
  const innerH = height - pad.top - pad.bottom
  const barMax = Math.max(1, ...points.map((p) => bars.reduce((s, b) => s + (p.values[b.key] ?? 0), 0)))
  const lineMax = line ? Math.max(1, ...points.map((p) => p.values[line.key] ?? 0)) : 1
  const step = points.length ? innerW / points.length : innerW
  const barW = Math.max(1, Math.min(40, step * 0.7))
  const y = (v: number, max: number) => pad.top + innerH - (v / max) * innerH
  const every = Math.max(1, Math.ceil(points.length / maxLabels))
  const ticks = [0, 0.5, 1].map((f) => Math.round(barMax * f))

  return (
    <div className="flex flex-col gap-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full" role="img" aria-label={ariaLabel} preserveAspectRatio="none" style={{ height }}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t, barMax)} y2={y(t, barMax)} className="stroke-ui-border-base" strokeDasharray="2 3" />
            <text x={pad.left - 6} y={y(t, barMax) + 4} textAnchor="end" className="fill-ui-fg-muted" fontSize="11">
              {t}
            </text>
          </g>
        ))}
        {line && (
          <text x={width - pad.right + 6} y={pad.top + 8} className="fill-ui-fg-muted" fontSize="11">
            {lineMax}
          </text>
        )}
        {points.map((p, i) => {
          const x = pad.left + i * step + (step - barW) / 2
          let base = 0
          return (
            <g key={p.label}>
              {bars.map((b) => {
                const v = p.values[b.key] ?? 0
                const top = y(base + v, barMax)
                const h = y(base, barMax) - top
                base += v
                return v > 0 ? (
                  <rect key={b.key} x={x} y={top} width={barW} height={h} rx={2} fill={b.color}>
                    <title>{`${p.label}: ${v} ${b.label.toLowerCase()}`}</title>
                  </rect>
                ) : null
              })}
              {i % every === 0 && (
                <text x={x + barW / 2} y={height - 8} textAnchor="middle" className="fill-ui-fg-muted" fontSize="11">
                  {p.label}
                </text>
              )}
            </g>
          )
        })}
        {line && points.length > 0 && (
          <polyline
            fill="none"
            stroke={line.color}
            strokeWidth={2}
            points={points.map((p, i) => `${pad.left + i * step + step / 2},${y(p.values[line.key] ?? 0, lineMax)}`).join(" ")}
          />
        )}
      </svg>
      <div className="flex items-center gap-x-4">
        {[...bars, ...(line ? [line] : [])].map((s) => (
          <span key={s.key} className="flex items-center gap-x-1.5">
            <span className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {s.label}
            </Text>
          </span>
        ))}
      </div>
    </div>
  )
}
