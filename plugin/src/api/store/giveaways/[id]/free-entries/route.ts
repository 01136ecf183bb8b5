import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { GIVEAWAY_MODULE } from "../../../../../modules/giveaway"
import type GiveawayModuleService from "../../../../../modules/giveaway/service"
import { enterGiveawayFreeWorkflow } from "../../../../../workflows/giveaway/enter-giveaway-free"
import { entryRow } from "../../../../serializers/giveaway"
import type { StoreGiveawayFreeEntryType } from "../../../../schemas/giveaway"
import { loadPublicGiveaway } from "../../../../utils/giveaways"

/**
 * POST /store/giveaways/:id/free-entries: the no-purchase-necessary entry of
 * the logged-in customer. 201 with the entry; 400 with `reason`
 * (daily_limit, entry_cap, not_open, free_entry_disabled, not_eligible) and
 * `retry_at` when there is none.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreGiveawayFreeEntryType>, res: MedusaResponse) {
  const giveaways: GiveawayModuleService = req.scope.resolve(GIVEAWAY_MODULE)
  await loadPublicGiveaway(giveaways, req.params.id)
  const customerId = req.auth_context.actor_id
  const { result } = await enterGiveawayFreeWorkflow(req.scope).run({
    input: { giveaway_id: req.params.id, customer_id: customerId, ...req.validatedBody },
  })
  if (result.refused) {
    res.status(400).json({ type: "not_allowed", message: result.refused.message, reason: result.refused.reason, retry_at: result.refused.retry_at })
    return
  }
  const [entry] = await giveaways.listGiveawayEntries({ id: result.entry_id! })
  const held = (await giveaways.entriesHeld(customerId, [req.params.id]))[req.params.id] ?? 0
  res.status(201).json({ giveaway_entry: entryRow(entry), entries: held })
}
