import { Button, Drawer, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { Field } from "../field-error"
import { serverErrors } from "../../lib/errors"
import { fromZonedInput, toZonedInput, useStoreTimeZone } from "../../lib/time-zone"
import { usePlanMutation, type Plan } from "./api"

type Variant = { id: string; title: string | null; sku?: string | null }

const FIELDS = [
  "variant_id",
  "status",
  "release_date",
  "window_opens_at",
  "window_closes_at",
  "estimated_ship_date",
  "cap",
  "per_customer_limit",
  "benefit_note",
  "benefit_pool",
]

type Values = Record<(typeof FIELDS)[number], string>

const emptyValues = (variantId = ""): Values => ({
  variant_id: variantId,
  status: "active",
  release_date: "",
  window_opens_at: "",
  window_closes_at: "",
  estimated_ship_date: "",
  cap: "",
  per_customer_limit: "",
  benefit_note: "",
  benefit_pool: "",
})

/** The same rules as the API's schema, checked before sending; the server's 400 still lands on the field. */
function check(values: Values, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  const whole = (name: string, min: number) => {
    const raw = values[name]
    if (raw === "") return
    const n = Number(raw)
    if (!Number.isInteger(n)) errors[name] = "Enter a whole number"
    else if (n < min) errors[name] = `Must be at least ${min}`
  }
  whole("cap", 1)
  whole("per_customer_limit", 1)
  whole("benefit_pool", 0)
  if (creating && !values.variant_id) errors.variant_id = "Choose the album version"
  if (creating && !values.release_date) errors.release_date = "Enter the release date"
  const release = values.release_date
  if (values.window_opens_at && release && values.window_opens_at >= release) errors.window_opens_at = "Must be before the release date"
  if (values.window_closes_at && values.window_opens_at && values.window_closes_at <= values.window_opens_at) {
    errors.window_closes_at = "Must be after the window opens"
  }
  if (values.window_closes_at && release && values.window_closes_at > release) errors.window_closes_at = "Must not be after the release date"
  return errors
}

/** Create a plan for a version, or edit one (the release date has its own action: it notifies fans). */
export function PlanFormDrawer({
  open,
  onOpenChange,
  plan,
  variants,
  defaultVariantId,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  plan?: Plan
  variants: Variant[]
  defaultVariantId?: string
}) {
  const zone = useStoreTimeZone()
  const creating = !plan
  const [values, setValues] = useState<Values>(emptyValues(defaultVariantId))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string>()

  useEffect(() => {
    if (!open) return
    setErrors({})
    setFormError(undefined)
    setValues(
      plan
        ? {
            variant_id: plan.variant_id,
            status: plan.status,
            release_date: toZonedInput(plan.release_date, zone),
            window_opens_at: toZonedInput(plan.window_opens_at, zone),
            window_closes_at: toZonedInput(plan.window_closes_at, zone),
            estimated_ship_date: toZonedInput(plan.estimated_ship_date, zone),
            cap: plan.cap?.toString() ?? "",
            per_customer_limit: plan.per_customer_limit?.toString() ?? "",
            benefit_note: plan.benefit_note ?? "",
            benefit_pool: plan.benefit_pool?.toString() ?? "",
          }
        : emptyValues(defaultVariantId ?? variants[0]?.id)
    )
    // Reset when the drawer opens (or the zone arrives), not on every refetch of the plan list behind it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, plan?.id, zone, defaultVariantId])

  const save = usePlanMutation<Record<string, unknown>, { preorder_plan: Plan }>(() =>
    creating ? "/admin/preorder-plans" : `/admin/preorder-plans/${plan!.id}`
  )

  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }))
  const num = (raw: string) => (raw === "" ? null : Number(raw))
  const date = (raw: string) => (raw === "" ? null : fromZonedInput(raw, zone))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local = check(values, creating)
    setErrors(local)
    setFormError(undefined)
    if (Object.keys(local).length) return
    const body: Record<string, unknown> = {
      cap: num(values.cap),
      per_customer_limit: num(values.per_customer_limit),
      benefit_pool: num(values.benefit_pool),
      benefit_note: values.benefit_note || null,
      window_closes_at: date(values.window_closes_at),
      estimated_ship_date: date(values.estimated_ship_date),
      status: values.status,
    }
    if (values.window_opens_at) body.window_opens_at = date(values.window_opens_at)
    if (creating) {
      body.variant_id = values.variant_id
      body.release_date = date(values.release_date)
      if (body.window_closes_at === null) delete body.window_closes_at
      if (body.estimated_ship_date === null) delete body.estimated_ship_date
    }
    try {
      await save.mutateAsync(body)
      toast.success(creating ? "Pre-order plan created" : "Pre-order plan saved")
      onOpenChange(false)
    } catch (error) {
      const parsed = serverErrors(error, FIELDS)
      setErrors(parsed.fields)
      setFormError(parsed.message)
    }
  }

  const input = (name: string, type = "text", extra: Record<string, unknown> = {}) => (
    <Input
      id={name}
      name={name}
      type={type}
      value={values[name]}
      aria-invalid={!!errors[name]}
      onChange={(e) => set(name)(e.target.value)}
      {...extra}
    />
  )

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>{creating ? "Create pre-order plan" : "Edit pre-order plan"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Dates are in the store's time zone ({zone}).
            </Text>
            {creating && (
              <Field name="variant_id" label="Album version" error={errors.variant_id}>
                <Select value={values.variant_id} onValueChange={set("variant_id")}>
                  <Select.Trigger id="variant_id">
                    <Select.Value placeholder="Choose a version" />
                  </Select.Trigger>
                  <Select.Content>
                    {variants.map((v) => (
                      <Select.Item key={v.id} value={v.id}>
                        {v.title ?? v.sku ?? v.id}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </Field>
            )}
            <Field name="status" label="Status" hint="Fans only see active plans." error={errors.status}>
              <Select value={values.status} onValueChange={set("status")}>
                <Select.Trigger id="status">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="active">Active</Select.Item>
                  <Select.Item value="draft">Draft</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            {creating && (
              <Field name="release_date" label="Release date" error={errors.release_date}>
                {input("release_date", "datetime-local")}
              </Field>
            )}
            <div className="grid grid-cols-2 gap-4">
              <Field name="window_opens_at" label="Window opens" optional hint="Now when empty." error={errors.window_opens_at}>
                {input("window_opens_at", "datetime-local")}
              </Field>
              <Field name="window_closes_at" label="Window closes" optional hint="At the release when empty." error={errors.window_closes_at}>
                {input("window_closes_at", "datetime-local")}
              </Field>
            </div>
            <Field name="estimated_ship_date" label="Estimated ship date" optional error={errors.estimated_ship_date}>
              {input("estimated_ship_date", "datetime-local")}
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field name="cap" label="Cap (units)" optional hint="No cap when empty." error={errors.cap}>
                {input("cap", "number", { min: 1, step: 1 })}
              </Field>
              <Field name="per_customer_limit" label="Per-customer limit" optional error={errors.per_customer_limit}>
                {input("per_customer_limit", "number", { min: 1, step: 1 })}
              </Field>
            </div>
            <Field name="benefit_note" label="Pre-order benefit" optional hint="E.g. signed photocard set." error={errors.benefit_note}>
              <Textarea id="benefit_note" value={values.benefit_note} onChange={(e) => set("benefit_note")(e.target.value)} />
            </Field>
            <Field name="benefit_pool" label="Benefit pool (units)" optional hint="Unlimited when empty." error={errors.benefit_pool}>
              {input("benefit_pool", "number", { min: 0, step: 1 })}
            </Field>
            {formError && (
              <Text size="small" className="text-ui-fg-error" role="alert">
                {formError}
              </Text>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={save.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
