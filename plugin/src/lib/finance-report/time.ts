/** Time zones for reports: validation, and local timestamps/days via Intl (no dependency). */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True for an IANA zone name Intl knows ("Asia/Seoul", "UTC"). */
export function isTimeZone(value: string): boolean {
  try {
    formatter(value)
    return true
  } catch {
    return false
  }
}

function wallClock(date: Date, timeZone: string) {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0")

/** "2026-11-25T20:39:06.362+09:00": the instant as a local ISO 8601 timestamp with its offset. */
export function localIso(value: Date | string, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value
  const w = wallClock(date, timeZone)
  const ms = date.getTime() % 1000 < 0 ? 1000 + (date.getTime() % 1000) : date.getTime() % 1000
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  const offsetMinutes = Math.round((asUtc - (date.getTime() - ms)) / 60_000)
  const sign = offsetMinutes < 0 ? "-" : "+"
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(ms, 3)}${offset}`
}

/** "2026-11-25": the local calendar day of the instant. */
export function localDay(value: Date | string, timeZone: string): string {
  const w = wallClock(typeof value === "string" ? new Date(value) : value, timeZone)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
}

/** UTC ISO 8601 with milliseconds ("2026-11-25T11:39:06.362Z"). */
export function utcIso(value: Date | string): string {
  return (typeof value === "string" ? new Date(value) : value).toISOString()
}
