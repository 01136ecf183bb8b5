import Medusa from "@medusajs/js-sdk"

/**
 * The js-sdk client every Comeback admin page uses: same origin as the admin
 * (the built admin is served by the Medusa server) and the admin's own session
 * cookie, so no token handling here.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})

type Query = Record<string, string | number | boolean | string[] | undefined | null>

/** GET a Comeback admin route: `adminGet<{ preorder_plans: Plan[] }>("/admin/preorder-plans", { limit: 20 })`. */
export function adminGet<T>(path: string, query?: Query): Promise<T> {
  const clean = query ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "")) : undefined
  return sdk.client.fetch<T>(path, { method: "GET", query: clean })
}

/** POST a JSON body to a Comeback admin route. */
export function adminPost<T>(path: string, body?: Record<string, unknown>): Promise<T> {
  return sdk.client.fetch<T>(path, { method: "POST", body: body ?? {} })
}

/** DELETE a Comeback admin resource. */
export function adminDelete<T>(path: string): Promise<T> {
  return sdk.client.fetch<T>(path, { method: "DELETE" })
}
