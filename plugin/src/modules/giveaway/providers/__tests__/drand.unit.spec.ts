import http from "node:http"
import type { AddressInfo } from "node:net"
import { startBeaconStandIn } from "../../../../../../integration-tests/utils/beacon-stand-in"
import { DRAND_QUICKNET, roundTime } from "../../lib/beacon"
import DrandBeaconProvider from "../drand"

describe("drand beacon provider (against a local drand stand-in)", () => {
  let beacon: Awaited<ReturnType<typeof startBeaconStandIn>>
  beforeAll(async () => {
    beacon = await startBeaconStandIn()
  })
  afterAll(() => beacon.close())

  const future = () => new DrandBeaconProvider({ urls: [beacon.url] }).roundAfter(new Date(Date.now() + 60_000))

  it("reads a published round and checks it; a round not published yet is null (drand's 425)", async () => {
    const provider = new DrandBeaconProvider({ urls: [`${beacon.url}/`] })
    const round = future()
    beacon.setNow(new Date())
    expect(await provider.fetchRound(round)).toBeNull()
    beacon.setNow(roundTime(DRAND_QUICKNET, round))
    expect(await provider.fetchRound(round)).toEqual(beacon.round(round))
    expect(provider.publicUrl(round)).toBe(`https://api.drand.sh/${DRAND_QUICKNET.chain_hash}/public/${round}`)
  })

  it("tries the next relay when one fails, and throws naming every relay when none answers", async () => {
    const round = future()
    beacon.setNow(roundTime(DRAND_QUICKNET, round))
    beacon.fail(1)
    const provider = new DrandBeaconProvider({ urls: [beacon.url, beacon.url] })
    expect(await provider.fetchRound(round)).toEqual(beacon.round(round))
    beacon.fail(2)
    await expect(provider.fetchRound(round)).rejects.toThrow(/HTTP 503.*HTTP 503/)
  })

  it("refuses a relay serving another round or randomness that is not SHA-256 of the signature", async () => {
    const lying = http.createServer((req, res) => {
      const round = Number((req.url ?? "").split("/").pop())
      const body = req.url!.includes("/public/1") ? { ...beacon.round(round), round: round + 1 } : { ...beacon.round(round), randomness: "00".repeat(32) }
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    })
    await new Promise<void>((resolve) => lying.listen(0, "127.0.0.1", resolve))
    const provider = new DrandBeaconProvider({ urls: [`http://127.0.0.1:${(lying.address() as AddressInfo).port}`] })
    try {
      await expect(provider.fetchRound(1)).rejects.toThrow("not round 1")
      await expect(provider.fetchRound(2)).rejects.toThrow("not SHA-256 of its signature")
    } finally {
      lying.close()
    }
  })
})
