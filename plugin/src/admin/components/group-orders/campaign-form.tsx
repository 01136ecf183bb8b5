import { Plus, Trash } from "@medusajs/icons"
import { Button, Drawer, IconButton, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { tierProblems } from "../../../modules/group-order/lib/tiers"
import { serverErrors } from "../../lib/errors"
import { sdk } from "../../lib/sdk"
import { fromZonedInput, toZonedInput, useStoreTimeZone, zoneLabel } from "../../lib/time-zone"
import { Field, FieldError } from "../field-error"
import { type GroupCampaign, useSaveCampaign } from "./api"
import { ProductPicker } from "./product-picker"

type TierRow = { min_units: string; percent: string }
type Form = {
  title: string
  description: string
  product_ids: string[]
  variant_ids: string[]
  tiers: TierRow[]
  starts_at: string
  ends_at: string
  max_units_per_member: string
  max_members: string
  currency_code: string
  region_id: string
}

const FIELDS = ["title", "description", "product_ids", "variant_ids", "tiers", "starts_at", "ends_at", "max_units_per_member", "max_members", "currency_code", "region_id"]
const tierFields = (n: number) => Array.from({ length: n }, (_, i) => [`tiers.${i}.min_units`, `tiers.${i}.percent`]).flat()

const toTiers = (rows: TierRow[]) => rows.map((r) => ({ min_units: Number(r.min_units), percent: Number(r.percent) }))
const optionalInt = (value: string) => (value.trim() === "" ? null : Number(value))

/**
 * Create or edit a campaign in a drawer. The tier editor checks, as you type,
 * what the server checks (the same tierProblems function): strictly increasing
 * units and percent. The server's 400 lands on the field it names.
 */
export function CampaignFormDrawer({ open, onOpenChange, campaign }: { open: boolean; onOpenChange: (open: boolean) => void; campaign?: GroupCampaign }) {
  const zone = useStoreTimeZone()
  const save = useSaveCampaign(campaign?.id)
  const locked = Boolean(campaign && (campaign.stats?.groups ?? 0) > 0)
  const regions = useQuery({ queryKey: ["comeback", "regions"], queryFn: () => sdk.admin.region.list({ limit: 100, fields: "id,name,currency_code" }) })
  const store = useQuery({ queryKey: ["comeback", "store-currencies"], queryFn: () => sdk.admin.store.list({ fields: "id,supported_currencies.*" } as any) })
  const currencies = ((store.data?.stores?.[0] as any)?.supported_currencies ?? []).map((c: any) => c.currency_code as string)

  const initial = (): Form => ({
    title: campaign?.title ?? "",
    description: campaign?.description ?? "",
    product_ids: campaign?.product_ids ?? [],
    variant_ids: campaign?.variant_ids ?? [],
    tiers: (campaign?.tiers ?? [{ min_units: 5, percent: 5 }, { min_units: 10, percent: 10 }]).map((t) => ({ min_units: String(t.min_units), percent: String(t.percent) })),
    starts_at: toZonedInput(campaign?.starts_at ?? new Date(), zone),
    ends_at: toZonedInput(campaign?.ends_at ?? new Date(Date.now() + 14 * 86_400_000), zone),
    max_units_per_member: campaign?.max_units_per_member?.toString() ?? "",
    max_members: campaign?.max_members?.toString() ?? "",
    currency_code: campaign?.currency_code ?? "usd",
    region_id: campaign?.region_id ?? "",
  })
  const [form, setForm] = useState<Form>(initial)
  const [server, setServer] = useState<{ fields: Record<string, string>; message?: string }>({ fields: {} })
  const [touched, setTouched] = useState(false)
  useEffect(() => {
    if (open) {
      setForm(initial())
      setServer({ fields: {} })
      setTouched(false)
    }
    // Reset when the drawer opens, never while staff type (the store's zone is loaded by then: the page shows dates in it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, campaign?.id])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setServer((s) => ({ ...s, fields: { ...s.fields, [key]: "" } }))
  }

  /** Inline problems, keyed like the server's: `tiers.1.percent`. */
  const local = useMemo(() => {
    const problems: Record<string, string> = {}
    for (const p of tierProblems(toTiers(form.tiers))) {
      const [path, message] = [p.slice(0, p.indexOf(": ")), p.slice(p.indexOf(": ") + 2)]
      problems[path] = problems[path] ? `${problems[path]}; ${message}` : message
    }
    if (!form.title.trim()) problems.title = "A title is required"
    if (!form.product_ids.length && !form.variant_ids.length) problems.product_ids = "Choose the products or versions the group counts"
    if (!form.ends_at) problems.ends_at = "A deadline is required"
    else if (form.starts_at && form.ends_at <= form.starts_at) problems.ends_at = "The deadline must be after the start"
    return problems
  }, [form])
  const error = (key: string) => server.fields[key] || (touched || key.startsWith("tiers") ? local[key] : undefined)
  const tierError = (i: number, field: "min_units" | "percent") => server.fields[`tiers.${i}.${field}`] || local[`tiers.${i}.${field}`]

  const submit = async () => {
    setTouched(true)
    if (Object.keys(local).length) return
    const body: Record<string, unknown> = {
      title: form.title.trim(),
      description: form.description.trim() || null,
      starts_at: fromZonedInput(form.starts_at, zone) || undefined,
      ends_at: fromZonedInput(form.ends_at, zone),
      max_units_per_member: optionalInt(form.max_units_per_member),
      max_members: optionalInt(form.max_members),
      region_id: form.region_id || null,
    }
    if (!locked) Object.assign(body, { product_ids: form.product_ids, variant_ids: form.variant_ids, tiers: toTiers(form.tiers) })
    if (!campaign) body.currency_code = form.currency_code
    try {
      const { group_campaign } = await save.mutateAsync(body)
      toast.success(campaign ? "Campaign saved" : "Campaign created", { description: group_campaign.title })
      onOpenChange(false)
    } catch (e) {
      const parsed = serverErrors(e, [...tierFields(form.tiers.length), ...FIELDS])
      setServer(parsed)
      if (parsed.message) toast.error(parsed.message)
    }
  }

  const updateTier = (i: number, key: keyof TierRow, value: string) => {
    set("tiers", form.tiers.map((t, j) => (j === i ? { ...t, [key]: value } : t)))
    setServer((s) => ({ ...s, fields: { ...s.fields, [`tiers.${i}.${key}`]: "", tiers: "" } }))
  }
  const zoneNote = `${zone} (${zoneLabel(new Date(), zone)}), the store's time zone`

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{campaign ? "Edit campaign" : "Create group campaign"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <Field name="title" label="Title" error={error("title")}>
            <Input id="title" name="title" value={form.title} onChange={(e) => set("title", e.target.value)} />
          </Field>
          <Field name="description" label="Description" optional error={error("description")}>
            <Textarea id="description" name="description" value={form.description} onChange={(e) => set("description", e.target.value)} />
          </Field>

          <div className="flex flex-col gap-y-2" data-field="tiers">
            <Label size="small" weight="plus">
              Tiers
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              Units the group reaches → percent off every eligible unit. Each tier needs more units and a bigger discount than the one before.
            </Text>
            {locked && (
              <Text size="small" className="text-ui-fg-muted">
                Locked: groups exist, and their members paid by these tiers.
              </Text>
            )}
            <div className="flex flex-col gap-y-2" data-testid="tier-editor">
              {form.tiers.map((tier, i) => (
                <div key={i} className="flex flex-col gap-y-1" data-testid={`tier-${i}`}>
                  <div className="flex items-center gap-x-2">
                    <Text size="small" className="text-ui-fg-subtle w-8">
                      T{i + 1}
                    </Text>
                    <Input
                      type="number"
                      min={1}
                      aria-label={`Tier ${i + 1} units`}
                      name={`tiers.${i}.min_units`}
                      value={tier.min_units}
                      disabled={locked}
                      onChange={(e) => updateTier(i, "min_units", e.target.value)}
                      aria-invalid={Boolean(tierError(i, "min_units"))}
                    />
                    <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
                      units →
                    </Text>
                    <Input
                      type="number"
                      min={0}
                      max={100}
                      step="0.01"
                      aria-label={`Tier ${i + 1} percent`}
                      name={`tiers.${i}.percent`}
                      value={tier.percent}
                      disabled={locked}
                      onChange={(e) => updateTier(i, "percent", e.target.value)}
                      aria-invalid={Boolean(tierError(i, "percent"))}
                    />
                    <Text size="small" className="text-ui-fg-subtle">
                      %
                    </Text>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Remove tier ${i + 1}`}
                      disabled={locked || form.tiers.length === 1}
                      onClick={() => set("tiers", form.tiers.filter((_, j) => j !== i))}
                    >
                      <Trash />
                    </IconButton>
                  </div>
                  <FieldError message={tierError(i, "min_units")} testId={`error-tiers.${i}.min_units`} />
                  <FieldError message={tierError(i, "percent")} testId={`error-tiers.${i}.percent`} />
                </div>
              ))}
            </div>
            <FieldError message={server.fields.tiers} testId="error-tiers" />
            {!locked && form.tiers.length < 10 && (
              <Button
                size="small"
                variant="secondary"
                type="button"
                className="self-start"
                onClick={() => {
                  const last = form.tiers[form.tiers.length - 1]
                  set("tiers", [...form.tiers, { min_units: String(Number(last?.min_units || 0) + 5), percent: String(Number(last?.percent || 0) + 5) }])
                }}
              >
                <Plus /> Add tier
              </Button>
            )}
          </div>

          <Field name="product_ids" label="Products that count" error={error("product_ids") || server.fields.variant_ids}>
            <ProductPicker
              productIds={form.product_ids}
              variantIds={form.variant_ids}
              disabled={locked}
              onChange={(v) => setForm((f) => ({ ...f, ...v }))}
            />
          </Field>

          <div className="grid grid-cols-2 gap-4">
            <Field name="starts_at" label="Starts" hint={zoneNote} error={error("starts_at")}>
              <Input id="starts_at" type="datetime-local" value={form.starts_at} onChange={(e) => set("starts_at", e.target.value)} />
            </Field>
            <Field name="ends_at" label="Deadline" hint="Joins stop and groups settle" error={error("ends_at")}>
              <Input id="ends_at" type="datetime-local" value={form.ends_at} onChange={(e) => set("ends_at", e.target.value)} />
            </Field>
            <Field name="max_units_per_member" label="Units per member" optional error={error("max_units_per_member")}>
              <Input id="max_units_per_member" type="number" min={1} value={form.max_units_per_member} onChange={(e) => set("max_units_per_member", e.target.value)} />
            </Field>
            <Field name="max_members" label="Members per group" optional error={error("max_members")}>
              <Input id="max_members" type="number" min={2} value={form.max_members} onChange={(e) => set("max_members", e.target.value)} />
            </Field>
            <Field name="currency_code" label="Currency" hint={campaign ? "Fixed after creation" : undefined} error={error("currency_code")}>
              <Select value={form.currency_code} onValueChange={(v) => set("currency_code", v)} disabled={Boolean(campaign)}>
                <Select.Trigger id="currency_code">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {[...new Set([form.currency_code, ...currencies])].map((c) => (
                    <Select.Item key={c} value={c}>
                      {c.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
            <Field name="region_id" label="Region" optional error={error("region_id")}>
              <Select value={form.region_id || "any"} onValueChange={(v) => set("region_id", v === "any" ? "" : v)}>
                <Select.Trigger id="region_id">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="any">Any region</Select.Item>
                  {(regions.data?.regions ?? []).map((r: any) => (
                    <Select.Item key={r.id} value={r.id}>
                      {r.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          </div>
          {server.message && (
            <Text size="small" className="text-ui-fg-error" data-testid="form-error">
              {server.message}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={save.isPending}>
            {campaign ? "Save" : "Create"}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
