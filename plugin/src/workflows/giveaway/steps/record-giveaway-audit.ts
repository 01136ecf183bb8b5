import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GIVEAWAY_MODULE } from "../../../modules/giveaway"
import type GiveawayModuleService from "../../../modules/giveaway/service"
import type { Actor } from "../../../modules/giveaway/service"

export type GiveawayAuditRow = { giveaway_id: string; actor: Actor; action: string; details: Record<string, unknown> }

/** Appends staff actions to the audit log; undone with the action it records. */
export const recordGiveawayAuditStep = createStep(
  "record-giveaway-audit",
  async (rows: GiveawayAuditRow[], { container }) => {
    if (!rows.length) return new StepResponse([] as string[], [] as string[])
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    const ids = await giveaways.recordAudit(rows)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
    await giveaways.deleteAuditRows(ids)
  }
)
