import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { normalizeCode } from "../../modules/group-order/lib/code"
import { CART_GROUP_KEY, GroupWithCampaign, findGroupByCode } from "../../queries/group-order"
import { joinGroup, leaveGroup } from "../../workflows/group-order/join-group"
import { assertAppCodesAllowed } from "./app-session-guards"

/**
 * How a request changes the cart's codes, as Medusa's own routes do:
 * - `POST /store/carts/:id { promo_codes }` (the Next.js starter's promo box,
 *   `sdk.store.cart.update`): the list replaces the cart's codes;
 * - `POST /store/carts/:id/promotions`: adds them (an empty list replaces with nothing);
 * - `DELETE /store/carts/:id/promotions`: removes them.
 */
export type CodeAction = "add" | "replace" | "remove"

export type CodePlan = {
  /** The group to join, when the codes name one the cart is not in. */
  join: string | null
  /** Whether the cart leaves its current group. */
  leave: boolean
  /** What Medusa still gets: the codes that are neither group codes nor a group's tier promotions. */
  rest: string[]
}

type ClassifiedCode = { code: string; kind: "group" | "tier" | "other"; group?: string }

/**
 * Pure: what a code change means for the cart's group. A group code joins; a
 * replacement that drops the group's visible tier code (what the starter sends
 * when the fan removes it) leaves; removing the group or tier code leaves. A
 * replacement while the group shows no tier yet keeps the group: the fan could
 * not have removed a code the cart never showed.
 */
export function planCodes(
  action: CodeAction,
  codes: ClassifiedCode[],
  cart: { group: string | null; visibleTierCodes: string[] }
): CodePlan {
  const groups = [...new Set(codes.filter((c) => c.kind === "group").map((c) => c.group!))]
  if (groups.length > 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `promo_codes: a cart joins one group order at a time (got ${groups.join(", ")}).`)
  }
  const rest = codes.filter((c) => c.kind === "other").map((c) => c.code)
  const named = groups[0] ?? null
  const keepsTier = codes.some((c) => c.kind === "tier")
  if (action === "remove") {
    const leave = Boolean(cart.group) && (keepsTier || named === cart.group)
    return { join: null, leave, rest }
  }
  const join = named && named !== cart.group ? named : null
  if (action === "add") return { join, leave: false, rest }
  const dropped = Boolean(cart.group) && !named && !keepsTier && cart.visibleTierCodes.length > 0
  return { join, leave: dropped, rest }
}

const cartIdOf = (req: MedusaRequest) => req.path.match(/^\/store\/carts\/([^/]+)/)?.[1] ?? req.params?.id

function actionOf(req: MedusaRequest, codes: string[]): CodeAction {
  if (!/\/promotions\/?$/.test(req.path)) return "replace"
  if (req.method === "DELETE") return "remove"
  return codes.length ? "add" : "replace"
}

/**
 * Every storefront path that sets a cart's codes behaves the same: group codes
 * join (or leave) the group and are priced as its tier promotion; app-only
 * codes are refused with the reason unless the cart is in their app with a live
 * session; everything else goes on to Medusa unchanged. Runs after Medusa's own
 * body validation (same matcher, registered after the core's).
 */
export async function storefrontPromotionCodes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = (req.validatedBody ?? req.body) as { promo_codes?: unknown } | undefined
    const codes = body?.promo_codes
    if (!Array.isArray(codes) || codes.some((c) => typeof c !== "string")) return next()
    const cartId = cartIdOf(req)!
    const action = actionOf(req, codes)

    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "completed_at", "metadata", "promotions.code"],
      filters: { id: cartId },
    })
    const cart = data[0]
    if (!cart) return next() // Medusa answers its own 404

    const currentCode = typeof cart.metadata?.[CART_GROUP_KEY] === "string" && cart.metadata[CART_GROUP_KEY] ? String(cart.metadata[CART_GROUP_KEY]) : null
    const current = currentCode ? await findGroupByCode(req.scope, currentCode) : null
    const tierCodes = new Set((current?.promotions ?? []).map((p) => p.code))
    const onCart = ((cart.promotions ?? []) as { code?: string }[]).map((p) => p?.code).filter(Boolean) as string[]

    const promotions = codes.length
      ? await req.scope.resolve(Modules.PROMOTION).listPromotions({ code: codes }, { select: ["code"] })
      : []
    const classified: ClassifiedCode[] = []
    const groupsByCode = new Map<string, GroupWithCampaign>()
    for (const code of codes as string[]) {
      if (tierCodes.has(code)) classified.push({ code, kind: "tier" })
      else if (promotions.some((p) => p.code === code)) classified.push({ code, kind: "other" })
      else {
        const group = code.trim() ? await findGroupByCode(req.scope, normalizeCode(code)) : null
        if (group) {
          groupsByCode.set(group.code, group)
          classified.push({ code, kind: "group", group: group.code })
        } else classified.push({ code, kind: "other" })
      }
    }

    const plan = planCodes(action, classified, {
      group: current?.code ?? null,
      visibleTierCodes: onCart.filter((code) => tierCodes.has(code)),
    })
    if (action !== "remove") await assertAppCodesAllowed(req, cartId, plan.rest)
    if (plan.join) await joinGroup(req.scope, cartId, plan.join)
    else if (plan.leave) await leaveGroup(req.scope, cartId)

    const touchedGroup = plan.join || plan.leave || classified.some((c) => c.kind !== "other")
    if (!touchedGroup) return next()
    // Adding nothing but a group code: Medusa would read an empty list as "replace
    // with nothing", so answer here with the cart as Medusa's route would.
    if (action === "add" && !plan.rest.length) {
      const fields = req.queryConfig?.fields ?? ["*promotions", "*items", "*items.adjustments", "total", "discount_total"]
      const { data: carts } = await query.graph({ entity: "cart", fields, filters: { id: cartId } })
      return res.status(200).json({ cart: carts[0] })
    }
    if (req.validatedBody) (req.validatedBody as { promo_codes?: string[] }).promo_codes = plan.rest
    if (req.body) (req.body as { promo_codes?: string[] }).promo_codes = plan.rest
    next()
  } catch (error) {
    next(error)
  }
}
