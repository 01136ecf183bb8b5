import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { appChannels } from "../../../queries/app-channel"
import type { AdminConfigureAppChannelType } from "../../schemas/app-channel"

/** GET /admin/app-channels: app channels (with their sales channel's name) and the attestation providers' status. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = appChannels(req.scope)
  const channels = await service.listAppChannels({}, { order: { created_at: "ASC" } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: salesChannels } = channels.length
    ? await query.graph({ entity: "sales_channel", fields: ["id", "name"], filters: { id: channels.map((c) => c.sales_channel_id) } })
    : { data: [] as { id: string; name: string }[] }
  const now = new Date()
  const live = await service.listAppSessions({ expires_at: { $gt: now }, revoked_at: null }, { select: ["id", "sales_channel_id"] })
  res.json({
    app_channels: channels.map((c) => ({
      ...c,
      sales_channel_name: salesChannels.find((s: { id: string; name: string }) => s.id === c.sales_channel_id)?.name ?? null,
      live_sessions: live.filter((s) => s.sales_channel_id === c.sales_channel_id).length,
    })),
    providers: service.providerStatus(),
  })
}

/** POST /admin/app-channels: make a sales channel an app channel (or change its platform, provider, session length). */
export async function POST(req: AuthenticatedMedusaRequest<AdminConfigureAppChannelType>, res: MedusaResponse) {
  const body = req.validatedBody
  const service = appChannels(req.scope)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: body.sales_channel_id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `sales_channel_id: no sales channel ${body.sales_channel_id}`)
  if (!service.providerStatus().some((p) => p.id === body.provider_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `provider_id: no attestation provider ${body.provider_id} is configured`)
  }
  const [existing] = await service.listAppChannels({ sales_channel_id: body.sales_channel_id })
  const saved = existing ? await service.updateAppChannels({ id: existing.id, ...body }) : await service.createAppChannels(body)
  res.status(existing ? 200 : 201).json({ app_channel: saved })
}
