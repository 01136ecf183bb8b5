import { WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { computeFinanceRowsStep } from "./steps/compute-finance-rows"
import { lockFinanceRowsStep, unlockFinanceRowsStep } from "./steps/lock-finance-rows"
import { upsertFinanceRowsStep } from "./steps/upsert-finance-rows"

export type RefreshFinanceRowsInput = { order_ids: string[] }

/**
 * Recomputes the finance report rows of these orders from Medusa (query.graph)
 * and our modules, and stores them in the read model. Idempotent: running it
 * again writes the same rows. The per-order locks keep two refreshes of one
 * order (say order.placed and payment.captured) in sequence, so an older
 * computation never overwrites a newer one; a batch takes all its orders'
 * locks or none (steps/lock-finance-rows.ts).
 */
export const refreshFinanceRowsWorkflow = createWorkflow("refresh-finance-rows", (input: RefreshFinanceRowsInput) => {
  const locks = lockFinanceRowsStep(input)
  const computed = computeFinanceRowsStep(input)
  const written = upsertFinanceRowsStep(computed)
  unlockFinanceRowsStep(locks)
  return new WorkflowResponse(written)
})
