import { model } from "@medusajs/framework/utils"
import GroupCampaign from "./group-campaign"
import GroupMember from "./group-member"
import GroupPurchase from "./group-purchase"

/**
 * One fan-led group in a campaign, known by its shareable `code`. Counters are
 * changed only by atomic conditional UPDATEs in the service:
 * `held_units` (units in checkouts and orders, for the limits) and
 * `paid_units` (units in placed, not-cancelled orders: what the tier counts).
 * `promotions` lists the Medusa promotion behind each tier:
 * `[{ tier, percent, promotion_id, code }]`.
 */
const GroupOrder = model
  .define("group_order", {
    id: model.id({ prefix: "grp" }).primaryKey(),
    code: model.text(),
    status: model.enum(["open", "settling", "settled", "cancelled"]).default("open"),
    leader_customer_id: model.text(),
    held_units: model.number().default(0),
    paid_units: model.number().default(0),
    member_count: model.number().default(0),
    /** Highest tier already announced with group_order.tier_reached (0: none). */
    announced_tier: model.number().default(0),
    final_tier: model.number().nullable(),
    final_percent: model.bigNumber().nullable(),
    promotions: model.json(),
    settled_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    /** { attempts, last_error, last_attempt_at }: what the last settlement run saw. */
    settlement: model.json().nullable(),
    campaign: model.belongsTo(() => GroupCampaign, { mappedBy: "groups" }),
    members: model.hasMany(() => GroupMember, { mappedBy: "group" }),
    purchases: model.hasMany(() => GroupPurchase, { mappedBy: "group" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status"] },
    // A fan leads at most one open group per campaign, however many starts race.
    { on: ["campaign_id", "leader_customer_id"], unique: true, where: "status = 'open' AND deleted_at IS NULL" },
  ])

export default GroupOrder
