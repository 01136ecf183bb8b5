import { ExclamationCircle, MagnifyingGlass } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** "No records" / "No results" as Medusa's lists show them, with an optional action. */
export function EmptyState({
  title,
  description,
  action,
  filtered = false,
}: {
  title: string
  description?: string
  action?: ReactNode
  /** True when filters hide everything (a search icon instead of the notice icon). */
  filtered?: boolean
}) {
  const Icon = filtered ? MagnifyingGlass : ExclamationCircle
  return (
    <div className="flex h-[200px] w-full flex-col items-center justify-center gap-y-4" data-testid="empty-state">
      <div className="flex flex-col items-center gap-y-2">
        <Icon className="text-ui-fg-subtle" />
        <Text size="small" leading="compact" weight="plus">
          {title}
        </Text>
        {description && (
          <Text size="small" className="text-ui-fg-muted text-center">
            {description}
          </Text>
        )}
      </div>
      {action}
    </div>
  )
}
