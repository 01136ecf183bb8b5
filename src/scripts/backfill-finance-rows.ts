import type { ExecArgs } from "@medusajs/framework/types"
import { backfillFinanceRows } from "@comeback/medusa-plugin/workflows"

/**
 * npm run report:backfill [-- --all]: fills the finance report's read model
 * with every order that has no row or an older one (`--all`: recompute all).
 * Idempotent; progress is logged as [i/n].
 */
export default async function backfillFinanceRowsScript({ container, args }: ExecArgs) {
  const result = await backfillFinanceRows(container, { all: (args ?? []).includes("--all") })
  console.log(`finance rows: ${result.refreshed} of ${result.orders} orders refreshed in ${result.seconds.toFixed(1)} s`)
}
