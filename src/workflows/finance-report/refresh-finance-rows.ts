import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { computeFinanceRowsStep } from "./steps/compute-finance-rows"
import { upsertFinanceRowsStep } from "./steps/upsert-finance-rows"

export type RefreshFinanceRowsInput = { order_ids: string[] }

/**
 * Recomputes the finance report rows of these orders from Medusa (query.graph)
 * and our modules, and stores them in the read model. Idempotent: running it
 * again writes the same rows. The per-order locks keep two refreshes of one
 * order (say order.placed and payment.captured) in sequence, so an older
 * computation never overwrites a newer one.
 */
export const refreshFinanceRowsWorkflow = createWorkflow("refresh-finance-rows", (input: RefreshFinanceRowsInput) => {
  const keys = transform({ input }, ({ input }) => [...new Set(input.order_ids)].sort().map((id) => `finance-row:${id}`))
  acquireLockStep({ key: keys, timeout: 60, ttl: 300 })
  const computed = computeFinanceRowsStep(input)
  const written = upsertFinanceRowsStep(computed)
  releaseLockStep({ key: keys })
  return new WorkflowResponse(written)
})
