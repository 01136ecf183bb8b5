/** Time-zone arithmetic for the admin pages, without React (unit-tested). */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

export function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** "Dec 1, 2026, 10:00 AM" in a zone. */
export function formatInZone(value: string | Date, timeZone: string, withTime = true) {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(new Date(value))
}

/** Short zone label, e.g. "GMT+9" or "KST". */
export function zoneLabel(value: string | Date, timeZone: string) {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(new Date(value))
    .find((p) => p.type === "timeZoneName")
  return part?.value ?? timeZone
}

/** The "YYYY-MM-DDTHH:mm" wall clock of an instant in a zone (for datetime-local inputs). */
export function toZonedInput(value: string | Date | null | undefined, timeZone: string) {
  if (!value) return ""
  const parts: Record<string, string> = {}
  for (const p of new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(value))) {
    parts[p.type] = p.value
  }
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** The instant (ISO) of a "YYYY-MM-DDTHH:mm" wall clock in a zone; "" when empty. */
export function fromZonedInput(local: string, timeZone: string) {
  if (!local) return ""
  const asUtc = new Date(`${local}:00Z`)
  // The zone's offset at that moment, applied twice to settle across DST changes.
  let guess = asUtc.getTime()
  for (let i = 0; i < 2; i++) {
    const wall = new Date(`${toZonedInput(new Date(guess), timeZone)}:00Z`).getTime()
    guess += asUtc.getTime() - wall
  }
  return new Date(guess).toISOString()
}
