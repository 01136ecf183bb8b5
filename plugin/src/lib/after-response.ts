import { setTimeout as sleep } from "node:timers/promises"
import { envMilliseconds } from "./env-ms"

/**
 * Lets the request that raised an event answer first. With Medusa's local event
 * bus, subscribers start on the same event loop the moment the workflow
 * releases its events, while the route is still reading back what it answers
 * (complete-cart's order): post-order work started then delays the buyer's
 * response. Waiting a moment costs the background work nothing that matters.
 * On a worker (MEDUSA_WORKER_MODE=worker) no request shares the process: no wait.
 * ORDER_WORK_DELAY_MS (default 50; 0 turns it off).
 */
export async function afterResponse() {
  if (process.env.MEDUSA_WORKER_MODE === "worker") return
  const ms = envMilliseconds("ORDER_WORK_DELAY_MS", 50)
  if (ms > 0) await sleep(ms)
}
