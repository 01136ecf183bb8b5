import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  APP_SESSION_HEADER,
  appChannelOf,
  appChannels,
  appPromotionsByCode,
  appPromotionsOfCart,
  loadAppCart,
  onlyInApp,
} from "../../queries/app-channel"

const cartIdOf = (req: MedusaRequest) => req.path.match(/^\/store\/carts\/([^/]+)/)?.[1] ?? req.params?.id
const tokenOf = (req: MedusaRequest) => {
  const value = req.headers[APP_SESSION_HEADER]
  return Array.isArray(value) ? value[0] : value
}

/** The app channel behind the request's publishable key, or a 400 saying this is not the app. */
export async function requestAppChannel(req: MedusaRequest) {
  const ids: string[] = (req as AuthenticatedMedusaRequest).publishable_key_context?.sales_channel_ids ?? []
  for (const id of ids) {
    const channel = await appChannelOf(req.scope, id)
    if (channel) return channel
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, "x-publishable-api-key: this key is not an app channel's; app sessions and app offers are for the app only")
}

/**
 * Any cart request presenting a live app session of the cart's own channel
 * binds the cart to it: the cart is then priced as an app cart (app-exclusive
 * promotions may apply) for as long as that session lives.
 */
export async function bindAppSession(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const token = tokenOf(req)
    const cartId = cartIdOf(req)
    if (token && cartId) {
      const session = await appChannels(req.scope).liveSession(token)
      const cart = session ? await loadAppCart(req.scope, cartId) : null
      if (session && cart && !cart.completed_at && cart.sales_channel_id === session.sales_channel_id) {
        await appChannels(req.scope).bindCart(cart.id, session.id)
      }
    }
    next()
  } catch (error) {
    next(error)
  }
}

/**
 * An app-exclusive code needs a cart in one of its app channels and a live app
 * session of that channel on the request; otherwise 400 with the reason,
 * before Medusa looks at the code (which it would skip without a word). The
 * cart is bound to the session. Shared by every path that sets codes.
 */
export async function assertAppCodesAllowed(req: MedusaRequest, cartId: string, codes: string[]) {
  const exclusive = await appPromotionsByCode(req.scope, codes)
  if (!exclusive.length) return
  const cart = await loadAppCart(req.scope, cartId)
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  for (const promotion of exclusive) {
    if (!cart.sales_channel_id || !(promotion.sales_channel_ids as unknown as string[]).includes(cart.sales_channel_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `promo_codes: ${onlyInApp(promotion.code)}`)
    }
  }
  const token = tokenOf(req)
  if (!token) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `promo_codes: ${exclusive[0].code} needs a verified app session (send the ${APP_SESSION_HEADER} header).`)
  }
  const session = await appChannels(req.scope).liveSession(token)
  if (!session || session.sales_channel_id !== cart.sales_channel_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `promo_codes: the app session is not valid (unknown, expired or for another app); open a new one.`)
  }
  await appChannels(req.scope).bindCart(cart.id, session.id)
}

/**
 * POST /store/carts/:id/complete: a cart carrying an app-exclusive promotion
 * completes only with the live app session it is bound to on the request.
 * Otherwise the app promotions are removed from the cart and the completion
 * fails with the reason: never an order at the app price without the app.
 */
export async function guardAppCompletion(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cart = await loadAppCart(req.scope, cartIdOf(req)!)
    if (!cart || cart.completed_at) return next()
    const exclusive = await appPromotionsOfCart(req.scope, cart)
    if (!exclusive.length) return next()
    const service = appChannels(req.scope)
    const presented = await service.liveSession(tokenOf(req))
    const bound = await service.liveSessionOfCart(cart.id)
    if (presented && bound && presented.id === bound.id && bound.sales_channel_id === cart.sales_channel_id) return next()
    await updateCartPromotionsWorkflow(req.scope).run({
      input: { cart_id: cart.id, promo_codes: exclusive.map((p) => p.code), action: PromotionActions.REMOVE },
    })
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Your app session has expired or is missing, so ${exclusive.map((p) => p.code).join(", ")} was removed from your cart. ` +
        `Open the app to get the app price again, or check out at the regular price.`
    )
  } catch (error) {
    next(error)
  }
}
