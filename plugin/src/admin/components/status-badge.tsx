import { StatusBadge } from "@medusajs/ui"

type Color = "green" | "red" | "orange" | "blue" | "purple" | "grey"

/** A state word as Medusa shows statuses: a coloured dot and the word, colours chosen per feature. */
export function StateBadge({ state, colors }: { state: string; colors: Record<string, Color> }) {
  return (
    <StatusBadge color={colors[state] ?? "grey"}>{label(state)}</StatusBadge>
  )
}

/** "ready_to_ship" → "Ready to ship" (in the text, not CSS, so it reads and copies the same). */
const label = (state: string) => {
  const words = state.replace(/_/g, " ")
  return words.charAt(0).toUpperCase() + words.slice(1)
}
