import { model } from "@medusajs/framework/utils"
import GroupOrder from "./group-order"

/**
 * A group-order campaign staff configure: which products count, the tiers
 * (units reached → percent off), when groups may form and when they settle.
 * `tiers` is `[{ min_units, percent }]`, strictly increasing in both (see lib/tiers).
 */
const GroupCampaign = model
  .define("group_campaign", {
    id: model.id({ prefix: "gcamp" }).primaryKey(),
    title: model.text(),
    description: model.text().nullable(),
    status: model.enum(["active", "closed"]).default("active"),
    product_ids: model.json(),
    variant_ids: model.json(),
    tiers: model.json(),
    starts_at: model.dateTime(),
    /** The deadline: joins stop and groups settle. */
    ends_at: model.dateTime(),
    max_units_per_member: model.number().nullable(),
    max_members: model.number().nullable(),
    currency_code: model.text(),
    region_id: model.text().nullable(),
    /** The Medusa promotion campaign that holds every group's tier promotions. */
    promotion_campaign_id: model.text().nullable(),
    closed_at: model.dateTime().nullable(),
    groups: model.hasMany(() => GroupOrder, { mappedBy: "campaign" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["status", "ends_at"] }])

export default GroupCampaign
