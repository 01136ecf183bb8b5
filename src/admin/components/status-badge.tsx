import { StatusBadge } from "@medusajs/ui"

type Color = "green" | "red" | "orange" | "blue" | "purple" | "grey"

/** A state word as Medusa shows statuses: a coloured dot and the word, colours chosen per feature. */
export function StateBadge({ state, colors }: { state: string; colors: Record<string, Color> }) {
  return (
    <StatusBadge color={colors[state] ?? "grey"} className="capitalize">
      {state.replace(/_/g, " ")}
    </StatusBadge>
  )
}
