import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PreorderModule from "../modules/preorder"

/**
 * Read-only: what an order line actually is as a pre-order (status, release
 * date, benefit units), by `preorder_item.order_line_item_id`; an order fetched
 * with `fields=*items.preorder_item` says which lines ship at release.
 */
export default defineLink(
  { linkable: OrderModule.linkable.orderLineItem, field: "id" },
  { ...PreorderModule.linkable.preorderItem.id, primaryKey: "order_line_item_id" },
  { readOnly: true }
)
