// The store API as a storefront calls it: carts made ready to complete, the
// timed unloaded checkout path, and bursts of simultaneous completions.

export const ADDRESS = {
  first_name: "Jisung",
  last_name: "Park",
  address_1: "1 Main St",
  city: "Los Angeles",
  province: "CA",
  postal_code: "90001",
  country_code: "us",
}

export function storeClient(baseUrl, publishableKey) {
  const call = async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : {}
  }
  return { call }
}

/**
 * A cart ready to complete in the fewest requests (cart with line, email and
 * addresses; shipping method; payment collection; payment session), plus the
 * group join when a group code is given. Preparation only: not measured.
 */
export async function prepareCart(client, { regionId, optionId, variantId, email, groupCode }) {
  const { cart } = await client.call("POST", "/store/carts", {
    region_id: regionId,
    email,
    items: [{ variant_id: variantId, quantity: 1 }],
    shipping_address: ADDRESS,
    billing_address: ADDRESS,
  })
  await client.call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId })
  if (groupCode) await client.call("POST", `/store/carts/${cart.id}/group-order`, { code: groupCode })
  const { payment_collection } = await client.call("POST", "/store/payment-collections", { cart_id: cart.id })
  await client.call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
}

/** Prepares n carts, `concurrency` at a time. */
export async function prepareCarts(client, n, concurrency, makeInput) {
  const ids = new Array(n)
  let next = 0
  const worker = async () => {
    while (next < n) {
      const i = next++
      ids[i] = await prepareCart(client, makeInput(i))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
  return ids
}

const now = () => Number(process.hrtime.bigint() / 1000n) / 1000 // ms, sub-ms precision

/**
 * The unloaded checkout as a storefront does it, one buyer alone: 7 requests
 * from an empty cart to ready, then the completion; each timed.
 */
export async function timedCheckout(client, { regionId, optionId, variantId, email }) {
  const steps = {}
  const timed = async (name, fn) => {
    const t0 = now()
    const out = await fn()
    steps[name] = now() - t0
    return out
  }
  const t0 = now()
  const { cart } = await timed("create cart", () => client.call("POST", "/store/carts", { region_id: regionId }))
  await timed("add line item", () => client.call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variantId, quantity: 1 }))
  await timed("email and addresses", () =>
    client.call("POST", `/store/carts/${cart.id}`, { email, shipping_address: ADDRESS, billing_address: ADDRESS })
  )
  await timed("list shipping options", () => client.call("GET", `/store/shipping-options?cart_id=${cart.id}`))
  await timed("add shipping method", () => client.call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: optionId }))
  const { payment_collection } = await timed("create payment collection", () =>
    client.call("POST", "/store/payment-collections", { cart_id: cart.id })
  )
  await timed("create payment session", () =>
    client.call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  )
  const ready = now() - t0
  const t1 = now()
  const done = await client.call("POST", `/store/carts/${cart.id}/complete`, {})
  const complete = now() - t1
  if (done.type !== "order") throw new Error(`unloaded checkout did not place an order: ${JSON.stringify(done).slice(0, 300)}`)
  return { ready_ms: ready, complete_ms: complete, steps }
}

/** One completion request; its latency from `start`, its status, and the order or error. */
async function completeOnce(baseUrl, publishableKey, id, timeoutMs, start) {
  try {
    const response = await fetch(`${baseUrl}/store/carts/${id}/complete`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: "{}",
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    const ms = now() - start
    let body = {}
    try {
      body = JSON.parse(text)
    } catch {}
    const orderId = response.ok && body.type === "order" ? body.order?.id ?? null : null
    const message = orderId ? null : body.error?.message ?? body.message ?? text.slice(0, 200)
    return { ms, status: response.status, order_id: orderId, message, retry_after: response.headers.get("retry-after") }
  } catch (error) {
    const ms = now() - start
    const status = error.name === "TimeoutError" ? "timeout" : "network"
    return { ms, status, order_id: null, message: String(error.message) }
  }
}

/**
 * Every cart's completion fired at once (one request each, no retry); each
 * answer's latency from the common start, its status, and the order or error.
 */
export async function completeAtOnce(baseUrl, publishableKey, cartIds, timeoutMs) {
  const start = now()
  return Promise.all(
    cartIds.map(async (id, index) => {
      const sentAt = now() - start
      return { index, cart_id: id, sent_at: sentAt, ...(await completeOnce(baseUrl, publishableKey, id, timeoutMs, start)) }
    })
  )
}

/**
 * Every cart's completion fired at once, each buyer then doing what a
 * storefront does with "busy": a `429` is followed after its `Retry-After`
 * with the same request (at most `maxAttempts` in all). Anything else ends
 * the buyer's try. `first_status` is the first answer, `ms` the last one's
 * time from the common start.
 */
export async function completeFollowingBusy(baseUrl, publishableKey, cartIds, timeoutMs, maxAttempts = 40) {
  const start = now()
  return Promise.all(
    cartIds.map(async (id, index) => {
      const sentAt = now() - start
      let answer = await completeOnce(baseUrl, publishableKey, id, timeoutMs, start)
      const firstStatus = answer.status
      let attempts = 1
      while (answer.status === 429 && attempts < maxAttempts) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, Number(answer.retry_after) || 1) * 1000))
        answer = await completeOnce(baseUrl, publishableKey, id, timeoutMs, start)
        attempts++
      }
      return { index, cart_id: id, sent_at: sentAt, first_status: firstStatus, attempts, ...answer }
    })
  )
}
