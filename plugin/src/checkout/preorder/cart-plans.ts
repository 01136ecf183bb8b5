import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"

export type CartForPreorder = {
  id: string
  email: string | null
  customer_id: string | null
  completed_at?: string | Date | null
  items: { id: string; variant_id: string | null; quantity: number; variant_title?: string | null; product_title?: string | null }[]
}

/** The cart's fields the pre-order rules need, read fresh (hooks get differently shaped carts). */
export async function loadCart(container: MedusaContainer, cartId: string): Promise<CartForPreorder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "email", "customer_id", "completed_at", "items.id", "items.variant_id", "items.quantity", "items.variant_title", "items.product_title"],
    filters: { id: cartId },
  })
  const cart = data[0]
  return { ...cart, items: (cart?.items ?? []).filter(Boolean) }
}

/** Live (active) plans for these variants, keyed by variant id. */
export async function activePlansByVariant(container: MedusaContainer, variantIds: string[]) {
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) return new Map()
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const plans = await preorders.listPreorderPlans({ variant_id: ids, status: ["active"] })
  return new Map(plans.map((plan) => [plan.variant_id, plan]))
}

/** How fans know a line: `NCT Dream — Hot Sauce (Photo Book "Chilling")`. */
export function lineLabel(line: { product_title?: string | null; variant_title?: string | null }) {
  if (!line.product_title) return line.variant_title ?? "This album version"
  return line.variant_title ? `${line.product_title} (${line.variant_title})` : line.product_title
}

/** Labels of variants (by id), for messages before a line exists. */
export async function variantLabels(container: MedusaContainer, variantIds: string[]) {
  if (!variantIds.length) return new Map<string, string>()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "title", "product.title"], filters: { id: variantIds } })
  return new Map(data.map((v: any) => [v.id as string, lineLabel({ product_title: v.product?.title, variant_title: v.title })]))
}
