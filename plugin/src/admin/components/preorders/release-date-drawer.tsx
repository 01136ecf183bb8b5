import { Alert, Button, Drawer, Input, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { DateTime } from "../date-time"
import { Field } from "../field-error"
import { useConfirm } from "../confirm"
import { serverErrors } from "../../lib/errors"
import { formatInZone, fromZonedInput, toZonedInput, useStoreTimeZone } from "../../lib/time-zone"
import { usePlanMutation, type Plan } from "./api"

type Change = { preorder_plan: Plan; release_date_change: { from: string; to: string; delayed: boolean } | null }

/**
 * "Change release date": a new date and the reason fans will read. A delay lets
 * fans cancel, so the drawer says so and asks for confirmation; the history of
 * earlier changes is shown under the form.
 */
export function ReleaseDateDrawer({ open, onOpenChange, plan, title }: { open: boolean; onOpenChange: (open: boolean) => void; plan: Plan; title: string }) {
  const zone = useStoreTimeZone()
  const confirm = useConfirm()
  const [date, setDate] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<Record<string, string>>({})
  const change = usePlanMutation<Record<string, unknown>, Change>(() => `/admin/preorder-plans/${plan.id}`)
  const pending = plan.units.pending + plan.units.reserved

  useEffect(() => {
    if (!open) return
    setDate(toZonedInput(plan.release_date, zone))
    setReason("")
    setErrors({})
  }, [open, plan.release_date, zone])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local: Record<string, string> = {}
    if (!date) local.release_date = "Enter the new release date"
    else if (fromZonedInput(date, zone) === new Date(plan.release_date).toISOString()) local.release_date = "Choose a date different from the current one"
    if (!reason.trim()) local.reason = "Fans are told why: enter a reason"
    setErrors(local)
    if (Object.keys(local).length) return
    const next = fromZonedInput(date, zone)
    const delayed = new Date(next) > new Date(plan.release_date)
    const ok = await confirm({
      title: delayed ? "Delay the release?" : "Move the release earlier?",
      description:
        `${title} moves from ${formatInZone(plan.release_date, zone)} to ${formatInZone(next, zone)} (${zone}). ` +
        `Every fan with a pending pre-order (${pending} unit${pending === 1 ? "" : "s"}) is notified` +
        (delayed ? " and may cancel for a full refund." : "."),
      confirmText: "Change release date",
    })
    if (!ok) return
    try {
      const result = await change.mutateAsync({ release_date: next, reason: reason.trim() })
      const moved = result.release_date_change
      toast.success("Release date changed", {
        description: moved
          ? `${moved.delayed ? "Delayed" : "Brought forward"} to ${formatInZone(moved.to, zone)}; fans with pending pre-orders are being notified.`
          : "Nothing changed.",
      })
      onOpenChange(false)
    } catch (error) {
      const parsed = serverErrors(error, ["release_date", "reason"])
      setErrors({ ...parsed.fields, ...(parsed.message ? { reason: parsed.message } : {}) })
    }
  }

  const history = plan.date_history?.changes ?? []
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Change release date</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <Alert variant="warning">
              Every fan with a pending pre-order of {title} is notified by email. On a delay they may cancel for a full refund.
            </Alert>
            <div className="flex flex-col gap-y-1">
              <Text size="small" weight="plus">
                Current release date
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                <DateTime value={plan.release_date} inline />
              </Text>
            </div>
            <Field name="release_date" label={`New release date (${zone})`} error={errors.release_date}>
              <Input id="release_date" type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!!errors.release_date} />
            </Field>
            <Field name="reason" label="Reason (shown to fans)" error={errors.reason}>
              <Textarea id="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!errors.reason} />
            </Field>
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                Date history
              </Text>
              {history.length === 0 ? (
                <Text size="small" className="text-ui-fg-muted">
                  The release date has not changed
                  {plan.original_release_date ? "" : " yet"}.
                </Text>
              ) : (
                <ol className="flex flex-col gap-y-2" data-testid="date-history">
                  {[...history].reverse().map((c) => (
                    <li key={c.changed_at} className="txt-small border-ui-border-base rounded-md border px-3 py-2">
                      <div className="text-ui-fg-base">
                        {formatInZone(c.from, zone)} → {formatInZone(c.to, zone)}
                      </div>
                      <div className="text-ui-fg-subtle">
                        {c.reason ?? "No reason given"} · changed {formatInZone(c.changed_at, zone)}
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={change.isPending}>
              Change release date
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
