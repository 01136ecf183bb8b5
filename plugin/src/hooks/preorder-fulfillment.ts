/**
 * A pre-order line ships at release: creating a fulfillment (Medusa's admin
 * "Fulfill items", createOrderFulfillmentWorkflow) that includes units of a
 * pre-order item not yet released fails with a 400 and the whole fulfillment
 * is rolled back. In-stock lines of the same order can be fulfilled now.
 */
import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"

/** The `createOrderFulfillmentWorkflow.fulfillmentCreated` handler. */
export async function guardPreorderFulfillment({ fulfillment }: { fulfillment: unknown }, { container }: { container: MedusaContainer }) {
  const items = (fulfillment as { items?: { line_item_id?: string | null }[] | null }).items ?? []
  const lineIds = items.map((item) => item.line_item_id).filter((id): id is string => !!id)
  if (!lineIds.length) return
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const waiting = await preorders.listPreorderItems({ order_line_item_id: lineIds, status: ["reserved", "pending"] })
  if (waiting.length) {
    const dates = [...new Set(waiting.map((item) => new Date(item.release_date).toISOString()))].join(", ")
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `items: ${waiting.length} pre-order line(s) ship at release (${dates}); release the plan before fulfilling them`
    )
  }
}
