import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storePlan } from "../serializers/preorder"

/** What a fan sees of a pre-order line of their order (never another fan's data: it is their own order). */
export function storePreorderLine(item: any) {
  if (!item) return null
  return {
    id: item.id,
    status: item.status,
    release_date: item.release_date,
    ordered_release_date: item.ordered_release_date,
    benefit_units: item.benefit_units,
    released_at: item.released_at ?? null,
    cancelled_at: item.cancelled_at ?? null,
    cancel_reason: item.cancel_reason ?? null,
  }
}

/** A plan fans may see (active or released) in its public shape; drafts and cancelled plans read as none. */
function publicPlan(plan: any, now: Date) {
  if (!plan || typeof plan !== "object") return null
  const shown = storePlan(plan, now)
  return shown.state ? shown : null
}

type LinkedField = {
  /** The link's path from the route's entity, e.g. `variants.preorder_plan`. */
  path: string
  /** Top-level response keys holding the entity (one or a list). */
  keys: string[]
  project: (value: any, now: Date) => unknown
}

export const PRODUCT_PREORDER_PLAN: LinkedField = { path: "variants.preorder_plan", keys: ["product", "products"], project: publicPlan }
export const CART_LINE_PREORDER_PLAN: LinkedField = { path: "items.preorder_plan", keys: ["cart"], project: publicPlan }
export const ORDER_LINE_PREORDER_ITEM: LinkedField = { path: "items.preorder_item", keys: ["order", "orders"], project: storePreorderLine }

const mentions = (token: string, path: string) => token.replace(/^[+-]?\*?/, "").startsWith(path)

/**
 * Lets the store routes of Medusa return our read-only links through `fields`
 * the Medusa way (`fields=+variants.preorder_plan` or `*variants.preorder_plan`):
 * registered without a method so it runs before Medusa's query validation, it
 * widens the route's allowed fields, asks for the whole linked record (the
 * public shape needs its counters), and projects each linked record to its
 * public shape in the response, computed from the row the same query read, so
 * state, units left and benefit left are exact at the moment of the request.
 */
export function exposeLinkedField(link: LinkedField) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const fields = req.query?.fields
    if (typeof fields !== "string" || !fields.includes(link.path)) return next()
    const tokens = fields.split(",").map((t) => t.trim()).filter(Boolean)
    let linked: string | null = null
    const kept = tokens.filter((token) => {
      if (!mentions(token, link.path)) return true
      if (token.startsWith("-")) return true
      linked ??= `${token.startsWith("+") ? "+" : ""}*${link.path}`
      return false
    })
    if (linked) kept.push(linked)
    req.query.fields = kept.join(",")
    const allowed = (req.allowed ??= [])
    allowed.push(link.path)

    const json = res.json.bind(res)
    res.json = ((body: any) => {
      if (body && typeof body === "object") project(body, link)
      return json(body)
    }) as typeof res.json
    next()
  }
}

function project(body: Record<string, any>, link: LinkedField) {
  const now = new Date()
  const [relation, field] = link.path.split(".")
  for (const key of link.keys) {
    const value = body[key]
    const entities = Array.isArray(value) ? value : value ? [value] : []
    for (const entity of entities) {
      for (const row of entity?.[relation] ?? []) {
        // Asked for: every row says it, null when it has none.
        if (row && typeof row === "object") row[field] = link.project(row[field], now)
      }
    }
  }
}
