import net from "node:net"
import { probeRedis } from "../redis-probe"

/** A minimal RESP server: answers PING with PONG and INFO with a version line. */
async function fakeRedis() {
  const seen: string[] = []
  const server = net.createServer((socket) => {
    socket.on("data", (chunk) => {
      const words = chunk.toString().split("\r\n").filter((w) => w && !/^[*$]/.test(w))
      const command = (words[0] ?? "").toUpperCase()
      seen.push(command)
      if (command === "PING") socket.write("+PONG\r\n")
      else if (command === "INFO") {
        const body = "# Server\r\nredis_version:7.0.15\r\n"
        socket.write(`$${Buffer.byteLength(body)}\r\n${body}\r\n`)
      } else socket.write("+OK\r\n")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  return { url: `redis://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(r)) }
}

describe("probeRedis", () => {
  it("reports in-memory mode without REDIS_URL", async () => {
    expect(await probeRedis(undefined)).toEqual({ configured: false, mode: "in-memory" })
  })

  it("pings a Redis server and reads its version", async () => {
    const redis = await fakeRedis()
    try {
      const probe = await probeRedis(redis.url)
      expect(probe).toEqual(expect.objectContaining({ configured: true, ok: true, version: "7.0.15" }))
      expect(redis.seen).toContain("PING")
    } finally {
      await redis.close()
    }
  })

  it("reports an unreachable Redis instead of throwing", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const probe = await probeRedis(`redis://127.0.0.1:${port}`, 500)
    expect(probe).toEqual(expect.objectContaining({ configured: true, ok: false }))
  })
})
