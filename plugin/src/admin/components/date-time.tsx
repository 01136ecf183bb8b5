import { Text, Tooltip } from "@medusajs/ui"
import { formatInZone, useStoreTimeZone, viewerTimeZone, zoneLabel } from "../lib/time-zone"

/**
 * An instant shown in the store's time zone, and in the viewer's when it
 * differs (staff in Los Angeles running a Seoul drop see both).
 */
export function DateTime({ value, withTime = true, inline = false }: { value: string | Date | null | undefined; withTime?: boolean; inline?: boolean }) {
  const storeZone = useStoreTimeZone()
  if (!value) return <span className="text-ui-fg-muted">-</span>
  const viewerZone = viewerTimeZone()
  const store = `${formatInZone(value, storeZone, withTime)} ${withTime ? zoneLabel(value, storeZone) : ""}`.trim()
  const sameZone = formatInZone(value, viewerZone) === formatInZone(value, storeZone)
  const viewer = `${formatInZone(value, viewerZone, withTime)} ${withTime ? zoneLabel(value, viewerZone) : ""}`.trim()
  if (sameZone) {
    return (
      <Tooltip content={`${storeZone} (store)`}>
        <span className="tabular-nums">{store}</span>
      </Tooltip>
    )
  }
  if (inline) {
    return (
      <Tooltip content={`Store: ${storeZone} · You: ${viewerZone}`}>
        <span className="tabular-nums">
          {store} <span className="text-ui-fg-muted">({viewer} yours)</span>
        </span>
      </Tooltip>
    )
  }
  return (
    <span className="flex flex-col">
      <span className="tabular-nums">{store}</span>
      <Text size="xsmall" className="text-ui-fg-muted tabular-nums">
        {viewer} (your time)
      </Text>
    </span>
  )
}
