import { model } from "@medusajs/framework/utils"

/**
 * Units a holder (a customer account `customer:<id>` or an email `email:<address>`)
 * has pre-ordered of a plan, kept so the per-customer limit is one atomic
 * conditional upsert instead of a count-then-insert race.
 */
const PreorderTally = model
  .define("preorder_tally", {
    id: model.id({ prefix: "ptally" }).primaryKey(),
    plan_id: model.text(),
    holder: model.text(),
    units: model.number().default(0),
  })
  .indexes([{ on: ["plan_id", "holder"], unique: true }])

export default PreorderTally
