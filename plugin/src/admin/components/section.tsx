import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A detail-page section as Medusa's own pages draw it: a Container with a
 * header row (heading, optional description, actions) and divided content.
 */
export function Section({
  title,
  description,
  actions,
  children,
  level = "h2",
  testId,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  children?: ReactNode
  level?: "h1" | "h2"
  testId?: string
}) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level={level}>{title}</Heading>
          {description && (
            <Text size="small" className="text-ui-fg-subtle">
              {description}
            </Text>
          )}
        </div>
        {actions && <div className="flex items-center gap-x-2">{actions}</div>}
      </div>
      {children}
    </Container>
  )
}

/** One "label: value" row of a section, like Medusa's SectionRow. */
export function SectionRow({ title, value, testId }: { title: ReactNode; value?: ReactNode; testId?: string }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4" data-testid={testId}>
      <Text size="small" weight="plus" leading="compact">
        {title}
      </Text>
      <div className="txt-compact-small whitespace-pre-line break-words">{value ?? "-"}</div>
    </div>
  )
}
