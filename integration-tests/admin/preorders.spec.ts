/**
 * The pre-order half of a drop in the built admin: product/variant widget,
 * order widget, Drops page. Each action is checked through the API behind it.
 */
import { useAdminApp } from "./utils/admin-app"

jest.setTimeout(180_000)

describe("admin: pre-orders and drops", () => {
  const app = useAdminApp("preorders")

  it("logs the demo admin in to the built admin", async () => {
    await app.goto("/products")
    await app.page.getByRole("heading", { name: "Products" }).waitFor()
    const { data } = await app.api.get("/admin/users/me")
    expect(data.user.email).toBe("admin@comeback.test")
    console.log("admin app timings", app.timings)
  })
})
