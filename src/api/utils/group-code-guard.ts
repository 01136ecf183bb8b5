import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { normalizeCode } from "../../modules/group-order/lib/code"
import { findGroupByCode } from "../../workflows/group-order/group-context"
import { joinGroup } from "../../workflows/group-order/join-group"
import { cartWithTotals } from "../store/carts/[id]/group-order/route"

/**
 * POST /store/carts/:id/promotions: a group code typed into the storefront's
 * ordinary promo-code box joins the group (as POST /store/carts/:id/group-order
 * does); other codes go on to Medusa. With only group codes, the joined cart is
 * the answer.
 */
export async function groupCodesAsPromotions(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const codes = (req.body as any)?.promo_codes
    if (!Array.isArray(codes) || !codes.length) return next()
    const cartId = req.path.match(/^\/store\/carts\/([^/]+)/)?.[1] ?? req.params?.id
    const promotions = await req.scope.resolve(Modules.PROMOTION).listPromotions({ code: codes.filter((c) => typeof c === "string") }, { select: ["code"] })
    const rest: string[] = []
    let joined = false
    for (const code of codes) {
      const isPromotion = promotions.some((p) => p.code === code)
      const group = !isPromotion && typeof code === "string" ? await findGroupByCode(req.scope, normalizeCode(code)) : null
      if (group) {
        await joinGroup(req.scope, cartId!, code)
        joined = true
      } else rest.push(code)
    }
    if (!joined) return next()
    if (!rest.length) return res.json({ cart: await cartWithTotals(req, cartId!) })
    ;(req.body as any).promo_codes = rest
    if ((req as any).validatedBody) (req as any).validatedBody.promo_codes = rest
    next()
  } catch (error) {
    next(error)
  }
}
