import { createHash, createHmac } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import { DRAND_QUICKNET, roundTime } from "@comeback/medusa-plugin/internal/modules/giveaway/lib/beacon"

/**
 * A local stand-in for drand's HTTP API (quicknet only), so the real beacon
 * provider code runs in tests without the internet. It publishes a round once
 * its own clock reaches the round's time (drand's schedule) and answers
 * 425 Too Early before, like drand. The clock starts at real time and tests
 * move it (`setNow`). Signatures are 48 deterministic bytes per round (not
 * real BLS: the provider does not verify BLS), randomness = SHA-256(signature)
 * as on quicknet.
 */
export async function startBeaconStandIn() {
  const requests: { path: string; status: number }[] = []
  let offsetMs = 0
  let failing = 0
  const now = () => new Date(Date.now() + offsetMs)

  const round = (n: number) => {
    const signature = createHmac("sha512", "comeback-beacon-stand-in").update(String(n)).digest().subarray(0, 48).toString("hex")
    return { round: n, randomness: createHash("sha256").update(Buffer.from(signature, "hex")).digest("hex"), signature }
  }

  const server = http.createServer((req, res) => {
    const send = (status: number, payload: unknown) => {
      requests.push({ path: req.url ?? "", status })
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(payload))
    }
    const match = (req.url ?? "").match(/^\/([0-9a-f]{64})\/public\/(\d+)$/)
    if (!match || match[1] !== DRAND_QUICKNET.chain_hash) return send(404, { error: "not found" })
    if (failing > 0) {
      failing--
      return send(503, { error: "unavailable" })
    }
    const n = Number(match[2])
    if (roundTime(DRAND_QUICKNET, n).getTime() > now().getTime()) return send(425, { error: "Too Early" })
    send(200, round(n))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    round,
    /** Moves the beacon's clock (rounds up to this moment are published). */
    setNow: (at: Date) => {
      offsetMs = at.getTime() - Date.now()
    },
    /** The next `n` requests answer 503. */
    fail: (n: number) => {
      failing = n
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
