import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notifyCustomers } from "../../../lib/notify"
import type { OrderExportFile } from "./write-order-export-file"

export const ORDER_EXPORT_READY_TEMPLATE = "finance-order-export-ready"

export type NotifyOrderExportReadyInput = {
  export_id: string
  requested_by: { id: string | null; email: string | null }
  file: OrderExportFile
}

/**
 * Tells the staff member who asked that the export is ready, with its download
 * link (once per export), never the file's name: notification providers log
 * their data, and the name is the file's unguessable storage key. The file is
 * ready whatever happens here: a failed
 * notification is logged, never allowed to fail (and so delete) the export.
 */
export const notifyOrderExportReadyStep = createStep(
  "notify-order-export-ready",
  async (input: NotifyOrderExportReadyInput, { container }) => {
    const email = input.requested_by.email
    if (!email) return new StepResponse(false)
    const data = {
      export_id: input.export_id,
      download_url: `/admin/reports/order-exports/${input.export_id}/download`,
      orders: input.file.orders,
      rows: input.file.rows,
    }
    try {
      await notifyCustomers(container, ORDER_EXPORT_READY_TEMPLATE, [{ email, data }], `order-export-ready:${input.export_id}`)
      return new StepResponse(true)
    } catch (error) {
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      logger.warn(`Order export ${input.export_id} is ready, but notifying ${email} failed: ${(error as Error).message}`)
      return new StepResponse(false)
    }
  }
)
