import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { Actor } from "../../modules/giveaway/service"
import { GIVEAWAY_LIVE_EVENT } from "../../modules/giveaway/events"
import { createGiveawayStep, type CreateGiveawayInput } from "./steps/create-giveaway"
import { auditableSettings } from "../../lib/giveaway/settings"
import { recordGiveawayAuditStep } from "./steps/record-giveaway-audit"
import { updateGiveawayStep, type UpdateGiveawayInput } from "./steps/update-giveaway"

const SYSTEM: Actor = { type: "system", id: null }

/** What go-live commits to, as the public history shows it. */
const goLiveDetails = (g: any) => ({
  seed_hash: g.seed_hash,
  beacon_round: g.beacon_round,
  beacon_round_at: g.beacon_round_at ? new Date(g.beacon_round_at).toISOString() : null,
})

/** Creates a giveaway (draft, or live at once: then its seed is committed and `giveaway.live` emitted). */
export const createGiveawayWorkflow = createWorkflow(
  "create-giveaway",
  (input: { giveaway: CreateGiveawayInput; actor?: Actor }) => {
    const giveaway = createGiveawayStep(input.giveaway)
    recordGiveawayAuditStep(
      transform({ giveaway, input }, ({ giveaway, input }) => [
        { giveaway_id: giveaway.id, actor: input.actor ?? SYSTEM, action: "created", details: auditableSettings(input.giveaway) },
        ...(giveaway.status === "live"
          ? [{ giveaway_id: giveaway.id, actor: input.actor ?? SYSTEM, action: "went_live", details: goLiveDetails(giveaway) }]
          : []),
      ])
    )
    when("created-live", { giveaway }, ({ giveaway }) => giveaway.status === "live").then(() => {
      emitEventStep({
        eventName: GIVEAWAY_LIVE_EVENT,
        data: transform({ giveaway }, ({ giveaway }) => ({ id: giveaway.id, seed_hash: giveaway.seed_hash, beacon_round: giveaway.beacon_round })),
      })
    })
    return new WorkflowResponse(giveaway)
  }
)

/** Updates a giveaway; every change is audited, going live commits the seed and emits `giveaway.live`. */
export const updateGiveawayWorkflow = createWorkflow(
  "update-giveaway",
  (input: { giveaway: UpdateGiveawayInput; actor?: Actor }) => {
    const result = updateGiveawayStep(input.giveaway)
    recordGiveawayAuditStep(
      transform({ result, input }, ({ result, input }) => {
        const actor = input.actor ?? SYSTEM
        const id = result.giveaway.id
        const rows: { giveaway_id: string; actor: Actor; action: string; details: Record<string, unknown> }[] = []
        if (Object.keys(result.changes).length) {
          rows.push({
            giveaway_id: id,
            actor,
            action: "updated",
            details: { changes: auditableSettings(result.changes) },
          })
        }
        if (result.went_live) rows.push({ giveaway_id: id, actor, action: "went_live", details: goLiveDetails(result.giveaway) })
        if (result.changes.status?.to === "closed") rows.push({ giveaway_id: id, actor, action: "closed", details: { from: result.previous_status } })
        return rows
      })
    )
    when("went-live", { result }, ({ result }) => result.went_live).then(() => {
      emitEventStep({
        eventName: GIVEAWAY_LIVE_EVENT,
        data: transform({ result }, ({ result }) => ({
          id: result.giveaway.id,
          seed_hash: result.giveaway.seed_hash,
          beacon_round: result.giveaway.beacon_round,
        })),
      }).config({ name: "emit-giveaway-live-on-update" })
    })
    return new WorkflowResponse(result)
  }
)
