import { setTimeout as sleep } from "node:timers/promises"

/** The part of Medusa's locking module these helpers use. */
export type Locking = {
  acquire(keys: string | string[], args?: { ownerId?: string | null; expire?: number }): Promise<unknown>
  release(keys: string | string[], args?: { ownerId?: string | null }): Promise<unknown>
}

/**
 * Takes every key or none, under one owner, waiting up to `timeoutSeconds`.
 *
 * Medusa's `acquire` of several keys tries them all at once and throws when
 * one is taken, keeping the ones it got; without an owner ("*") not even the
 * same caller can take them again. Retried by `acquireLockStep`, a batch that
 * met one busy key so locked every other key of the batch until their TTL, and
 * each subscriber refreshing one of those orders waited its full timeout
 * (seen in `npm run topology`). Here a failed attempt gives back what it took
 * (only this owner's keys) before waiting, so nothing is held while waiting and
 * two batches cannot wait on each other.
 */
export async function acquireAllOrNothing(
  locking: Locking,
  keys: string[],
  options: { ownerId: string; expireSeconds: number; timeoutSeconds: number; retryMs?: number }
): Promise<void> {
  const deadline = Date.now() + options.timeoutSeconds * 1000
  for (;;) {
    try {
      await locking.acquire(keys, { ownerId: options.ownerId, expire: options.expireSeconds })
      return
    } catch (error) {
      await locking.release(keys, { ownerId: options.ownerId }).catch(() => undefined)
      if (Date.now() >= deadline) throw error
    }
    await sleep(options.retryMs ?? 300)
  }
}
