import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { FINANCE_REPORT_MODULE } from "../../modules/finance-report"
import type FinanceReportModuleService from "../../modules/finance-report/service"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import type GroupOrderModuleService from "../../modules/group-order/service"
import type GiveawayModuleService from "../../modules/giveaway/service"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import { GIVEAWAY_MODULE_KEY } from "./order-report-source"
import { refreshFinanceRowsWorkflow } from "../../workflows/finance-report/refresh-finance-rows"
import { envMilliseconds } from "../env-ms"

/** Orders per refresh-finance-rows run when backfilling, and runs in flight at once. */
export const backfillBatchSize = () => Number(process.env.FINANCE_BACKFILL_BATCH) || 250
export const backfillConcurrency = () => Number(process.env.FINANCE_BACKFILL_CONCURRENCY) || 1

/** Refreshes the read-model rows of these orders (subscribers call this with the order of an event). */
export async function refreshFinanceRows(container: MedusaContainer, orderIds: (string | null | undefined)[]) {
  const ids = [...new Set(orderIds.filter((id): id is string => !!id))]
  if (!ids.length) return { refreshed: 0, removed: 0 }
  const { result } = await refreshFinanceRowsWorkflow(container).run({ input: { order_ids: ids } })
  return result
}

/**
 * What subscribers call: the order joins this process's next refresh batch
 * and the promise settles when that batch is written. One checkout raises
 * three or four events (order placed, payment captured, giveaway entries…);
 * refreshed one event at a time, each recomputed the same row under the same
 * lock (~3 workflow runs per order, measured in a 30-order checkout profile).
 * Batched over a short window, an order is computed once and a burst of orders
 * in one query. A batch lost with its process is caught by the
 * refresh-finance-rows job (rows older than their order). Window:
 * FINANCE_ROWS_BATCH_MS (default 750; 0 refreshes at once).
 */
export function queueFinanceRowsRefresh(container: MedusaContainer, orderIds: (string | null | undefined)[]) {
  const ids = orderIds.filter((id): id is string => !!id)
  if (!ids.length) return Promise.resolve()
  const windowMs = envMilliseconds("FINANCE_ROWS_BATCH_MS", 750)
  if (windowMs === 0) return refreshFinanceRows(container, ids).then(() => undefined)
  let batch = openBatches.get(container)
  if (!batch) {
    const batchIds = new Set<string>()
    // flushBatch never throws (a failed batch is logged and left to the job).
    const promise = new Promise<void>((resolve) => {
      setTimeout(() => {
        // New events from here on start the next batch.
        openBatches.delete(container)
        void flushBatch(container, [...batchIds]).then(resolve)
      }, windowMs)
    })
    batch = { ids: batchIds, promise }
    openBatches.set(container, batch)
  }
  for (const id of ids) batch.ids.add(id)
  return batch.promise
}

const openBatches = new WeakMap<MedusaContainer, { ids: Set<string>; promise: Promise<void> }>()

async function flushBatch(container: MedusaContainer, ids: string[]) {
  const size = backfillBatchSize()
  try {
    for (let i = 0; i < ids.length; i += size) await refreshFinanceRows(container, ids.slice(i, i + size))
  } catch (error) {
    // One line, not a failed event per order: the rows stay older than their orders, which the job refreshes.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`finance rows: a batch of ${ids.length} orders was not refreshed (${(error as Error)?.message}); the refresh-finance-rows job will`)
  }
}

export type BackfillOptions = {
  /** Recompute every order's row, not only missing or stale ones. */
  all?: boolean
  /**
   * Also recompute rows older than a change our modules made to the order
   * since this time (pre-order items, group purchases, giveaway entries: a
   * giveaway void has no event of its own).
   */
  modulesChangedSince?: Date | null
  batchSize?: number
  concurrency?: number
  log?: (message: string) => void
}

/**
 * Finds the orders whose row is missing or older than the order (the row's
 * `order_updated_at` < the order's `updated_at`), and refreshes them in
 * batches, logging `[i/n]`. Idempotent: a second run finds nothing to do.
 * Orders are listed by query.graph (id and updated_at only, no totals).
 */
export async function backfillFinanceRows(container: MedusaContainer, options: BackfillOptions = {}) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const rows: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log = options.log ?? ((m: string) => logger.info(m))
  const started = Date.now()

  const todo = new Set<string>()
  let after: string | null = null
  let seen = 0
  for (;;) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "updated_at"],
      filters: { is_draft_order: false, ...(after ? { id: { $gt: after } } : {}) },
      pagination: { take: 5000, order: { id: "ASC" } },
    })
    if (!data.length) break
    after = data[data.length - 1].id
    seen += data.length
    const stamps = options.all ? new Map<string, Date>() : await rows.rowStamps(data.map((o: any) => o.id))
    for (const o of data) {
      const stamp = stamps.get(o.id)
      if (!stamp || stamp.getTime() < new Date(o.updated_at).getTime()) todo.add(o.id)
    }
    if (data.length < 5000) break
  }
  if (options.modulesChangedSince && !options.all) {
    for (const id of await changedByOurModules(container, options.modulesChangedSince)) todo.add(id)
  }

  const ids = [...todo]
  const n = ids.length
  const batch = options.batchSize ?? backfillBatchSize()
  log(`finance rows: ${seen} orders, ${n} to refresh`)
  let done = 0
  let next = 0
  // Batches in flight (FINANCE_BACKFILL_CONCURRENCY, default 1: two measured no faster on 2 cores, 453 vs 444 rows/s).
  const worker = async () => {
    while (next < n) {
      const slice = ids.slice(next, next + batch)
      next += batch
      await refreshFinanceRows(container, slice)
      done += slice.length
      const seconds = (Date.now() - started) / 1000
      log(`finance rows: [${done}/${n}] ${Math.round(done / Math.max(seconds, 0.001))} rows/s`)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? backfillConcurrency()) }, worker))
  return { orders: seen, refreshed: done, seconds: (Date.now() - started) / 1000 }
}

/** Orders whose pre-order items, group purchase or giveaway entries changed after their row was written. */
async function changedByOurModules(container: MedusaContainer, since: Date): Promise<string[]> {
  const changed = new Map<string, Date>()
  const note = (list: any[]) => {
    for (const r of list) {
      if (!r.order_id) continue
      const at = new Date(r.updated_at)
      if (!changed.has(r.order_id) || changed.get(r.order_id)! < at) changed.set(r.order_id, at)
    }
  }
  const filter = { updated_at: { $gte: since } }
  const select = { select: ["order_id", "updated_at"], take: null }
  note(await container.resolve<PreorderModuleService>(PREORDER_MODULE).listPreorderItems(filter, select))
  note(await container.resolve<GroupOrderModuleService>(GROUP_ORDER_MODULE).listGroupPurchases(filter, select))
  if (container.hasRegistration(GIVEAWAY_MODULE_KEY)) note(await container.resolve<GiveawayModuleService>(GIVEAWAY_MODULE_KEY).listGiveawayEntries(filter, select))
  if (!changed.size) return []
  const rows: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
  const written = await rows.rowsWrittenAt([...changed.keys()])
  return [...changed.entries()].filter(([id, at]) => !written.has(id) || written.get(id)! < at).map(([id]) => id)
}
