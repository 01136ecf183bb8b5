import { Hint, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** The message under a field (from the form's own check or the server's 400). */
export function FieldError({ message, testId }: { message?: string; testId?: string }) {
  if (!message) return null
  return (
    <Hint variant="error" data-testid={testId}>
      {message}
    </Hint>
  )
}

/**
 * A labelled form field with an optional hint and its error, laid out like
 * Medusa's Form.Item: label, control, hint, error.
 */
export function Field({
  name,
  label,
  optional,
  hint,
  error,
  children,
}: {
  name: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-y-2" data-field={name}>
      <Label htmlFor={name} size="small" weight="plus">
        {label}
        {optional && <span className="text-ui-fg-muted font-normal"> (Optional)</span>}
      </Label>
      {children}
      {hint && !error && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      <FieldError message={error} testId={`error-${name}`} />
    </div>
  )
}
