/**
 * The checkout line of one process: for each hot key (an inventory item), the
 * carts waiting to complete, served first come, first served, at most
 * `concurrency` at a time per key (each holding a slot, see slots.ts).
 *
 * Why a line at all: Medusa's `reserve-inventory` step waits a bounded time
 * (≈5 s) for a per-inventory-item lock, and a completion costs ~130 ms of CPU.
 * Fed 200 completions at once, the event loop interleaves them all, each lock
 * holder's critical section stretches, and most waiters give up with a 500.
 * Fed a few at a time, every completion's critical section stays short and the
 * lock never times out; the others wait here, idle, in arrival order.
 *
 * A wait is bounded: a cart whose estimated wait passes `maxWaitMs` is answered
 * at once with "busy, come back in N s" (HTTP 429 + Retry-After) and keeps its
 * ticket, so when it comes back it stands before everyone who arrived after it.
 * Pure logic (no I/O): slots are taken through the injected `takeSlot`.
 */

export type LineOptions = {
  /** Completions at once per key (per process with in-memory locking; in total with a shared locking provider). */
  concurrency: number
  /** Longest a request may wait in line before it is told to come back. */
  maxWaitMs: number
  /** Duration of one completion before any was measured. */
  initialServiceMs: number
  /** How long a ticket survives past its Retry-After, waiting for its fan to come back. */
  ticketGraceMs: number
  /** Retry while another process holds every slot of a key. */
  pollMs: number
  /**
   * Admission first: while buyers are still being admitted or refused in this
   * process (`admitting()` > 0), completions wait, up to `admissionFirstMs`
   * for the head of the line. A completion is ~130 ms of CPU on the event loop
   * that the refusals share; a fan who cannot get a unit should not wait for it.
   */
  admitting?: () => number
  admissionFirstMs?: number
  now?: () => number
}

/** A slot taken for a key; `release` gives it back. Null when every slot is busy. */
export type TakeSlot = (key: string) => Promise<{ release: () => Promise<void> } | null>

export type Admission =
  | { kind: "served"; done: () => Promise<void>; waitedMs: number }
  | { kind: "busy"; retryAfterS: number; position: number; estimatedWaitS: number }

export type Standing =
  | { state: "none" }
  | { state: "completing"; key: string }
  | { state: "waiting" | "away"; key: string; position: number; estimated_wait_seconds: number; retry_after_seconds?: number }

type Waiter = { cartId: string; ticket: number; arrivedAt: number; grant: (slot: { release: () => Promise<void> } | null) => void; timer?: NodeJS.Timeout }
type Away = { ticket: number; expiresAt: number; retryAt: number }
type Lane = {
  key: string
  waiting: Waiter[] // sorted by ticket
  away: Map<string, Away>
  serving: Set<string>
  serviceMs: number // moving average of one completion's duration while holding a slot
  pumping: boolean
  pollTimer?: NodeJS.Timeout
}

export class CheckoutLine {
  private lanes = new Map<string, Lane>()
  private nextTicket = 1
  private readonly now: () => number

  constructor(private readonly options: LineOptions, private readonly takeSlot: TakeSlot) {
    this.now = options.now ?? Date.now
  }

  /**
   * Stands the cart in the line of `key`: resolves when it may complete (call
   * `done` when its completion has answered), or at once with `busy` when its
   * wait would pass the bound. `signal` aborts the wait (the fan went away).
   */
  async enter(key: string, cartId: string, signal?: { aborted: boolean; onAbort: (fn: () => void) => void }): Promise<Admission> {
    const lane = this.lane(key)
    this.expireAway(lane)
    const returning = lane.away.get(cartId)
    lane.away.delete(cartId)
    const ticket = returning?.ticket ?? this.nextTicket++

    const ahead = this.ahead(lane, ticket)
    const estimateMs = this.estimateMs(lane, ahead)
    if (estimateMs > this.options.maxWaitMs) return this.sendAway(lane, cartId, ticket, estimateMs, ahead)

    const arrivedAt = this.now()
    const slot = await new Promise<{ release: () => Promise<void> } | null>((resolve) => {
      const waiter: Waiter = { cartId, ticket, arrivedAt, grant: resolve }
      // An estimate can be wrong (a slower machine, another process taking slots): the wait stays bounded anyway.
      waiter.timer = setTimeout(() => {
        if (this.remove(lane, waiter)) resolve(null)
      }, this.options.maxWaitMs)
      waiter.timer.unref?.()
      this.insert(lane, waiter)
      signal?.onAbort(() => {
        if (this.remove(lane, waiter)) resolve(null)
      })
      void this.pump(lane)
    })
    if (!slot) {
      const left = this.estimateMs(lane, this.ahead(lane, ticket))
      return this.sendAway(lane, cartId, ticket, Math.max(left, this.options.maxWaitMs), this.ahead(lane, ticket))
    }

    const startedAt = this.now()
    let finished = false
    return {
      kind: "served",
      waitedMs: startedAt - arrivedAt,
      done: async () => {
        if (finished) return
        finished = true
        lane.serving.delete(cartId)
        const took = Math.max(1, this.now() - startedAt)
        lane.serviceMs = lane.serviceMs * 0.8 + took * 0.2
        await slot.release().catch(() => undefined)
        void this.pump(lane)
        this.sendAwayHopeless(lane)
      },
    }
  }

