import { model } from "@medusajs/framework/utils"
import Giveaway from "./giveaway"

/**
 * One pick of a draw, in pick order (`rank`): the first `winners_count` are
 * winners, the rest ordered alternates. Disqualifying a winner promotes the
 * next pending alternate (kind → winner, `replaces_winner_id` set).
 * One row per customer per giveaway: one prize per customer.
 */
const GiveawayWinner = model
  .define("giveaway_winner", {
    id: model.id({ prefix: "gwwin" }).primaryKey(),
    giveaway: model.belongsTo(() => Giveaway, { mappedBy: "winners" }),
    customer_id: model.text(),
    email: model.text(),
    /** The anonymised label in the published draw (E0001, …). */
    entrant: model.text(),
    /** The entrant's entries in the draw. */
    entries: model.number(),
    rank: model.number(),
    kind: model.enum(["winner", "alternate"]),
    status: model.enum(["pending", "notified", "claimed", "disqualified"]).default("pending"),
    /** First name and last initial, e.g. "Jisung P."; with public_region, all a public result shows. */
    public_name: model.text().nullable(),
    public_region: model.text().nullable(),
    claim_deadline: model.dateTime().nullable(),
    notified_at: model.dateTime().nullable(),
    claimed_at: model.dateTime().nullable(),
    disqualified_at: model.dateTime().nullable(),
    disqualify_reason: model.text().nullable(),
    promoted_at: model.dateTime().nullable(),
    replaces_winner_id: model.text().nullable(),
  })
  .indexes([
    { on: ["giveaway_id", "rank"], unique: true, where: "deleted_at IS NULL" },
    { on: ["giveaway_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
  ])

export default GiveawayWinner
