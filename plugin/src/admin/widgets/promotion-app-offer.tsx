import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Phone } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Drawer, Heading, Input, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { useConfirm } from "../components/confirm"
import { Field } from "../components/field-error"
import { SectionRow } from "../components/section"
import {
  type AppPromotion,
  useAppChannels,
  useMarkAppExclusive,
  usePromotionAppOffer,
  usePromotionGroup,
  useUnmarkAppExclusive,
} from "../components/group-orders/api"
import { errorMessage, serverErrors } from "../lib/errors"
import { withFeature } from "../lib/features"

const FIELDS = ["sales_channel_ids", "per_customer_limit", "per_device_limit", "title", "description", "public_code"]
const optionalInt = (value: string) => (value.trim() === "" ? null : Number(value))

/**
 * App-only offer on the promotion page: the "App exclusive" toggle, which app
 * channels, per-customer and per-device limits, the title the app shows, and
 * how many orders used it. Not shown on group tier promotions (they belong to their group).
 */
const PromotionAppOfferWidget = ({ data: promotion }: DetailWidgetProps<HttpTypes.AdminPromotion>) => {
  const confirm = useConfirm()
  const group = usePromotionGroup(promotion.id)
  const offer = usePromotionAppOffer(promotion.id)
  const channels = useAppChannels()
  const unmark = useUnmarkAppExclusive(promotion.id)
  const [editing, setEditing] = useState(false)
  if (group.isLoading || group.data?.group_order) return null
  const app = offer.data?.app_promotion ?? null
  const uses = offer.data?.uses
  const names = new Map((channels.data?.app_channels ?? []).map((c) => [c.sales_channel_id, c.sales_channel_name ?? c.sales_channel_id]))

  const toggle = async (on: boolean) => {
    if (on) return setEditing(true)
    const ok = await confirm({
      title: `Make ${promotion.code} an ordinary promotion?`,
      description: "Its app-only rules are removed: web and app carts without a verified app session can use the code again. Its limits per customer and device stop applying.",
      confirmText: "Remove app exclusivity",
      variant: "danger",
    })
    if (!ok) return
    try {
      await unmark.mutateAsync()
      toast.success(`${promotion.code} is no longer app-exclusive`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="app-offer-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Phone className="text-ui-fg-subtle" />
          <div>
            <Heading level="h2">App-only offer</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Only carts in an app channel with a verified app session get it.
            </Text>
          </div>
        </div>
        <div className="flex items-center gap-x-2">
          <label htmlFor="app-exclusive" className="txt-compact-small text-ui-fg-subtle">
            App exclusive
          </label>
          <Switch id="app-exclusive" aria-label="App exclusive" checked={Boolean(app)} disabled={offer.isLoading} onCheckedChange={toggle} />
        </div>
      </div>
      {app ? (
        <>
          <SectionRow
            title="App channels"
            value={
              <div className="flex flex-wrap gap-1">
                {app.sales_channel_ids.map((id) => (
                  <Badge key={id} size="2xsmall">
                    {names.get(id) ?? id}
                  </Badge>
                ))}
              </div>
            }
          />
          <SectionRow title="Per customer" value={app.per_customer_limit ? `${app.per_customer_limit} use(s)` : "No limit"} />
          <SectionRow title="Per device" value={app.per_device_limit ? `${app.per_device_limit} use(s)` : "No limit"} />
          <SectionRow title="Public title" value={app.title ?? "-"} />
          <SectionRow title="Code in the app's offer list" value={app.public_code ? "Shown" : "Hidden (handed out elsewhere)"} />
          <SectionRow
            title="Used"
            testId="app-offer-uses"
            value={`${uses?.placed ?? 0} order(s)${uses?.reserved ? ` · ${uses.reserved} checkout(s) in progress` : ""}${uses?.cancelled ? ` · ${uses.cancelled} cancelled` : ""}`}
          />
          <div className="flex justify-end px-6 py-4">
            <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
          </div>
        </>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            An ordinary promotion: any cart can use the code.
            {channels.data && !channels.data.app_channels.length && (
              <>
                {" "}
                No app channel is configured yet:{" "}
                <Link to="/settings/app-channels" className="text-ui-fg-interactive hover:underline">
                  set one up
                </Link>
                .
              </>
            )}
          </Text>
        </div>
      )}
      <AppOfferDrawer open={editing} onOpenChange={setEditing} promotion={promotion} app={app} channels={channels.data?.app_channels ?? []} />
    </Container>
  )
}

function AppOfferDrawer({
  open,
  onOpenChange,
  promotion,
  app,
  channels,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  promotion: HttpTypes.AdminPromotion
  app: AppPromotion | null
  channels: { sales_channel_id: string; sales_channel_name: string | null; active: boolean }[]
}) {
  const mark = useMarkAppExclusive(promotion.id)
  const initial = () => ({
    sales_channel_ids: app?.sales_channel_ids ?? channels.filter((c) => c.active).map((c) => c.sales_channel_id),
    per_customer_limit: app?.per_customer_limit?.toString() ?? "",
    per_device_limit: app?.per_device_limit?.toString() ?? "",
    title: app?.title ?? "",
    description: app?.description ?? "",
    public_code: app?.public_code ?? true,
  })
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (open) {
      setForm(initial())
      setErrors({})
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  const submit = async () => {
    try {
      await mark.mutateAsync({
        sales_channel_ids: form.sales_channel_ids,
        per_customer_limit: optionalInt(form.per_customer_limit),
        per_device_limit: optionalInt(form.per_device_limit),
        title: form.title.trim() || null,
        description: form.description.trim() || null,
        public_code: form.public_code,
      })
      toast.success(`${promotion.code} is app-exclusive`)
      onOpenChange(false)
    } catch (e) {
      const parsed = serverErrors(e, FIELDS)
      setErrors(parsed.fields)
      if (parsed.message) toast.error(parsed.message)
    }
  }
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>App-only offer: {promotion.code}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          <Field name="sales_channel_ids" label="App channels" error={errors.sales_channel_ids} hint="Carts in these channels, with a verified app session, get the offer.">
            <div className="flex flex-col gap-y-2">
              {channels.map((c) => (
                <label key={c.sales_channel_id} className="flex items-center gap-x-2">
                  <Checkbox
                    checked={form.sales_channel_ids.includes(c.sales_channel_id)}
                    onCheckedChange={(checked) =>
                      setForm((f) => ({
                        ...f,
                        sales_channel_ids: checked ? [...f.sales_channel_ids, c.sales_channel_id] : f.sales_channel_ids.filter((id) => id !== c.sales_channel_id),
                      }))
                    }
                    aria-label={c.sales_channel_name ?? c.sales_channel_id}
                  />
                  <Text size="small">{c.sales_channel_name ?? c.sales_channel_id}</Text>
                  {!c.active && <Badge size="2xsmall">inactive</Badge>}
                </label>
              ))}
              {!channels.length && (
                <Text size="small" className="text-ui-fg-muted">
                  No app channel yet: <Link to="/settings/app-channels" className="text-ui-fg-interactive">configure one</Link>.
                </Text>
              )}
            </div>
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field name="per_customer_limit" label="Uses per customer" optional error={errors.per_customer_limit}>
              <Input id="per_customer_limit" type="number" min={1} value={form.per_customer_limit} onChange={(e) => setForm((f) => ({ ...f, per_customer_limit: e.target.value }))} />
            </Field>
            <Field name="per_device_limit" label="Uses per device" optional error={errors.per_device_limit}>
              <Input id="per_device_limit" type="number" min={1} value={form.per_device_limit} onChange={(e) => setForm((f) => ({ ...f, per_device_limit: e.target.value }))} />
            </Field>
          </div>
          <Field name="title" label="Public title" optional hint="What the app's offer list shows." error={errors.title}>
            <Input id="title" value={form.title} onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))} />
          </Field>
          <Field name="description" label="Public description" optional error={errors.description}>
            <Textarea id="description" value={form.description} onChange={(e) => setForm((f) => ({ ...f, description: e.target.value }))} />
          </Field>
          <div className="flex items-center justify-between">
            <div>
              <Text size="small" weight="plus">Show the code in the app</Text>
              <Text size="small" className="text-ui-fg-subtle">Off: the code is handed out elsewhere (e.g. a push message).</Text>
            </div>
            <Switch aria-label="Show the code in the app" checked={form.public_code} onCheckedChange={(v) => setForm((f) => ({ ...f, public_code: v }))} />
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">Cancel</Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={mark.isPending}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineWidgetConfig({ zone: "promotion.details" })

export default withFeature("app_promotions", PromotionAppOfferWidget, "widget")
