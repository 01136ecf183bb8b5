import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { EXPORT_ORDER_REPORT_WORKFLOW, type ExportOrderReportInput } from "../../workflows/finance-report/export-order-report"
import { readExportProgress } from "./export-progress"
import type { OrderExportFile } from "../../workflows/finance-report/steps/write-order-export-file"

export type OrderExportStatus = "running" | "completed" | "failed"

export type OrderExport = {
  id: string
  status: OrderExportStatus
  format: string
  granularity: string
  query: ExportOrderReportInput["query"]
  requested_by: string | null
  created_at: string | null
  updated_at: string | null
  progress: { orders_done: number; rows_done: number; orders_estimated: number | null; percent: number | null }
  file: (Omit<OrderExportFile, "file_key"> & { download_url: string }) | null
  error: string | null
  /** Internal: the File module key (never sent to clients). */
  file_key: string | null
}

/**
 * A background export as staff see it, read from the stored execution of the
 * export-order-report workflow (status, input, result, error) and, while it
 * runs, the progress in the cache. NOT_FOUND for an unknown id.
 */
export async function findOrderExport(container: MedusaContainer, id: string): Promise<OrderExport> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const [execution] = await engine.listWorkflowExecutions({ workflow_id: EXPORT_ORDER_REPORT_WORKFLOW, transaction_id: id })
  if (!execution) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order export ${id} was not found`)
  return orderExportOf(container, execution)
}

/** Past and running exports, newest first (kept as long as the workflow's retention). */
export async function listOrderExports(
  container: MedusaContainer,
  page: { limit: number; offset: number }
): Promise<{ order_exports: OrderExport[]; count: number }> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const [executions, count] = (await engine.listAndCountWorkflowExecutions(
    { workflow_id: EXPORT_ORDER_REPORT_WORKFLOW },
    { take: page.limit, skip: page.offset, order: { created_at: "DESC" } }
  )) as [any[], number]
  return { order_exports: await Promise.all(executions.map((execution) => orderExportOf(container, execution))), count }
}

async function orderExportOf(container: MedusaContainer, execution: any): Promise<OrderExport> {
  const id = String(execution.transaction_id)
  const input = (execution.context?.data?.payload ?? {}) as ExportOrderReportInput
  const state = String(execution.state)
  const result = execution.context?.data?.invoke?.["write-order-export-file"]?.output?.output as OrderExportFile | undefined
  const status: OrderExportStatus =
    state === "done" ? "completed" : ["failed", "reverted", "compensating", "waiting_to_compensate"].includes(state) ? "failed" : "running"
  const progress = status === "completed" && result
    ? { orders_done: result.orders, rows_done: result.rows, orders_estimated: result.orders }
    : (await readExportProgress(container, id)) ?? { orders_done: 0, rows_done: 0, orders_estimated: null }
  const percent = status === "completed" ? 100 : progress.orders_estimated ? Math.min(99, Math.floor((progress.orders_done / progress.orders_estimated) * 100)) : null
  const errors = (execution.context?.errors ?? []) as { error?: { message?: string } }[]
  return {
    id,
    status,
    format: input.file?.format,
    granularity: input.file?.granularity,
    query: input.query,
    requested_by: input.requested_by?.email ?? input.requested_by?.id ?? null,
    created_at: execution.created_at ? new Date(execution.created_at).toISOString() : null,
    updated_at: execution.updated_at ? new Date(execution.updated_at).toISOString() : null,
    progress: { orders_done: progress.orders_done, rows_done: progress.rows_done, orders_estimated: progress.orders_estimated, percent },
    file:
      status === "completed" && result
        ? {
            filename: result.filename,
            orders: result.orders,
            rows: result.rows,
            size_bytes: result.size_bytes,
            download_url: `/admin/reports/order-exports/${id}/download`,
          }
        : null,
    error: status === "failed" ? errors.map((e) => e.error?.message).filter(Boolean).join("; ") || "The export failed" : null,
    file_key: status === "completed" ? result?.file_key ?? null : null,
  }
}

/** What the admin API shows of an export. */
export function adminOrderExport({ file_key: _key, ...rest }: OrderExport) {
  return rest
}
