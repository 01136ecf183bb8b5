import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { CheckoutLine, type LineOptions, type TakeSlot } from "./line"

export { CheckoutLine } from "./line"
export type { Admission, Standing } from "./line"

/**
 * Drop-day checkout settings (environment, read once per process):
 * - COMEBACK_CHECKOUT_CONCURRENCY: completions at once per inventory item (default 4);
 * - COMEBACK_CHECKOUT_MAX_WAIT_S: longest wait in line before "429, come back in N s" (default 20; proxies cut at 30);
 * - COMEBACK_CHECKOUT_ADMISSION_FIRST_MS: how long completions may wait while this process is still admitting or
 *   refusing buyers (default 1000; 0 turns it off), so "sold out" is not queued behind completions' CPU;
 * - COMEBACK_CHECKOUT_HOLD_S: how long a unit admitted at checkout stays held for a cart that never
 *   completes (its fan went away after a 429, or its process crashed) before it goes back on sale (default 180).
 */
export function checkoutSettings(env: NodeJS.ProcessEnv = process.env) {
  const positive = (name: string, fallback: number, max = Infinity) => {
    const raw = env[name]
    if (raw === undefined || raw === "") return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      throw new Error(`${name} must be a number above 0${max < Infinity ? ` and at most ${max}` : ""} (got "${raw}")`)
    }
    return value
  }
  return {
    concurrency: Math.floor(positive("COMEBACK_CHECKOUT_CONCURRENCY", 4, 64)),
    maxWaitMs: positive("COMEBACK_CHECKOUT_MAX_WAIT_S", 20, 25) * 1000,
    admissionFirstMs: env.COMEBACK_CHECKOUT_ADMISSION_FIRST_MS === "0" ? 0 : positive("COMEBACK_CHECKOUT_ADMISSION_FIRST_MS", 1000, 10_000),
    holdMs: positive("COMEBACK_CHECKOUT_HOLD_S", 180) * 1000,
  }
}

/** Seconds a gate slot lives if its holder dies without giving it back (a crashed process, with Redis locking). */
const SLOT_EXPIRE_S = 60

/**
 * Gate slots through Medusa's locking module, the same module that holds
 * `reserve-inventory`'s lock: `concurrency` keys per inventory item, taken
 * without waiting. With the in-memory provider a slot is per process, as
 * Medusa's inventory lock then is; with Redis (or another shared provider)
 * the slots are shared, so every process together feeds the lock at most
 * `concurrency` completions at a time.
 */
export function lockingSlots(container: MedusaContainer, concurrency: number): TakeSlot {
  const locking = container.resolve(Modules.LOCKING)
  return async (key) => {
    for (let i = 0; i < concurrency; i++) {
      const slotKey = `checkout-line:${key}:${i}`
      const ownerId = randomUUID()
      try {
        await locking.acquire(slotKey, { ownerId, expire: SLOT_EXPIRE_S })
      } catch {
        continue
      }
      return { release: async () => void (await locking.release(slotKey, { ownerId })) }
    }
    return null
  }
}

let line: CheckoutLine | undefined
let admissionsInFlight = 0

/** Counts a buyer being admitted or refused in this process while `fn` runs (see LineOptions.admitting). */
export async function admitting<T>(fn: () => Promise<T>): Promise<T> {
  admissionsInFlight++
  try {
    return await fn()
  } finally {
    admissionsInFlight--
  }
}

/** This process's checkout line (created on first use). */
export function checkoutLine(container: MedusaContainer, overrides: Partial<LineOptions> = {}) {
  if (!line) {
    const settings = checkoutSettings()
    const options: LineOptions = {
      concurrency: settings.concurrency,
      maxWaitMs: settings.maxWaitMs,
      initialServiceMs: 400,
      ticketGraceMs: 30_000,
      pollMs: 25,
      admitting: () => admissionsInFlight,
      admissionFirstMs: settings.admissionFirstMs,
      ...overrides,
    }
    line = new CheckoutLine(options, lockingSlots(container, options.concurrency))
  }
  return line
}

/** Replaces this process's line with a new one (tests that need a short bound or a single slot). */
export function resetCheckoutLine(container: MedusaContainer, overrides: Partial<LineOptions> = {}) {
  line = undefined
  return checkoutLine(container, overrides)
}
