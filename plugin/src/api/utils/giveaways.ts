import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type GiveawayModuleService from "../../modules/giveaway/service"

/** The staff member behind an admin request, as the audit log records them. */
export const staff = (req: AuthenticatedMedusaRequest) => ({ type: "user" as const, id: req.auth_context?.actor_id ?? null })

/** Any giveaway, drafts included (admin routes). */
export async function loadGiveaway(giveaways: GiveawayModuleService, id: string) {
  const [giveaway] = await giveaways.listGiveaways({ id })
  if (!giveaway) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${id} was not found`)
  return giveaway
}

/**
 * A giveaway fans may see: every giveaway that ever went live, including one
 * closed without a draw (so it cannot vanish); drafts are not public.
 */
export async function loadPublicGiveaway(giveaways: GiveawayModuleService, id: string) {
  const [giveaway] = await giveaways.listGiveaways({ id })
  if (!giveaway || !giveaway.went_live_at) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Giveaway ${id} was not found`)
  }
  return giveaway
}
