/**
 * Pure pre-order rules: a plan's state at a moment, units left, and what a
 * cart may do. No I/O, so they are unit-tested exhaustively and shared by the
 * store API, the cart hooks and the admin API.
 */
export type PlanStatus = "draft" | "active" | "released" | "cancelled"
export type PlanState = "upcoming" | "open" | "closed" | "released"

export type PlanLike = {
  status: PlanStatus
  release_date: Date | string
  window_opens_at: Date | string
  window_closes_at?: Date | string | null
  cap?: number | null
  reserved_units?: number | null
  per_customer_limit?: number | null
  benefit_pool?: number | null
  benefits_given?: number | null
}

const time = (value: Date | string) => new Date(value).getTime()

/** When the pre-order window closes: its own close, never after the release date. */
export function windowClosesAt(plan: PlanLike): Date {
  const release = time(plan.release_date)
  const close = plan.window_closes_at ? Math.min(time(plan.window_closes_at), release) : release
  return new Date(close)
}

/** State shown to fans; null for plans fans never see (draft, cancelled). */
export function planState(plan: PlanLike, now: Date = new Date()): PlanState | null {
  if (plan.status === "released") return "released"
  if (plan.status !== "active") return null
  const at = now.getTime()
  if (at < time(plan.window_opens_at)) return "upcoming"
  if (at >= windowClosesAt(plan).getTime()) return "closed"
  return "open"
}

/** Units still available as pre-order; null when uncapped. Never negative. */
export function remainingUnits(plan: Pick<PlanLike, "cap" | "reserved_units">): number | null {
  if (plan.cap === null || plan.cap === undefined) return null
  return Math.max(0, plan.cap - (plan.reserved_units ?? 0))
}

/** Why `quantity` more units of a capped plan do not fit, in fans' words; null when they fit. */
export function capRefusal(plan: Pick<PlanLike, "cap" | "reserved_units">, quantity: number, label: string): string | null {
  const left = remainingUnits(plan)
  if (left === null || quantity <= left) return null
  return left === 0 ? `${label} is sold out for pre-order.` : `Only ${left} of ${label} left to pre-order; the cart has ${quantity}.`
}

/**
 * What a checkout is told when the plan's cap refused its units: the plan as
 * read after the refusal (null: gone). An uncapped plan refuses only when it
 * stopped being active: sold out as far as this cart goes.
 */
export function capRefusedReason(
  plan: { cap: number | null; reserved_units: number } | null,
  quantity: number,
  label: string
): string {
  const left = plan && plan.cap !== null ? Math.max(0, plan.cap - plan.reserved_units) : 0
  return capRefusal({ cap: left, reserved_units: 0 }, quantity, label) ?? `${label} is sold out for pre-order.`
}

/**
 * What a checkout is told when the per-customer limit refused its units:
 * `held` is what the holder has already (undefined: the line alone exceeds the limit).
 */
export function perCustomerRefusal(label: string, limit: number, held?: number): string {
  if (held === undefined) return `Pre-orders of ${label} are limited to ${limit} per customer.`
  return `Pre-orders of ${label} are limited to ${limit} per customer; you have ${held} already and can add ${Math.max(0, limit - held)} more.`
}

/** Benefits still in the pool; null when the plan has no limited benefit. */
export function benefitRemaining(plan: PlanLike): number | null {
  if (plan.benefit_pool === null || plan.benefit_pool === undefined) return null
  return Math.max(0, plan.benefit_pool - (plan.benefits_given ?? 0))
}

/** Benefits a new order of `quantity` units gets from a pool with `remaining` left. */
export function benefitGrant(quantity: number, remaining: number | null): number {
  if (remaining === null) return 0
  return Math.max(0, Math.min(quantity, remaining))
}

export type CartCheck = { ok: true } | { ok: false; reason: string }

const day = (value: Date | string) => new Date(value).toISOString()

/**
 * Whether a cart may hold `quantity` units (the line's new total) of a plan's
 * variant now. `alreadyOrdered` is what this customer/email holds in earlier orders.
 */
export function checkCartQuantity(
  plan: PlanLike & { title?: string },
  quantity: number,
  alreadyOrdered: number,
  now: Date = new Date()
): CartCheck {
  const state = planState(plan, now)
  const name = plan.title ?? "This album version"
  if (state === "upcoming") {
    return { ok: false, reason: `${name} opens for pre-order at ${day(plan.window_opens_at)}.` }
  }
  if (state === "closed") {
    return { ok: false, reason: `Pre-orders for ${name} closed at ${day(windowClosesAt(plan))}; it is released on ${day(plan.release_date)}.` }
  }
  if (state !== "open") return { ok: true }
  const remaining = remainingUnits(plan)
  if (remaining !== null && quantity > remaining) {
    return {
      ok: false,
      reason: remaining === 0 ? `${name} is sold out for pre-order.` : `Only ${remaining} of ${name} left to pre-order.`,
    }
  }
  const limit = plan.per_customer_limit
  if (limit !== null && limit !== undefined && alreadyOrdered + quantity > limit) {
    const left = Math.max(0, limit - alreadyOrdered)
    return {
      ok: false,
      reason: `${name} is limited to ${limit} per customer; you can pre-order ${left} more.`,
    }
  }
  return { ok: true }
}

/**
 * Short supply: allocate `received` units to items first come, first served by
 * order time (ties by id). Returns per-item allocated units and the shortfall.
 */
export function allocateFirstComeFirstServed<T extends { id: string; quantity: number; ordered_at: Date | string }>(
  items: T[],
  received: number
): { allocations: { item: T; allocated: number }[]; ordered: number; shortfall: number } {
  const sorted = [...items].sort((a, b) => time(a.ordered_at) - time(b.ordered_at) || a.id.localeCompare(b.id))
  let left = Math.max(0, received)
  const allocations = sorted.map((item) => {
    const allocated = Math.min(item.quantity, left)
    left -= allocated
    return { item, allocated }
  })
  const ordered = items.reduce((sum, item) => sum + item.quantity, 0)
  return { allocations, ordered, shortfall: Math.max(0, ordered - received) }
}
