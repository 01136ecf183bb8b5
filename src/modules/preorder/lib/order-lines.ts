import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Merges `patch` into the `preorder` entry of order lines' metadata, so the
 * order itself shows what ships at release and the current release date.
 * (Read line metadata without total fields: with them, Medusa returns the
 * per-version order item's metadata instead.)
 */
export async function stampPreorderLines(
  container: MedusaContainer,
  orderIds: string[],
  patches: Record<string, Record<string, unknown>>
) {
  if (!Object.keys(patches).length || !orderIds.length) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.metadata"], filters: { id: [...new Set(orderIds)] } })
  const lines = data.flatMap((order: any) => (order.items ?? []).filter((line) => line && patches[line.id]))
  const orderModule = container.resolve(Modules.ORDER)
  for (const line of lines) {
    const metadata = (line.metadata ?? {}) as Record<string, any>
    await orderModule.updateOrderLineItems(line.id, {
      metadata: { ...metadata, preorder: { ...(metadata.preorder ?? {}), ...patches[line.id] } },
    })
  }
}
