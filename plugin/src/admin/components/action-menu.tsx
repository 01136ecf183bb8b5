import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Action = { label: string; icon?: ReactNode; onClick: () => void; disabled?: boolean; danger?: boolean }

/** The "…" menu of a section or row, like Medusa's ActionMenu. */
export function ActionMenu({ groups, label = "Actions" }: { groups: Action[][]; label?: string }) {
  const visible = groups.filter((g) => g.length > 0)
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content>
        {visible.map((group, i) => (
          <DropdownMenu.Group key={i}>
            {group.map((action) => (
              <DropdownMenu.Item
                key={action.label}
                disabled={action.disabled}
                onClick={(e) => {
                  e.stopPropagation()
                  action.onClick()
                }}
                className={action.danger ? "text-ui-fg-error [&_svg]:text-ui-fg-error flex items-center gap-x-2" : "flex items-center gap-x-2 [&_svg]:text-ui-fg-subtle"}
              >
                {action.icon}
                <span>{action.label}</span>
              </DropdownMenu.Item>
            ))}
            {i < visible.length - 1 && <DropdownMenu.Separator />}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
