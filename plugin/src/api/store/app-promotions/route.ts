import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { APP_SESSION_HEADER, appChannels } from "../../../queries/app-channel"
import { requestAppChannel } from "../../utils/app-session-guards"

/**
 * GET /store/app-promotions: the live app-exclusive offers of this app channel
 * (title, description, code when public, ends_at). Answered only for an app
 * channel's key with a live session of that channel.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const channel = await requestAppChannel(req)
  const token = req.headers[APP_SESSION_HEADER] as string | undefined
  const session = await appChannels(req.scope).liveSession(token)
  if (!session || session.sales_channel_id !== channel.sales_channel_id) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `${APP_SESSION_HEADER}: a live app session is required`)
  }
  const offers = (await appChannels(req.scope).listAppPromotions({})).filter((p) =>
    (p.sales_channel_ids as unknown as string[]).includes(channel.sales_channel_id)
  )
  const promotions = offers.length
    ? await req.scope.resolve(Modules.PROMOTION).listPromotions({ id: offers.map((o) => o.promotion_id) }, { relations: ["campaign", "application_method"] })
    : []
  const now = new Date()
  const live = promotions.filter(
    (p: any) => p.status === "active" && (!p.campaign?.starts_at || new Date(p.campaign.starts_at) <= now) && (!p.campaign?.ends_at || new Date(p.campaign.ends_at) > now)
  )
  res.json({
    app_promotions: live.map((p: any) => {
      const offer = offers.find((o) => o.promotion_id === p.id)!
      return {
        id: p.id,
        title: offer.title ?? p.code,
        description: offer.description,
        code: offer.public_code ? p.code : null,
        is_automatic: p.is_automatic,
        value: p.application_method ? { type: p.application_method.type, value: Number(p.application_method.value) } : null,
        ends_at: p.campaign?.ends_at ?? null,
        per_customer_limit: offer.per_customer_limit,
        per_device_limit: offer.per_device_limit,
      }
    }),
  })
}
