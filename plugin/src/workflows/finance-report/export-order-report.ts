import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReportQuery } from "../../lib/finance-report/order-report-source"
import type { ReportFormat } from "../../lib/finance-report/write-order-report"
import { notifyOrderExportReadyStep } from "./steps/notify-order-export-ready"
import { writeOrderExportFileStep } from "./steps/write-order-export-file"

export const EXPORT_ORDER_REPORT_WORKFLOW = "export-order-report"
/** Stored executions (status, result) are kept this long: the export's lifetime. */
export const ORDER_EXPORT_RETENTION_SECONDS = 7 * 24 * 3600

export type ExportOrderReportInput = {
  /** Also the workflow's transaction id: the export is looked up by it. */
  export_id: string
  query: ReportQuery
  file: ReportFormat
  requested_by: { id: string | null; email: string | null }
}

/**
 * A large order export in the background: the file is written through the
 * File module in a background step (the request that started it returns at
 * once), then the staff member who asked is notified. Stored, so status and
 * result can be read back by the export id from any process.
 */
export const exportOrderReportWorkflow = createWorkflow(
  { name: EXPORT_ORDER_REPORT_WORKFLOW, store: true, retentionTime: ORDER_EXPORT_RETENTION_SECONDS },
  (input: ExportOrderReportInput) => {
    const file = writeOrderExportFileStep(
      transform({ input }, ({ input }) => ({ export_id: input.export_id, query: input.query, file: input.file }))
    ).config({ async: true, backgroundExecution: true })
    notifyOrderExportReadyStep(
      transform({ input, file }, ({ input, file }) => ({ export_id: input.export_id, requested_by: input.requested_by, file }))
    )
    return new WorkflowResponse(file)
  }
)
