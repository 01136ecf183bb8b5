/**
 * How a winner is shown publicly: at most first name, last initial and
 * state/region ("Jisung P.", "CA"). Nothing else about an entrant is public.
 */
export function publicName(firstName?: string | null, lastName?: string | null): string | null {
  const first = (firstName ?? "").trim().split(/\s+/)[0] ?? ""
  const initial = Array.from((lastName ?? "").trim())[0]
  if (!first) return initial ? `${initial.toUpperCase()}.` : null
  return initial ? `${first} ${initial.toUpperCase()}.` : first
}

export function publicRegion(region?: string | null): string | null {
  const value = (region ?? "").trim()
  return value ? value.slice(0, 40) : null
}
