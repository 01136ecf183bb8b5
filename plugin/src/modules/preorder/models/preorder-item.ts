import { model } from "@medusajs/framework/utils"
import PreorderPlan from "./preorder-plan"

/**
 * Units of one cart/order line that were sold as a pre-order.
 * reserved  → reserved at cart completion, order not yet created
 * pending   → ordered, waiting for the release
 * ready     → released: ready to ship
 * cancelled → cancelled (order cancelled, fan cancelled on a delay, or unallocated at a short supply)
 */
const PreorderItem = model
  .define("preorder_item", {
    id: model.id({ prefix: "pitem" }).primaryKey(),
    plan: model.belongsTo(() => PreorderPlan, { mappedBy: "items" }),
    variant_id: model.text(),
    cart_id: model.text(),
    cart_line_item_id: model.text(),
    order_id: model.text().nullable(),
    order_line_item_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text(),
    quantity: model.number(),
    status: model.enum(["reserved", "pending", "ready", "cancelled"]).default("reserved"),
    /** Current release date of this item (follows the plan's changes). */
    release_date: model.dateTime(),
    /** Release date when the fan ordered: a later release_date is a delay. */
    ordered_release_date: model.dateTime(),
    /** Units of this line that got the plan's limited benefit (first come, first served). */
    benefit_units: model.number().default(0),
    /** At a short supply: units of this line covered by the received quantity (null: not allocated yet). */
    allocated_units: model.number().nullable(),
    released_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
    refund_id: model.text().nullable(),
    /**
     * A cancellation with a refund: claimed (in the same statement that cancels
     * the item, before the provider is called) → refunded. A claim left behind by
     * a crash is finished by the maintenance job. Null: no refund owed by us.
     */
    refund_status: model.enum(["claimed", "refunded"]).nullable(),
    refund_payment_id: model.text().nullable(),
    refund_amount: model.bigNumber().nullable(),
    refund_claimed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["cart_line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"] },
    { on: ["customer_id"] },
    { on: ["email"] },
    { on: ["status"] },
    { on: ["refund_status"], where: "refund_status = 'claimed'" },
  ])

export default PreorderItem
