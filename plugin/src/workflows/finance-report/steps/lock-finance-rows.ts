import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
import { acquireAllOrNothing } from "../../../lib/locks"

export type FinanceRowLocks = { keys: string[]; owner_id: string }

/**
 * How long a refresh may hold its orders' locks: a batch of 250 rows takes
 * about a second. A process that dies holding them frees them after this; a
 * refresh that outlived it could only write an older row, which the next
 * backfill sees by its stamp and refreshes again.
 */
const LOCK_TTL_SECONDS = 60
const LOCK_WAIT_SECONDS = 60

/** Locks the rows of these orders (all of them or none, under an owner of this run) so two refreshes of one order run in sequence. */
export const lockFinanceRowsStep = createStep(
  "lock-finance-rows",
  async (input: { order_ids: string[] }, { container }) => {
    const keys = [...new Set(input.order_ids)].sort().map((id) => `finance-row:${id}`)
    const owner_id = `finance-rows:${randomUUID()}`
    await acquireAllOrNothing(container.resolve(Modules.LOCKING), keys, { ownerId: owner_id, expireSeconds: LOCK_TTL_SECONDS, timeoutSeconds: LOCK_WAIT_SECONDS })
    return new StepResponse<FinanceRowLocks, FinanceRowLocks>({ keys, owner_id }, { keys, owner_id })
  },
  async (locks, { container }) => {
    if (!locks?.keys.length) return
    await container.resolve(Modules.LOCKING).release(locks.keys, { ownerId: locks.owner_id })
  }
)

/** Gives the locks back (only this run's: a lock that expired and was taken by another refresh stays with it). */
export const unlockFinanceRowsStep = createStep("unlock-finance-rows", async (locks: FinanceRowLocks, { container }) => {
  if (locks.keys.length) await container.resolve(Modules.LOCKING).release(locks.keys, { ownerId: locks.owner_id })
  return new StepResponse(undefined)
})
