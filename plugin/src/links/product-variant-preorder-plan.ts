import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import PreorderModule from "../modules/preorder"

/**
 * Read-only: a variant's pre-order plan (`preorder_plan.variant_id`), so
 * `GET /store/products?fields=*variants.preorder_plan` returns each variant's
 * plan in the same query, batched, without a link table to keep in sync.
 * The store product routes project it to what fans may see
 * (src/api/utils/store-preorder-fields.ts).
 */
export default defineLink(
  { linkable: ProductModule.linkable.productVariant, field: "id" },
  { ...PreorderModule.linkable.preorderPlan.id, primaryKey: "variant_id" },
  { readOnly: true }
)
