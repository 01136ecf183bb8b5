/**
 * Pre-order rules while a fan builds a cart (add, create with items, change a
 * quantity): a variant on an active plan can only be added inside its window,
 * within what is left of the cap and of the per-customer limit. Friendly early
 * answers; the authoritative, atomic check is at cart completion
 * (complete-cart-validate.ts).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../modules/preorder"
import { checkCartQuantity } from "../modules/preorder/lib/plan-state"
import type PreorderModuleService from "../modules/preorder/service"
import { activePlansByVariant, variantLabels } from "../checkout/preorder/cart-plans"
import { enabledFeatures } from "./features"

type Wanted = { variant_id: string; quantity: number }

async function assertCartQuantities(
  container: MedusaContainer,
  wanted: Wanted[],
  holder: { email?: string | null; customer_id?: string | null }
) {
  if (!enabledFeatures(container).preorders) return
  const plans = await activePlansByVariant(container, wanted.map((w) => w.variant_id))
  if (!plans.size) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const labels = await variantLabels(container, [...plans.keys()])
  for (const line of wanted) {
    const plan = plans.get(line.variant_id)
    if (!plan) continue
    const held = plan.per_customer_limit !== null ? await preorders.unitsHeld(plan.id, holder) : 0
    const check = checkCartQuantity({ ...plan, title: labels.get(line.variant_id) }, line.quantity, held)
    if (!check.ok) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, check.reason)
  }
}

/** What the three cart hooks hand over that these checks read (Medusa's cart and the request's input). */
/** Quantities are Medusa's BigNumberInput: numbers in practice, read with Number(). */
type Line = { id?: string; variant_id?: string | null; quantity: unknown }
type HookCart = { email?: string | null; customer_id?: string | null; items?: Line[] | null }
type CartHookInput = { input: { items?: Line[] | null; item_id?: string; update?: { quantity?: unknown } }; cart: unknown }

const sumByVariant = (lines: Line[]) => {
  const totals = new Map<string, number>()
  for (const line of lines) {
    if (!line.variant_id) continue
    totals.set(line.variant_id, (totals.get(line.variant_id) ?? 0) + Number(line.quantity))
  }
  return totals
}

type HookContext = { container: MedusaContainer }

/** The `addToCartWorkflow.validate` handler. */
export async function checkPreordersAdded({ input, cart }: CartHookInput, { container }: HookContext) {
  const c = cart as HookCart
  const existing = sumByVariant(c.items ?? [])
  const added = sumByVariant(input.items ?? [])
  const wanted = [...added.entries()].map(([variant_id, quantity]) => ({
    variant_id,
    quantity: quantity + (existing.get(variant_id) ?? 0),
  }))
  await assertCartQuantities(container, wanted, { email: c.email, customer_id: c.customer_id })
}

/** The `createCartWorkflow.validate` handler. */
export async function checkPreordersInNewCart({ input, cart }: CartHookInput, { container }: HookContext) {
  const c = cart as HookCart
  const wanted = [...sumByVariant(c.items ?? input.items ?? []).entries()].map(
    ([variant_id, quantity]) => ({ variant_id, quantity })
  )
  await assertCartQuantities(container, wanted, { email: c.email, customer_id: c.customer_id })
}

/** The `updateLineItemInCartWorkflow.validate` handler. */
export async function checkPreorderQuantityChange({ input, cart }: CartHookInput, { container }: HookContext) {
  const c = cart as HookCart
  const item = (c.items ?? []).find((i) => i.id === input.item_id)
  const quantity = Number(input.update?.quantity ?? 0)
  if (!item?.variant_id || quantity <= Number(item.quantity)) return
  await assertCartQuantities(
    container,
    [{ variant_id: item.variant_id, quantity }],
    { email: c.email, customer_id: c.customer_id }
  )
}
