import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { appChannels } from "../../../queries/app-channel"
import { requestAppChannel } from "../../utils/app-session-guards"
import type { StoreOpenAppSessionType } from "../../schemas/app-channel"

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
