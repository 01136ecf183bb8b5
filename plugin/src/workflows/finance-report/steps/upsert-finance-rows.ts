import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { FINANCE_REPORT_MODULE } from "../../../modules/finance-report"
import type FinanceReportModuleService from "../../../modules/finance-report/service"
import type { FinanceOrderRowInput } from "../../../modules/finance-report/service"
import type { ComputedFinanceRows } from "./compute-finance-rows"

/** Writes the computed rows (upsert by order id) and removes the rows of missing orders; undo puts the old rows back. */
export const upsertFinanceRowsStep = createStep(
  "upsert-finance-rows",
  async (input: ComputedFinanceRows, { container }) => {
    const service: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
    const ids = [...input.rows.map((r) => r.order_id), ...input.missing]
    const previous = await service.orderRowsOf(ids)
    await service.upsertOrderRows(input.rows)
    await service.removeOrderRows(input.missing)
    return new StepResponse({ refreshed: input.rows.length, removed: input.missing.length }, { ids, previous })
  },
  async (undo: { ids: string[]; previous: FinanceOrderRowInput[] } | undefined, { container }) => {
    if (!undo) return
    const service: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
    await service.removeOrderRows(undo.ids)
    await service.upsertOrderRows(undo.previous)
  }
)
