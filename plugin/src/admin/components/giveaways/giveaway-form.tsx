import { Button, Drawer, Heading, Input, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Field } from "../field-error"
import { serverErrors, type ServerErrors } from "../../lib/errors"
import { sdk } from "../../lib/sdk"
import { fromLocalInput, toLocalInput } from "./dates"
import type { AdminGiveaway } from "./types"

/** Official rules need the US "no purchase necessary" wording when purchases earn entries; start staff from it. */
export const RULES_TEMPLATE = `NO PURCHASE NECESSARY TO ENTER OR WIN. A purchase does not increase your chances of winning.
Open to legal residents of the 50 United States and D.C. who are 13 or older. Void where prohibited.
How to enter: every eligible album bought earns entries; or enter free once per day from the giveaway page.
Odds of winning depend on the number of eligible entries received. Winners are drawn at random after entries close,
notified by email, and must claim the prize within the claim window.`

type FormState = {
  title: string
  prize: string
  description: string
  product_ids: string
  entries_per_unit: string
  max_entries_per_customer: string
  starts_at: string
  ends_at: string
  eligible_countries: string
  min_age: string
  rules_text: string
  rules_url: string
  free_entry_enabled: boolean
  free_entries_per_day: string
  winners_count: string
  alternates_count: string
  claim_days: string
}

const FIELDS = [
  "title", "prize", "description", "product_ids", "entries_per_unit", "max_entries_per_customer", "starts_at", "ends_at",
  "eligible_countries", "min_age", "rules_text", "rules_url", "free_entry_enabled", "free_entries_per_day",
  "winners_count", "alternates_count", "claim_days", "status",
]

function initialState(g?: AdminGiveaway): FormState {
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString()
  return {
    title: g?.title ?? "",
    prize: g?.prize ?? "",
    description: g?.description ?? "",
    product_ids: (g?.product_ids ?? []).join(", "),
    entries_per_unit: String(g?.entries_per_unit ?? 1),
    max_entries_per_customer: g?.max_entries_per_customer ? String(g.max_entries_per_customer) : "",
    starts_at: toLocalInput(g?.starts_at ?? new Date().toISOString()),
    ends_at: toLocalInput(g?.ends_at ?? inAWeek),
    eligible_countries: (g?.eligible_countries ?? ["us"]).join(", "),
    min_age: g?.min_age ? String(g.min_age) : "13",
    rules_text: g?.rules_text ?? RULES_TEMPLATE,
    rules_url: g?.rules_url ?? "",
    free_entry_enabled: g?.free_entry_enabled ?? true,
    free_entries_per_day: String(g?.free_entries_per_day ?? 1),
    winners_count: String(g?.winners_count ?? 1),
    alternates_count: String(g?.alternates_count ?? 2),
    claim_days: String(g?.claim_days ?? 14),
  }
}

const list = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean)
const int = (v: string) => (v.trim() === "" ? undefined : Number(v))

/** The request body: only what the giveaway's status lets staff change (the server checks it again). */
function body(f: FormState, editable: (field: string) => boolean) {
  const all: Record<string, unknown> = {
    title: f.title,
    prize: f.prize,
    description: f.description || null,
    product_ids: list(f.product_ids),
    entries_per_unit: int(f.entries_per_unit),
    max_entries_per_customer: int(f.max_entries_per_customer) ?? null,
    starts_at: fromLocalInput(f.starts_at),
    ends_at: fromLocalInput(f.ends_at),
    eligible_countries: list(f.eligible_countries),
    min_age: int(f.min_age) ?? null,
    rules_text: f.rules_text || null,
    rules_url: f.rules_url || null,
    free_entry_enabled: f.free_entry_enabled,
    free_entries_per_day: int(f.free_entries_per_day),
    winners_count: int(f.winners_count),
    alternates_count: int(f.alternates_count),
    claim_days: int(f.claim_days),
  }
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => v !== undefined && editable(k)))
}

/** What a live or drawn giveaway still lets staff change (mirrors lib/lifecycle.ts; the server has the last word). */
const EDITABLE: Record<string, string[] | "all"> = {
  draft: "all",
  live: ["title", "description", "prize", "rules_text", "rules_url", "claim_days", "ends_at"],
  drawn: ["title", "description", "claim_days"],
  closed: [],
}

/**
 * Create or edit a giveaway in a drawer. Going live is a separate, confirmed
 * step on the giveaway's page (it commits the draw), so this form saves drafts
 * and edits; fields the giveaway's status no longer allows are read-only.
 */
