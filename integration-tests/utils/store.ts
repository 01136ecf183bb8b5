import type { AxiosInstance } from "axios"
import { DEMO } from "../../src/scripts/demo/config"

/** Store API helpers shared by the HTTP suites: build a cart the way a storefront does. */
export const US_ADDRESS = {
  first_name: "Jisung",
  last_name: "Park",
  address_1: "1 Main St",
  city: "Los Angeles",
  province: "CA",
  postal_code: "90001",
  country_code: "us",
}

export type CartInput = {
  key: string
  regionId: string
  shippingOptionId: string
  items: { variant_id: string; quantity: number }[]
  email?: string
  headers?: Record<string, string>
}

export const storeHeaders = (key: string, extra: Record<string, string> = {}) => ({
  headers: { "x-publishable-api-key": key, ...extra },
})

/** A cart with items, address and shipping, ready for payment. */
export async function readyCart(api: AxiosInstance, input: CartInput) {
  const options = storeHeaders(input.key, input.headers)
  // Addresses with the cart, as a storefront that knows them does: one cart refresh fewer than setting them after.
  const { data } = await api.post(
    "/store/carts",
    { region_id: input.regionId, email: input.email ?? "fan@example.com", items: input.items, shipping_address: US_ADDRESS, billing_address: US_ADDRESS },
    options
  )
  const cartId = data.cart.id as string
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: input.shippingOptionId }, options)
  return cartId
}

/** Creates the payment collection and a session with the given provider. */
export async function startPayment(api: AxiosInstance, key: string, cartId: string, providerId = "pp_system_default", headers: Record<string, string> = {}) {
  const options = storeHeaders(key, headers)
  const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, options)
  const collectionId = data.payment_collection.id as string
  const session = await api.post(
    `/store/payment-collections/${collectionId}/payment-sessions`,
    { provider_id: providerId },
    options
  )
  return session.data.payment_collection.payment_sessions[0] as { id: string; data: Record<string, any> }
}

/** Completes the cart through Medusa's standard route; returns the raw response (no throw). */
export async function completeCart(api: AxiosInstance, key: string, cartId: string, headers: Record<string, string> = {}) {
  return api.post(`/store/carts/${cartId}/complete`, {}, storeHeaders(key, headers)).catch((e) => e.response)
}

/**
 * Completes the cart as a storefront does in a drop: a `429` (the checkout line is longer than its bound) is
 * followed after its `Retry-After`, at most `attempts` times; returns the last response.
 */
export async function completeCartInLine(api: AxiosInstance, key: string, cartId: string, headers: Record<string, string> = {}, attempts = 30) {
  let response = await completeCart(api, key, cartId, headers)
  for (let attempt = 0; response?.status === 429 && attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers["retry-after"] ?? 1) * 1000))
    response = await completeCart(api, key, cartId, headers)
  }
  return response
}

/** readyCart + system payment + complete (following the drop line's 429s). */
export async function checkout(api: AxiosInstance, input: CartInput) {
  const cartId = await readyCart(api, input)
  await startPayment(api, input.key, cartId, "pp_system_default", input.headers)
  return { cartId, response: await completeCartInLine(api, input.key, cartId, input.headers) }
}

export async function adminHeaders(api: AxiosInstance) {
  const { data } = await api.post("/auth/user/emailpass", { email: DEMO.adminEmail, password: DEMO.adminPassword })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** A registered, logged-in customer; returns the bearer headers. */
export async function customerHeaders(api: AxiosInstance, key: string, email: string, password = "fan-password-1") {
  const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password })
  await api.post(
    "/store/customers",
    { email, first_name: "Fan", last_name: email.split("@")[0] },
    { headers: { authorization: `Bearer ${reg.token}`, "x-publishable-api-key": key } }
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
  return { authorization: `Bearer ${login.token}` }
}
