import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { APP_CHANNEL_MODULE } from "../modules/app-channel"
import type AppChannelModuleService from "../modules/app-channel/service"

/** The header an app sends its session token in: defined once, with the storefront SDK that sends it. */
export { APP_SESSION_HEADER } from "../sdk/fields"

export const appChannels = (container: MedusaContainer): AppChannelModuleService => container.resolve(APP_CHANNEL_MODULE)

export async function appChannelOf(container: MedusaContainer, salesChannelId: string | null | undefined) {
  if (!salesChannelId) return null
  const [channel] = await appChannels(container).listAppChannels({ sales_channel_id: salesChannelId, active: true })
  return channel ?? null
}

/** App-exclusive promotions among these codes. */
export async function appPromotionsByCode(container: MedusaContainer, codes: string[]) {
  if (!codes.length) return []
  return appChannels(container).listAppPromotions({ code: codes })
}

export type AppCart = {
  id: string
  email: string | null
  customer_id: string | null
  sales_channel_id: string | null
  completed_at: string | null
  promotions: { id: string; code: string }[]
}

export async function loadAppCart(container: MedusaContainer, cartId: string): Promise<AppCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "email", "customer_id", "sales_channel_id", "completed_at", "promotions.id", "promotions.code"],
    filters: { id: cartId },
  })
  const cart = data[0]
  if (!cart) return null
  return { ...cart, promotions: (cart.promotions ?? []).filter(Boolean) }
}

/** The app promotions a cart carries (by the promotions linked to it). */
export async function appPromotionsOfCart(container: MedusaContainer, cart: AppCart) {
  const ids = cart.promotions.map((p) => p.id)
  if (!ids.length) return []
  return appChannels(container).listAppPromotions({ promotion_id: ids })
}

/** "Only in the app" in fans' words. */
export const onlyInApp = (code: string) => `${code} is an app-only offer: open the Comeback app to use it.`