export function GiveawayFormDrawer(props: { giveaway?: AdminGiveaway; open: boolean; onOpenChange: (open: boolean) => void; onSaved?: (g: AdminGiveaway) => void }) {
  const { giveaway } = props
  const queryClient = useQueryClient()
  const [form, setForm] = useState<FormState>(() => initialState(giveaway))
  const [errors, setErrors] = useState<ServerErrors>({ fields: {} })
  useEffect(() => {
    if (props.open) {
      setForm(initialState(giveaway))
      setErrors({ fields: {} })
    }
  }, [props.open, giveaway])
  const rule = EDITABLE[giveaway?.status ?? "draft"]
  const editable = (field: string) => rule === "all" || rule.includes(field)

  const save = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ giveaway: AdminGiveaway }>(giveaway ? `/admin/giveaways/${giveaway.id}` : "/admin/giveaways", {
        method: "POST",
        body: body(form, editable),
      }),
    onSuccess: ({ giveaway: saved }) => {
      toast.success(giveaway ? "Giveaway saved" : "Giveaway created", { description: saved.title })
      queryClient.invalidateQueries({ queryKey: ["comeback", "giveaways"] })
      props.onOpenChange(false)
      props.onSaved?.(saved)
    },
    onError: (error: Error) => setErrors(serverErrors(error, FIELDS)),
  })

  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }))
  const input = (name: keyof FormState, label: string, opts: { type?: string; hint?: string } = {}) => (
    <Field name={name} label={label} hint={opts.hint} error={errors.fields[name]}>
      <Input
        id={name}
        name={name}
        type={opts.type ?? "text"}
        step={opts.type === "datetime-local" ? 1 : undefined}
        value={form[name] as string}
        disabled={!editable(name)}
        aria-invalid={!!errors.fields[name]}
        onChange={(e) => set({ [name]: e.target.value } as Partial<FormState>)}
      />
    </Field>
  )
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

  return (
    <Drawer open={props.open} onOpenChange={props.onOpenChange}>
      <Drawer.Content data-testid="giveaway-form">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{giveaway ? `Edit ${giveaway.title}` : "Create giveaway"}</Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">The giveaway's prize, entry rules and official rules</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {errors.message && (
            <Text size="small" className="rounded-md bg-ui-tag-red-bg px-3 py-2 text-ui-fg-error" data-testid="form-error">
              {errors.message}
            </Text>
          )}
          {giveaway && giveaway.status !== "draft" && (
            <Text size="small" className="text-ui-fg-subtle">
              This giveaway is {giveaway.status}: fans entered under its published rules, so only some settings can change.
            </Text>
          )}
          {input("title", "Title")}
          {input("prize", "Prize")}
          <Field name="description" label="Description" error={errors.fields.description}>
            <Textarea id="description" value={form.description} disabled={!editable("description")} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          {input("product_ids", "Products that earn entries", { hint: "Product ids, comma separated; empty: every purchase earns entries" })}
          <div className="grid grid-cols-2 gap-3">
            {input("entries_per_unit", "Entries per unit bought", { type: "number" })}
            {input("max_entries_per_customer", "Most entries per customer", { type: "number", hint: "Empty: no cap" })}
            {input("starts_at", "Entries open", { type: "datetime-local", hint: zone })}
            {input("ends_at", "Entries close", { type: "datetime-local", hint: zone })}
            {input("winners_count", "Winners", { type: "number" })}
            {input("alternates_count", "Alternates", { type: "number" })}
            {input("eligible_countries", "Eligible countries", { hint: "2-letter codes, comma separated" })}
            {input("min_age", "Minimum age", { type: "number" })}
            {input("claim_days", "Days to claim the prize", { type: "number" })}
            {input("free_entries_per_day", "Free entries per day", { type: "number" })}
          </div>
          <Field name="free_entry_enabled" label="Free entry (no purchase necessary)" error={errors.fields.free_entry_enabled}>
            <div className="flex items-center gap-x-2">
              <Switch
                id="free_entry_enabled"
                checked={form.free_entry_enabled}
                disabled={!editable("free_entry_enabled")}
                onCheckedChange={(checked) => set({ free_entry_enabled: checked })}
              />
              <Text size="small" className="text-ui-fg-subtle">
                Required when purchases earn entries and US residents may enter.
              </Text>
            </div>
          </Field>
          <Field name="rules_text" label="Official rules" hint="Must say that no purchase is necessary and how to enter free." error={errors.fields.rules_text}>
            <Textarea id="rules_text" rows={7} value={form.rules_text} disabled={!editable("rules_text")} onChange={(e) => set({ rules_text: e.target.value })} />
          </Field>
          {input("rules_url", "Rules page URL", { hint: "Optional, http(s) only" })}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={() => save.mutate()} isLoading={save.isPending} data-testid="giveaway-save">
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
