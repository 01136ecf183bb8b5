import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { comebackIntegrationTestRunner } from "../utils/runner"
import { seedDemo, DemoSeedResult } from "../../src/scripts/demo/seed-demo"
import { DEMO, HOT_SAUCE_HANDLE } from "../../src/scripts/demo/config"

jest.setTimeout(120_000)

comebackIntegrationTestRunner(__filename, {
  testSuite: ({ api, getContainer }) => {
    let demo: DemoSeedResult

    beforeAll(async () => {
      demo = await seedDemo(getContainer())
    })

    const adminToken = async () => {
      const { data } = await api.post("/auth/user/emailpass", {
        email: DEMO.adminEmail,
        password: DEMO.adminPassword,
      })
      return data.token as string
    }

    it("answers /health", async () => {
      const response = await api.get("/health")
      expect(response.status).toBe(200)
    })

    it("logs the demo admin in and rejects a wrong password", async () => {
      const token = await adminToken()
      const me = await api.get("/admin/users/me", { headers: { authorization: `Bearer ${token}` } })
      expect(me.data.user.email).toBe(DEMO.adminEmail)

      const wrong = await api
        .post("/auth/user/emailpass", { email: DEMO.adminEmail, password: "not-the-password" })
        .catch((e) => e.response)
      expect(wrong.status).toBe(401)
    })

    it("lists Hot Sauce with the web key, with its four versions priced in USD", async () => {
      const { data } = await api.get(
        `/store/products?handle=${HOT_SAUCE_HANDLE}&region_id=${demo.regionId}&fields=title,*variants,variants.calculated_price`,
        { headers: { "x-publishable-api-key": demo.webKey } }
      )
      expect(data.products).toHaveLength(1)
      const [album] = data.products
      expect(album.title).toContain("Hot Sauce")
      expect(album.variants.map((v) => v.title).sort()).toEqual(
        ['Jewel Case', 'Photo Book "Boring"', 'Photo Book "Chilling"', 'Photo Book "Crazy"'].sort()
      )
      const jewel = album.variants.find((v) => v.title === "Jewel Case")
      expect(jewel.calculated_price.calculated_amount).toBe(14.99)
      expect(jewel.calculated_price.currency_code).toBe("usd")
    })

    it("sells every album through both the Web and the Mobile App channel", async () => {
      for (const key of [demo.webKey, demo.appKey]) {
        const { data } = await api.get("/store/products?fields=handle", {
          headers: { "x-publishable-api-key": key },
        })
        expect(data.products.map((p) => p.handle).sort()).toEqual(
          ["nct-dream-hot-sauce", "nct-dream-we-young", "nct-resonance"]
        )
      }
      const missing = await api.get("/store/products").catch((e) => e.response)
      expect(missing.status).toBe(400)
    })

    it("re-running the seed changes nothing", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const count = async (entity: string) => (await query.graph({ entity, fields: ["id"] })).data.length
      const before = await Promise.all(
        ["product", "product_variant", "sales_channel", "api_key", "region", "stock_location", "shipping_option", "user", "preorder_plan"].map(count)
      )
      const lines: string[] = []
      const again = await seedDemo(getContainer(), (line) => lines.push(line))
      const after = await Promise.all(
        ["product", "product_variant", "sales_channel", "api_key", "region", "stock_location", "shipping_option", "user", "preorder_plan"].map(count)
      )
      expect(after).toEqual(before)
      expect(again.webKey).toBe(demo.webKey)
      expect(again.appKey).toBe(demo.appKey)
      expect(again.releaseDate.toISOString()).toBe(demo.releaseDate.toISOString())
      expect(lines.every((line) => line.includes("already there"))).toBe(true)
    })

    it("reports its infrastructure to admins only", async () => {
      const { data } = await api.get("/admin/comeback/status", { headers: { authorization: `Bearer ${await adminToken()}` } })
      expect(data.status).toEqual({
        worker_mode: "shared",
        redis: { configured: false, mode: "in-memory" },
        payment_providers: [{ id: "pp_system_default", is_enabled: true }],
      })
      const anonymous = await api.get("/admin/comeback/status").catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("puts Hot Sauce's release date three weeks after the seed", () => {
      const days = (demo.releaseDate.getTime() - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(20)
      // 21 days out, moved to 00:00 US Eastern of that day
      expect(days).toBeLessThan(21.2)
    })
  },
})
