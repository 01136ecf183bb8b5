import { Text, clx } from "@medusajs/ui"

type Marker = { at: number; label: string }

/**
 * A labelled progress bar (units sold of a cap, benefits given of a pool, units
 * to the next tier). With no max there is nothing to fill: it says "no cap".
 * Markers draw ticks at given values (tiers). role="progressbar" with
 * aria-valuenow/max so tests and screen readers read the same numbers.
 */
export function ProgressBar({
  label,
  value,
  max,
  markers = [],
  tone = "default",
  detail,
  testId,
}: {
  label: string
  value: number
  max: number | null | undefined
  markers?: Marker[]
  tone?: "default" | "warning" | "danger"
  detail?: string
  testId?: string
}) {
  const capped = typeof max === "number" && max > 0
  const ratio = capped ? Math.min(1, value / max!) : 0
  const full = capped && value >= max!
  const fill = tone === "danger" || full ? "bg-ui-tag-red-icon" : tone === "warning" ? "bg-ui-tag-orange-icon" : "bg-ui-fg-interactive"
  return (
    <div className="flex flex-col gap-y-1.5" data-testid={testId}>
      <div className="flex items-center justify-between gap-x-2">
        <Text size="small" weight="plus" leading="compact">
          {label}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
          {capped ? `${value.toLocaleString()} / ${max!.toLocaleString()}` : `${value.toLocaleString()} · no cap`}
        </Text>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={capped ? max! : undefined}
        className="bg-ui-bg-subtle shadow-borders-base relative h-2 w-full overflow-hidden rounded-full"
      >
        <div className={clx("h-full rounded-full transition-[width]", fill)} style={{ width: `${(ratio * 100).toFixed(2)}%` }} />
        {capped &&
          markers.map((m) => (
            <div
              key={`${m.at}-${m.label}`}
              title={m.label}
              className="bg-ui-fg-muted absolute top-0 h-full w-px"
              style={{ left: `${Math.min(100, (m.at / max!) * 100)}%` }}
            />
          ))}
      </div>
      {(detail || markers.length > 0) && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {detail ?? markers.map((m) => `${m.label} at ${m.at}`).join(" · ")}
        </Text>
      )}
    </div>
  )
}
