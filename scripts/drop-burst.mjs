#!/usr/bin/env node
// Drop-day burst driver (issue 15's own measure until `npm run bench` covers it):
// N buyers of one album version complete at once through POST /store/carts/:id/complete
// against a running Comeback server seeded with the demo drop; a storefront's behaviour
// on 429 (wait Retry-After, ask again) is followed. Prints one JSON line per workload.
//
//   BASE_URL=http://localhost:9123 WEB_KEY=pk_… node scripts/drop-burst.mjs race|burst|burst-stock [buyers] [units]
//
// race:        pre-order "Chilling" at a cap of `units` (default 10)
// burst:       pre-order "Chilling" at a cap of `units` (default 1000)
// burst-stock: in-stock "Resonance (Past)" with `units` on hand (default 1000)
const base = process.env.BASE_URL
const key = process.env.WEB_KEY
const [workload = "race", buyersArg, unitsArg] = process.argv.slice(2)
const buyers = Number(buyersArg ?? 200)
const units = Number(unitsArg ?? (workload === "race" ? 10 : 1000))
const admin = { email: process.env.DEMO_ADMIN_EMAIL || "admin@comeback.test", password: process.env.DEMO_ADMIN_PASSWORD || "comeback-admin" }
const address = { first_name: "Jisung", last_name: "Park", address_1: "1 Main St", city: "Los Angeles", province: "CA", postal_code: "90001", country_code: "us" }

async function call(method, path, body, headers = {}) {
  const started = performance.now()
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": key, ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  let data
  try { data = JSON.parse(text) } catch { data = text }
  return { status: res.status, data, headers: res.headers, ms: performance.now() - started }
}
const ok = async (...args) => {
  const r = await call(...args)
  if (r.status >= 300) throw new Error(`${args[0]} ${args[1]} → ${r.status} ${JSON.stringify(r.data).slice(0, 300)}`)
  return r.data
}
async function pool(items, limit, fn) {
  const out = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => { while (next < items.length) { const i = next++; out[i] = await fn(items[i], i) } }))
  return out
}
const pct = (values, p) => {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)])
}

const { token } = await ok("POST", "/auth/user/emailpass", admin)
const auth = { authorization: `Bearer ${token}` }
const { regions } = await ok("GET", "/store/regions")
const { shipping_options } = await ok("GET", "/admin/shipping-options?fields=id", undefined, auth)
const handle = workload === "burst-stock" ? "nct-127-resonance" : "nct-dream-hot-sauce"
const sku = workload === "burst-stock" ? "RESONANCE-PAST" : "HOTSAUCE-PB-CHILLING"
const { products } = await ok("GET", `/store/products?handle=${handle}&fields=id,variants.id,variants.sku`)
const variant = products[0].variants.find((v) => v.sku === sku).id
const run = `${workload}-${Date.now()}`

if (workload === "burst-stock") {
  const { inventory_items } = await ok("GET", `/admin/inventory-items?sku=${sku}&fields=id,location_levels.location_id`, undefined, auth)
  const item = inventory_items[0]
  await ok("POST", `/admin/inventory-items/${item.id}/location-levels/${item.location_levels[0].location_id}`, { stocked_quantity: units }, auth)
} else {
  const { preorder_plans } = await ok("GET", `/admin/preorder-plans?variant_id=${variant}`, undefined, auth)
  // The cap counts units already reserved by earlier runs: raise it by what they hold.
  await ok("POST", `/admin/preorder-plans/${preorder_plans[0].id}`, { cap: preorder_plans[0].reserved_units + units, per_customer_limit: null }, auth)
}

const carts = await pool(Array.from({ length: buyers }, (_, i) => i), 8, async (i) => {
  const { cart } = await ok("POST", "/store/carts", { region_id: regions[0].id, email: `${run}-${i}@example.com`, items: [{ variant_id: variant, quantity: 1 }] })
  await ok("POST", `/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
  await ok("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await ok("POST", "/store/payment-collections", { cart_id: cart.id })
  await ok("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
})

// Everyone at once (or BURST_SEQUENTIAL=1: one after another, to see one request's own cost);
// a 429 is followed after its Retry-After, as a storefront would. BURST_PROFILE_PID=<server pid>
// (a server started with bench/lib/profiler-preload.cjs) takes a CPU profile of the completions.
const sequential = process.env.BURST_SEQUENTIAL === "1"
const profilePid = Number(process.env.BURST_PROFILE_PID) || null
if (profilePid) {
  process.kill(profilePid, "SIGUSR2")
  await new Promise((res) => setTimeout(res, 300))
}
const t0 = performance.now()
const results = await pool(
  carts,
  sequential ? 1 : carts.length,
  async (cartId, arrival) => {
    let r = await call("POST", `/store/carts/${cartId}/complete`, {})
    const first = r.status
    let attempts = 1
    while (r.status === 429 && attempts < 30) {
      await new Promise((res) => setTimeout(res, Number(r.headers.get("retry-after") || 1) * 1000))
      r = await call("POST", `/store/carts/${cartId}/complete`, {})
      attempts++
    }
    return { arrival, first, status: r.status, order: r.data?.type === "order", attempts, ms: sequential ? r.ms : performance.now() - t0, message: r.status >= 300 ? r.data?.message : undefined }
  }
)
if (profilePid) process.kill(profilePid, "SIGUSR2")
const winners = results.filter((r) => r.order)
const losers = results.filter((r) => !r.order && r.status < 500 && r.status !== 429)
const byStatus = {}
for (const r of results) byStatus[r.first] = (byStatus[r.first] ?? 0) + 1
const finalStatus = {}
for (const r of results) finalStatus[r.status] = (finalStatus[r.status] ?? 0) + 1
// Fairness: how early the winners arrived (arrival index = order the requests were sent).
const winnerArrivals = winners.map((r) => r.arrival).sort((a, b) => a - b)
console.log(JSON.stringify({
  workload, buyers, units,
  orders: winners.length,
  first_answer_status: byStatus,
  final_status: finalStatus,
  five_xx: results.filter((r) => r.status >= 500).length,
  in_first_request: results.filter((r) => r.order && r.attempts === 1).length,
  winners_ms: { p50: pct(winners.map((r) => r.ms), 50), p99: pct(winners.map((r) => r.ms), 99), max: pct(winners.map((r) => r.ms), 100) },
  losers_ms: { p50: pct(losers.map((r) => r.ms), 50), p99: pct(losers.map((r) => r.ms), 99), max: pct(losers.map((r) => r.ms), 100) },
  winners_latest_arrival: winnerArrivals.at(-1) ?? null,
  wall_s: Math.round((performance.now() - t0) / 100) / 10,
  sample_error: results.find((r) => r.status >= 500)?.message ?? losers[0]?.message,
}))
