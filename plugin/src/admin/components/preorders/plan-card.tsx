import { Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../action-menu"
import { useConfirm } from "../confirm"
import { DateTime } from "../date-time"
import { ProgressBar } from "../progress-bar"
import { SectionRow } from "../section"
import { StateBadge } from "../status-badge"
import { errorMessage } from "../../lib/errors"
import { STATE_COLORS, usePlanMutation, type Plan } from "./api"
import { ItemsDrawer } from "./items-drawer"
import { PlanFormDrawer } from "./plan-form-drawer"
import { ReleaseDateDrawer } from "./release-date-drawer"

type Released = { plan_id: string; released_items: number; first_release: boolean }

/** One version's plan: state, dates, limits, progress, counts and every action on it. */
export function PlanCard({ plan, title, variants }: { plan: Plan; title: string; variants: { id: string; title: string | null }[] }) {
  const confirm = useConfirm()
  const [editing, setEditing] = useState(false)
  const [moving, setMoving] = useState(false)
  const [viewing, setViewing] = useState(false)
  const release = usePlanMutation<void, Released>(() => `/admin/preorder-plans/${plan.id}/release`)
  const live = plan.status === "active"

  const releaseNow = async () => {
    const ok = await confirm({
      title: `Release ${title} now?`,
      description:
        `${plan.units.pending} pending unit(s) become ready to ship, fans are notified, and the version stops selling beyond stock. ` +
        "This cannot be undone.",
      confirmText: "Release now",
    })
    if (!ok) return
    try {
      const result = await release.mutateAsync(undefined)
      toast.success(`${title} released`, { description: `${result.released_items} pre-order line(s) are ready to ship.` })
    } catch (error) {
      toast.error("Release failed", { description: errorMessage(error) })
    }
  }

  const counts = (["pending", "ready", "reserved", "cancelled"] as const).map((s) => `${plan.units[s] ?? 0} ${s}`).join(" · ")
  return (
    <div className="flex flex-col divide-y" data-testid={`plan-${plan.variant_id}`} aria-label={`Pre-order plan ${title}`} role="region">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Text size="small" weight="plus" leading="compact">
            {title}
          </Text>
          <StateBadge state={plan.state} colors={STATE_COLORS} />
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setViewing(true)}>
            Pre-orders
          </Button>
          <ActionMenu
            label={`Actions for ${title}`}
            groups={[
              [
                { label: "Edit plan", onClick: () => setEditing(true), disabled: plan.status === "released" },
                { label: "Change release date", onClick: () => setMoving(true), disabled: !live },
              ],
              [{ label: "Release now", onClick: releaseNow, disabled: !live }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Release date" value={<DateTime value={plan.release_date} />} />
      <SectionRow
        title="Pre-order window"
        value={
          <span className="flex flex-col gap-y-1">
            <DateTime value={plan.window_opens_at} inline />
            <span className="text-ui-fg-muted">to</span>
            <DateTime value={plan.window_closes_at_effective} inline />
          </span>
        }
      />
      {plan.estimated_ship_date && <SectionRow title="Estimated ship date" value={<DateTime value={plan.estimated_ship_date} withTime={false} />} />}
      <SectionRow
        title="Limits"
        value={`${plan.cap ? `Cap ${plan.cap}` : "No cap"} · ${plan.per_customer_limit ? `${plan.per_customer_limit} per customer` : "no per-customer limit"}`}
      />
      <SectionRow
        title="Benefit"
        value={plan.benefit_note ? `${plan.benefit_note}${plan.benefit_pool !== null ? ` (pool ${plan.benefit_pool})` : ""}` : "-"}
      />
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <ProgressBar label="Units pre-ordered" value={plan.reserved_units} max={plan.cap} testId={`cap-progress-${plan.variant_id}`} />
        {plan.benefit_pool !== null && (
          <ProgressBar label="Benefits given" value={plan.benefits_given} max={plan.benefit_pool} tone="warning" />
        )}
        <Text size="small" className="text-ui-fg-subtle" data-testid={`counts-${plan.variant_id}`}>
          {counts}
        </Text>
      </div>
      <PlanFormDrawer open={editing} onOpenChange={setEditing} plan={plan} variants={variants} />
      <ReleaseDateDrawer open={moving} onOpenChange={setMoving} plan={plan} title={title} />
      <ItemsDrawer open={viewing} onOpenChange={setViewing} plan={plan} title={title} />
    </div>
  )
}
