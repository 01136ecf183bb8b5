import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import PreorderModule from "../modules/preorder"

/**
 * Read-only: the pre-order plan of a cart line's variant, so a cart fetched
 * with `fields=*items.preorder_plan` says which lines ship at release before
 * any order exists.
 */
export default defineLink(
  { linkable: CartModule.linkable.lineItem, field: "variant_id" },
  { ...PreorderModule.linkable.preorderPlan.id, primaryKey: "variant_id" },
  { readOnly: true }
)
