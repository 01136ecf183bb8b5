import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState } from "../empty-state"
import { usePlans } from "./api"
import { PlanCard } from "./plan-card"
import { PlanFormDrawer } from "./plan-form-drawer"

type Variant = { id: string; title: string | null; sku?: string | null }

/**
 * The pre-order plans of a product's versions (product page), or of one version
 * (variant page: `variants` holds just that one).
 */
export function PlansSection({ productId, variants, heading = "Pre-orders" }: { productId: string; variants: Variant[]; heading?: string }) {
  const ids = variants.map((v) => v.id)
  const { data, isLoading, isError, error } = usePlans({ product_id: productId, variant_id: ids, limit: 100 })
  const [creating, setCreating] = useState(false)
  const plans = data?.preorder_plans ?? []
  const withoutPlan = variants.filter((v) => !plans.some((p) => p.variant_id === v.id))
  const titleOf = (variantId: string) => variants.find((v) => v.id === variantId)?.title ?? variantId

  return (
    <Container className="divide-y p-0" data-testid="preorder-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{heading}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Release dates, caps and benefits per album version.
          </Text>
        </div>
        {withoutPlan.length > 0 && (
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            <Plus />
            Create plan
          </Button>
        )}
      </div>
      {isLoading && (
        <div className="px-6 py-4">
          <Skeleton className="h-24 w-full" />
        </div>
      )}
      {isError && (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error?.message}
        </Text>
      )}
      {!isLoading && !isError && plans.length === 0 && (
        <EmptyState
          title="No pre-order plan"
          description="Sell a version before it is in stock: set its release date, window, cap and benefit."
          action={
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create plan
            </Button>
          }
        />
      )}
      {plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} title={titleOf(plan.variant_id)} variants={variants} />
      ))}
      <PlanFormDrawer open={creating} onOpenChange={setCreating} variants={withoutPlan} defaultVariantId={withoutPlan[0]?.id} />
    </Container>
  )
}
