import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { probeRedis } from "../../../../lib/redis-probe"

/**
 * GET /admin/comeback/status: what this process runs on: worker mode, whether
 * events/locks/workflows are shared through Redis (and whether Redis answers),
 * and which payment providers are enabled.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const payment = req.scope.resolve(Modules.PAYMENT)
  const providers = await payment.listPaymentProviders({}, { select: ["id", "is_enabled"] })
  res.json({
    status: {
      worker_mode: config.projectConfig.workerMode ?? "shared",
      redis: await probeRedis(process.env.REDIS_URL || undefined),
      payment_providers: providers.map((p) => ({ id: p.id, is_enabled: p.is_enabled })),
    },
  })
}
