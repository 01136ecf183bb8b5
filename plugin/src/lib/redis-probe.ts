import { createClient } from "redis"

export type RedisProbe =
  | { configured: false; mode: "in-memory" }
  | { configured: true; mode: "redis"; ok: true; latency_ms: number; version: string | null }
  | { configured: true; mode: "redis"; ok: false; error: string }

/**
 * Pings the Redis that REDIS_URL names with node-redis, the way an operator
 * would check it: which infrastructure mode the process runs in, and whether
 * the shared Redis answers (and how fast). Never throws.
 */
export async function probeRedis(url: string | undefined, timeoutMs = 2000): Promise<RedisProbe> {
  if (!url) return { configured: false, mode: "in-memory" }
  const client = createClient({
    url,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: false },
    disableClientInfo: true,
  })
  client.on("error", () => {})
  try {
    const started = process.hrtime.bigint()
    await client.connect()
    const pong = await client.ping()
    if (pong !== "PONG") throw new Error(`unexpected PING reply ${pong}`)
    const latency_ms = Number(process.hrtime.bigint() - started) / 1e6
    const info = await client.info("server").catch(() => "")
    const version = /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? null
    return { configured: true, mode: "redis", ok: true, latency_ms: Math.round(latency_ms * 10) / 10, version }
  } catch (error) {
    return { configured: true, mode: "redis", ok: false, error: (error as Error).message }
  } finally {
    if (client.isOpen) await client.close().catch(() => {})
  }
}
