import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { enabledFeatures } from "../../../../hooks/features"

/** GET /admin/comeback/features: which Comeback features this store turned on (the admin hides the others). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ features: enabledFeatures(req.scope) })
}
