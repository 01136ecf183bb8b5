import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { appChannelOf, appChannels } from "../../../queries/app-channel"
import type { StoreOpenAppSessionType } from "../../admin/app-channels/validators"

/** The app channel behind the request's publishable key, or a 400 saying this is not the app. */
export async function requestAppChannel(req: MedusaRequest) {
  const ids: string[] = (req as any).publishable_key_context?.sales_channel_ids ?? []
  for (const id of ids) {
    const channel = await appChannelOf(req.scope, id)
    if (channel) return channel
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, "x-publishable-api-key: this key is not an app channel's; app sessions and app offers are for the app only")
}

/**
 * POST /store/app-sessions { attestation, device_id? }: the app proves itself
 * (the channel's attestation provider checks the attestation: signature, key,
 * expiry, device, one use) and gets a short-lived session token to send as
 * `x-app-session`.
 */
export async function POST(req: MedusaRequest<StoreOpenAppSessionType>, res: MedusaResponse) {
  const channel = await requestAppChannel(req)
  const body = req.validatedBody as StoreOpenAppSessionType
  const { token, session } = await appChannels(req.scope).openSession({ channel, attestation: body.attestation, device_id: body.device_id })
  res.status(201).json({
    app_session: { token, expires_at: session.expires_at, device_id: session.device_id, platform: session.platform, sales_channel_id: session.sales_channel_id },
  })
}
