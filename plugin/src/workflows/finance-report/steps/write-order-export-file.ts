import { randomBytes } from "node:crypto"
import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { saveExportProgress } from "../../../lib/finance-report/export-progress"
import { FINANCE_REPORT_MODULE } from "../../../modules/finance-report"
import type FinanceReportModuleService from "../../../modules/finance-report/service"
import type { ReportQuery } from "../../../lib/finance-report/order-report-source"
import { rowFilterOf } from "../../../lib/finance-report/read-model-source"
import type { ReportFormat } from "../../../lib/finance-report/write-order-report"
import { contentTypeOf, streamSink, writeOrderReport } from "../../../lib/finance-report/write-order-report"

export type WriteOrderExportFileInput = { export_id: string; query: ReportQuery; file: ReportFormat }
export type OrderExportFile = { file_key: string; filename: string; orders: number; rows: number; size_bytes: number }

/**
 * Writes the order report into a file through Medusa's File module, streaming
 * (the provider's upload stream, page by page), and records progress after
 * every page. The stored name carries a random part: the local provider serves
 * its folder publicly, so a name must not be guessable. Undo deletes the file.
 */
export const writeOrderExportFileStep = createStep(
  "write-order-export-file",
  async (input: WriteOrderExportFileInput, { container }) => {
    const files = container.resolve(Modules.FILE)
    const rows: FinanceReportModuleService = container.resolve(FINANCE_REPORT_MODULE)
    // How many orders the report holds, for progress.
    const estimated = await rows.countRows(rowFilterOf(input.query))
    await saveExportProgress(container, input.export_id, { orders_done: 0, rows_done: 0, orders_estimated: estimated })

    const filename = `order-export-${input.export_id}-${randomBytes(12).toString("hex")}.${input.file.format}`
    const upload = await files.getUploadStream({ filename, mimeType: contentTypeOf(input.file.format), access: "private" })
    let size = 0
    const sink = streamSink(upload.writeStream)
    try {
      const written = await writeOrderReport(
        container,
        input.query,
        input.file,
        (chunk) => {
          size += Buffer.byteLength(chunk)
          return sink(chunk)
        },
        {
          onPage: (p) => saveExportProgress(container, input.export_id, { orders_done: p.orders, rows_done: p.rows, orders_estimated: estimated }),
        }
      )
      upload.writeStream.end()
      const stored = await upload.promise
      const result: OrderExportFile = { file_key: stored.key, filename, orders: written.orders, rows: written.rows, size_bytes: size }
      return new StepResponse(result, stored.key)
    } catch (error) {
      upload.writeStream.destroy()
      await files.deleteFiles(upload.fileKey).catch(() => {})
      throw error
    }
  },
  async (fileKey, { container }) => {
    if (!fileKey) return
    await container.resolve(Modules.FILE).deleteFiles(fileKey)
  }
)
