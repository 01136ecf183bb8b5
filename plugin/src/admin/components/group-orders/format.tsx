import { Text } from "@medusajs/ui"
import { ProgressBar } from "../progress-bar"
import type { Tier } from "./api"

export const GROUP_COLORS = { open: "blue", settling: "orange", settled: "green", cancelled: "grey" } as const
export const CAMPAIGN_COLORS = { active: "green", closed: "grey" } as const
export const REFUND_COLORS = { pending: "grey", not_owed: "grey", refunded: "green", failed: "red" } as const

/** An exact decimal string as money: "5.00 USD"; "-" for none. */
export function money(value: string | number | null | undefined, currency: string) {
  if (value === null || value === undefined || value === "") return "-"
  const n = Number(value)
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n)
}

export const tierLabel = (tiers: Tier[]) => tiers.map((t) => `${t.min_units}+ → ${t.percent}%`).join(" · ")

/** "3 days 4 h left" / "closed 2 h ago": how far the deadline is. */
export function countdown(deadline: string, now = Date.now()) {
  const ms = new Date(deadline).getTime() - now
  const abs = Math.abs(ms)
  const days = Math.floor(abs / 86_400_000)
  const hours = Math.floor((abs % 86_400_000) / 3_600_000)
  const minutes = Math.floor((abs % 3_600_000) / 60_000)
  const span = days ? `${days} d ${hours} h` : hours ? `${hours} h ${minutes} min` : `${minutes} min`
  return ms > 0 ? `${span} left` : `ended ${span} ago`
}

/**
 * Units against the tiers: the bar runs to the top tier (or past it), each
 * tier is a tick, and the detail says what the next tier needs.
 */
export function TierProgress({ units, tiers, compact = false, testId }: { units: number; tiers: Tier[]; compact?: boolean; testId?: string }) {
  const top = tiers[tiers.length - 1]?.min_units ?? 0
  const max = Math.max(top, units, 1)
  let reached = 0
  tiers.forEach((t, i) => {
    if (units >= t.min_units) reached = i + 1
  })
  const next = tiers[reached]
  const detail = next
    ? `${next.min_units - units} more unit${next.min_units - units === 1 ? "" : "s"} to tier ${reached + 1} (${next.percent}% off)`
    : tiers.length
      ? `Top tier reached: ${tiers[tiers.length - 1].percent}% off`
      : "No tiers"
  return (
    <div className={compact ? "w-full min-w-[180px]" : "w-full"}>
      <ProgressBar
        label={reached ? `Tier ${reached} · ${tiers[reached - 1].percent}% off` : "No tier yet"}
        value={units}
        max={max}
        markers={tiers.map((t, i) => ({ at: t.min_units, label: `T${i + 1} ${t.percent}%` }))}
        detail={compact ? detail : `${detail} · ${tiers.map((t, i) => `T${i + 1} at ${t.min_units}`).join(" · ")}`}
        testId={testId}
      />
    </div>
  )
}

export function Muted({ children }: { children: React.ReactNode }) {
  return (
    <Text size="small" className="text-ui-fg-subtle">
      {children}
    </Text>
  )
}
