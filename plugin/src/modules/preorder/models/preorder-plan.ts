import { model } from "@medusajs/framework/utils"
import PreorderItem from "./preorder-item"

/**
 * A pre-order plan for one product variant (album version): when fans may
 * pre-order it, how many units may be sold that way and per customer, and when
 * it is released. `reserved_units` and `benefits_given` are counters changed
 * only by atomic conditional UPDATEs in the service (never read-modify-write).
 */
const PreorderPlan = model
  .define("preorder_plan", {
    id: model.id({ prefix: "pplan" }).primaryKey(),
    variant_id: model.text(),
    product_id: model.text(),
    status: model.enum(["draft", "active", "released", "cancelled"]).default("draft"),
    release_date: model.dateTime(),
    /** The release date when the plan was first activated; later changes are delays or advances. */
    original_release_date: model.dateTime().nullable(),
    window_opens_at: model.dateTime(),
    /** Null: the window closes at the release date. */
    window_closes_at: model.dateTime().nullable(),
    estimated_ship_date: model.dateTime().nullable(),
    cap: model.number().nullable(),
    reserved_units: model.number().default(0),
    per_customer_limit: model.number().nullable(),
    benefit_note: model.text().nullable(),
    benefit_pool: model.number().nullable(),
    benefits_given: model.number().default(0),
    /** { changes: [{ from, to, changed_at, reason }] }: every release-date change, oldest first. */
    date_history: model.json().nullable(),
    released_at: model.dateTime().nullable(),
    received_quantity: model.number().nullable(),
    items: model.hasMany(() => PreorderItem, { mappedBy: "plan" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["variant_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id"] },
    { on: ["status", "release_date"] },
  ])

export default PreorderPlan
