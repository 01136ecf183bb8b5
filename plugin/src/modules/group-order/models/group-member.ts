import { model } from "@medusajs/framework/utils"
import GroupOrder from "./group-order"

/**
 * A fan in a group, one per (group, email). `units` is everything the fan has
 * in checkouts and orders of the group, kept for the per-member limit; a
 * member with 0 units no longer counts toward the group's size.
 */
const GroupMember = model
  .define("group_member", {
    id: model.id({ prefix: "gmem" }).primaryKey(),
    holder: model.text(),
    email: model.text(),
    customer_id: model.text().nullable(),
    units: model.number().default(0),
    group: model.belongsTo(() => GroupOrder, { mappedBy: "members" }),
  })
  .indexes([{ on: ["group_id", "holder"], unique: true, where: "deleted_at IS NULL" }])

export default GroupMember
