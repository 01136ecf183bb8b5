/**
 * A report's range is whole local days in a chosen time zone, sent to the API
 * as instants with that zone's offset (the API wants ISO 8601 with an offset).
 */

/** "+09:00", "-05:00" or "+00:00": the zone's offset from UTC at that instant. */
export function zoneOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(part ?? "")
  return match ? `${match[1]}:${match[2] ?? "00"}` : "+00:00"
}

/** Local midnight of `day` (YYYY-MM-DD) in `timeZone`, as ISO 8601 with the offset in force then. */
export function zonedMidnight(day: string, timeZone: string): string {
  const [y, m, d] = day.split("-").map(Number)
  // The offset at local midnight can differ from the offset at UTC midnight (DST): look twice.
  let offset = zoneOffset(timeZone, new Date(Date.UTC(y, m - 1, d)))
  const instant = new Date(`${day}T00:00:00${offset}`)
  offset = zoneOffset(timeZone, instant)
  return `${day}T00:00:00${offset}`
}

/** The day after `day` (YYYY-MM-DD): ranges end at the next local midnight (exclusive). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now)
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}