  /** Where a cart stands in this process's lines (what a storefront shows). */
  standing(cartId: string): Standing {
    for (const lane of this.lanes.values()) {
      if (lane.serving.has(cartId)) return { state: "completing", key: lane.key }
      const waiter = lane.waiting.find((w) => w.cartId === cartId)
      if (waiter) {
        const ahead = this.ahead(lane, waiter.ticket)
        return { state: "waiting", key: lane.key, position: ahead + 1, estimated_wait_seconds: Math.ceil(this.estimateMs(lane, ahead) / 1000) }
      }
      const away = lane.away.get(cartId)
      if (away && away.expiresAt > this.now()) {
        const ahead = this.ahead(lane, away.ticket)
        return {
          state: "away",
          key: lane.key,
          position: ahead + 1,
          estimated_wait_seconds: Math.ceil(this.estimateMs(lane, ahead) / 1000),
          retry_after_seconds: Math.max(0, Math.ceil((away.retryAt - this.now()) / 1000)),
        }
      }
    }
    return { state: "none" }
  }

  /** Carts waiting, away and completing per key (for logs and tests). */
  snapshot() {
    return [...this.lanes.values()].map((l) => ({ key: l.key, waiting: l.waiting.length, away: l.away.size, serving: l.serving.size, service_ms: Math.round(l.serviceMs) }))
  }

  private lane(key: string) {
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = { key, waiting: [], away: new Map(), serving: new Set(), serviceMs: this.options.initialServiceMs, pumping: false }
      this.lanes.set(key, lane)
    }
    return lane
  }

  /** Carts before this ticket: waiting, completing, and away (they are expected back before it). */
  private ahead(lane: Lane, ticket: number) {
    let ahead = lane.serving.size
    for (const w of lane.waiting) if (w.ticket < ticket) ahead++
    for (const a of lane.away.values()) if (a.ticket < ticket) ahead++
    return ahead
  }

  /** `ahead` carts before this one, served `concurrency` at a time, one completion lasting serviceMs. */
  private estimateMs(lane: Lane, ahead: number) {
    return Math.ceil((ahead + 1) / this.options.concurrency) * lane.serviceMs
  }

  /** Retry-After: back when the wait left would be about half the bound, so the next visit is served. */
  private sendAway(lane: Lane, cartId: string, ticket: number, estimateMs: number, ahead: number): Admission {
    const retryAfterS = Math.max(1, Math.ceil((estimateMs - this.options.maxWaitMs / 2) / 1000))
    const now = this.now()
    lane.away.set(cartId, { ticket, retryAt: now + retryAfterS * 1000, expiresAt: now + retryAfterS * 1000 + this.options.ticketGraceMs })
    return { kind: "busy", retryAfterS, position: ahead + 1, estimatedWaitS: Math.ceil(estimateMs / 1000) }
  }

  private expireAway(lane: Lane) {
    const now = this.now()
    for (const [cartId, away] of lane.away) if (away.expiresAt <= now) lane.away.delete(cartId)
  }

  private insert(lane: Lane, waiter: Waiter) {
    let i = lane.waiting.length
    while (i > 0 && lane.waiting[i - 1].ticket > waiter.ticket) i--
    lane.waiting.splice(i, 0, waiter)
  }

  private remove(lane: Lane, waiter: Waiter) {
    const i = lane.waiting.indexOf(waiter)
    if (i < 0) return false
    lane.waiting.splice(i, 1)
    clearTimeout(waiter.timer)
    return true
  }

  /**
   * Estimates improve as completions finish: a waiter whose wait, at the pace
   * now measured, would end past the bound hears "come back in N s" now rather
   * than when the bound runs out (same answer, sooner; the ticket is kept).
   */
  private sendAwayHopeless(lane: Lane) {
    const now = this.now()
    for (const waiter of [...lane.waiting]) {
      const left = this.estimateMs(lane, this.ahead(lane, waiter.ticket))
      if (now - waiter.arrivedAt + left > this.options.maxWaitMs && this.remove(lane, waiter)) waiter.grant(null)
    }
  }

  private admissionFirst(head: Waiter) {
    const { admitting, admissionFirstMs = 0 } = this.options
    return !!admitting && admissionFirstMs > 0 && admitting() > 0 && this.now() - head.arrivedAt < admissionFirstMs
  }

  private pollLater(lane: Lane) {
    if (lane.pollTimer) return
    lane.pollTimer = setTimeout(() => {
      lane.pollTimer = undefined
      void this.pump(lane)
    }, this.options.pollMs)
    lane.pollTimer.unref?.()
  }

  /** Hands free slots to the head of the line, in ticket order; polls while other processes hold them all. */
  private async pump(lane: Lane) {
    if (lane.pumping) return
    lane.pumping = true
    try {
      while (lane.waiting.length) {
        if (this.admissionFirst(lane.waiting[0])) {
          this.pollLater(lane)
          break
        }
        const slot = await this.takeSlot(lane.key)
        if (!slot) {
          // A local completion pumps when it ends; another process's does not: look again soon.
          this.pollLater(lane)
          break
        }
        const head = lane.waiting.shift()
        if (!head) {
          await slot.release()
          break
        }
        clearTimeout(head.timer)
        lane.serving.add(head.cartId)
        head.grant(slot)
      }
    } finally {
      lane.pumping = false
    }
    if (lane.waiting.length === 0 && lane.serving.size === 0 && lane.away.size === 0) this.lanes.delete(lane.key)
  }
}
