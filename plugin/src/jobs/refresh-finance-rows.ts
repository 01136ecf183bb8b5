import type { MedusaContainer } from "@medusajs/framework/types"
import { enabledFeatures } from "../hooks/features"
import { backfillFinanceRows } from "../lib/finance-report/sync-finance-rows"
import { jobSchedule } from "../lib/job-schedule"

/**
 * Every 15 minutes: the safety net of the finance read model. Refreshes rows
 * that are missing or older than their order's updated_at (an event lost, a
 * process that died mid-refresh), and rows older than a change our modules made
 * to the order in the last day (a giveaway void has no event). Idempotent.
 */
export default async function refreshFinanceRowsJob(container: MedusaContainer) {
  if (!enabledFeatures(container).finance_reports) return
  // FINANCE_REPORT_JOB=off: for a process that must not do this work (the export benchmark's server).
  if (process.env.FINANCE_REPORT_JOB === "off") return
  await backfillFinanceRows(container, { modulesChangedSince: new Date(Date.now() - 24 * 3600_000) })
}

export const config = {
  name: "refresh-finance-rows",
  schedule: jobSchedule("*/15 * * * *"),
}
