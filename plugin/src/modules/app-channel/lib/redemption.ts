/** Holders a redemption counts against for each limit: the customer (email and account) and the device. */
export function redemptionHolders(input: { email?: string | null; customer_id?: string | null; device_id: string }) {
  const customer = [input.email ? `email:${input.email.trim().toLowerCase()}` : null, input.customer_id ? `customer:${input.customer_id}` : null].filter(
    (holder): holder is string => holder !== null
  )
  return { customer, device: [`device:${input.device_id}`] }
}

export type LimitKind = "customer" | "device"

/** What a fan is told when a promotion's per-customer or per-device limit refused a use. */
export function redemptionRefusal(code: string, limit: number, kind: LimitKind): string {
  const times = `${limit} time${limit === 1 ? "" : "s"}`
  return kind === "customer"
    ? `${code} can be used ${times} per customer, and you have used it already.`
    : `${code} can be used ${times} per device, and this device has used it already.`
}
