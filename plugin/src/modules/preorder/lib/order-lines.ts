import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type OrderLine = { id: string; variant_id?: string | null; metadata?: Record<string, unknown> | null }

/**
 * The lines of these orders, with their metadata. (Read line metadata without
 * total fields: with them, Medusa returns the per-version order item's metadata.)
 */
export async function loadOrderLines(container: MedusaContainer, orderIds: string[]): Promise<OrderLine[]> {
  if (!orderIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.variant_id", "items.metadata"],
    filters: { id: [...new Set(orderIds)] },
  })
  return data.flatMap((order: any) => (order.items ?? []).filter(Boolean))
}

/**
 * Merges each line's patch into the `preorder` entry of its metadata, so the
 * order itself shows what ships at release and the current release date.
 * Returns the metadata the patched lines had before (for compensation).
 */
export async function stampPreorderLines(
  container: MedusaContainer,
  lines: OrderLine[],
  patches: Record<string, Record<string, unknown>>
) {
  const orderModule = container.resolve(Modules.ORDER)
  const previous: { id: string; metadata: Record<string, unknown> }[] = []
  for (const line of lines.filter((l) => patches[l.id])) {
    const metadata = (line.metadata ?? {}) as Record<string, any>
    previous.push({ id: line.id, metadata })
    await orderModule.updateOrderLineItems(line.id, {
      metadata: { ...metadata, preorder: { ...(metadata.preorder ?? {}), ...patches[line.id] } },
    })
  }
  return previous
}
