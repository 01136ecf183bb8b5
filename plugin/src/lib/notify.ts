import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** One notification per recipient through Medusa's Notification module (email channel). */
export async function notifyCustomers(
  container: MedusaContainer,
  template: string,
  recipients: { email: string; data: Record<string, unknown> }[],
  idempotencyPrefix: string
) {
  if (!recipients.length) return
  const notifications = container.resolve(Modules.NOTIFICATION)
  await notifications.createNotifications(
    recipients.map((r) => ({
      to: r.email,
      channel: "email",
      template,
      data: r.data,
      // The same event handled twice (a retry) sends nothing twice.
      idempotency_key: `${idempotencyPrefix}:${r.email}`,
    }))
  )
}
