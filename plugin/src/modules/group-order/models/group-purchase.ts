import { model } from "@medusajs/framework/utils"
import GroupOrder from "./group-order"

/**
 * One checkout in a group: reserved at cart completion, placed with its order,
 * cancelled when the order is. Records what the member paid (eligible subtotal,
 * group discount, the tier's percent) and, after settlement, the price-protection
 * refund: `refund_status` pending → refunding (claimed by one settlement run, in
 * PostgreSQL, before the provider is called) → refunded or not_owed; failed and
 * stale refunding claims (a run that died mid-refund) are retried by the next run.
 */
const GroupPurchase = model
  .define("group_purchase", {
    id: model.id({ prefix: "gpur" }).primaryKey(),
    member_id: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    email: model.text(),
    customer_id: model.text().nullable(),
    units: model.number(),
    status: model.enum(["reserved", "placed", "cancelled"]).default("reserved"),
    paid_percent: model.bigNumber().nullable(),
    eligible_subtotal: model.bigNumber().nullable(),
    discount_paid: model.bigNumber().nullable(),
    refund_amount: model.bigNumber().nullable(),
    refund_status: model.enum(["pending", "not_owed", "refunding", "refunded", "failed"]).default("pending"),
    /** When a settlement run claimed the refund (refund_status refunding). */
    refund_claimed_at: model.dateTime().nullable(),
    refund_id: model.text().nullable(),
    refund_error: model.text().nullable(),
    refunded_at: model.dateTime().nullable(),
    group: model.belongsTo(() => GroupOrder, { mappedBy: "purchases" }),
  })
  .indexes([
    { on: ["cart_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["order_id"] },
    { on: ["group_id", "status"] },
  ])

export default GroupPurchase
