// Places a handful of varied orders through Medusa's own HTTP API (store
// checkout, promotion codes, the demo group, pre-orders, both channels, a
// refund), so the benchmark clones orders that Medusa itself wrote.
export async function placeTemplateOrders({ baseUrl, adminEmail, adminPassword, log = () => {} }) {
  const call = async (method, path, body, headers = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : {}
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`)
    return data
  }
  const { token } = await call("POST", "/auth/user/emailpass", { email: adminEmail, password: adminPassword })
  const admin = { authorization: `Bearer ${token}` }

  const keys = (await call("GET", "/admin/api-keys?type=publishable&fields=id,title,token", undefined, admin)).api_keys
  const webKey = keys.find((k) => k.title === "Web storefront").token
  const appKey = keys.find((k) => k.title === "Mobile App").token
  const region = (await call("GET", "/admin/regions?name=United%20States", undefined, admin)).regions[0]
  const option = (await call("GET", "/admin/shipping-options?limit=50", undefined, admin)).shipping_options.find((o) => o.name === "Standard Shipping")
  const variants = {}
  for (const v of (await call("GET", "/admin/product-variants?limit=50&fields=id,sku", undefined, admin)).variants) variants[v.sku] = v.id

  // 9.5 % sales tax on the US region, so totals carry tax lines as in a real store.
  const taxRegion = (await call("GET", "/admin/tax-regions?country_code=us", undefined, admin)).tax_regions[0]
  const rates = (await call("GET", `/admin/tax-rates?tax_region_id=${taxRegion.id}`, undefined, admin)).tax_rates
  if (!rates.length) {
    await call("POST", "/admin/tax-rates", { tax_region_id: taxRegion.id, name: "US sales tax", code: "US", rate: 9.5, is_default: true }, admin)
  }

  const promotion = async (code) =>
    (
      await call(
        "POST",
        "/admin/promotions",
        {
          code,
          type: "standard",
          status: "active",
          is_automatic: false,
          application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
        },
        admin
      )
    ).promotion
  const existing = (await call("GET", "/admin/promotions?q=BENCH", undefined, admin)).promotions
  const codePromo = existing.find((p) => p.code === "BENCH10") ?? (await promotion("BENCH10"))
  const appPromo = existing.find((p) => p.code === "BENCHAPP") ?? (await promotion("BENCHAPP"))

  const address = {
    first_name: "Jisung",
    last_name: "Park",
    address_1: "1 Main St",
    city: "Los Angeles",
    province: "CA",
    postal_code: "90001",
    country_code: "us",
  }
  const order = async ({ key, email, items, codes = [], group }) => {
    const h = { "x-publishable-api-key": key }
    const { cart } = await call("POST", "/store/carts", { region_id: region.id, email, items }, h)
    await call("POST", `/store/carts/${cart.id}`, { shipping_address: address, billing_address: address }, h)
    await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, h)
    if (codes.length) await call("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: codes }, h)
    if (group) await call("POST", `/store/carts/${cart.id}/group-order`, { code: group }, h)
    const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id }, h)
    await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, h)
    const done = await call("POST", `/store/carts/${cart.id}/complete`, {}, h)
    if (!done.order) throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done).slice(0, 300)}`)
    return done.order.id
  }

  const ids = []
  ids.push(await order({ key: webKey, email: "bench-code@example.com", items: [{ variant_id: variants["RESONANCE-PAST"], quantity: 2 }, { variant_id: variants["WEYOUNG-STD"], quantity: 1 }], codes: ["BENCH10"] }))
  ids.push(await order({ key: webKey, email: "bench-group@example.com", items: [{ variant_id: variants["HOTSAUCE-PB-CRAZY"], quantity: 5 }], group: "NCTDREAM" }))
  ids.push(await order({ key: appKey, email: "bench-preorder@example.com", items: [{ variant_id: variants["HOTSAUCE-PB-CHILLING"], quantity: 1 }, { variant_id: variants["RESONANCE-FUTURE"], quantity: 1 }] }))
  ids.push(await order({ key: webKey, email: "bench-refund@example.com", items: [{ variant_id: variants["WEYOUNG-STD"], quantity: 2 }] }))
  ids.push(await order({ key: appKey, email: "bench-app@example.com", items: [{ variant_id: variants["RESONANCE-FUTURE"], quantity: 3 }], codes: ["BENCHAPP"] }))

  // Captured at placement by the order.placed subscriber; then one partial refund.
  const refundOrder = ids[3]
  let payment
  for (let i = 0; i < 100 && !payment?.captured_at; i++) {
    await new Promise((r) => setTimeout(r, 200))
    const { order: o } = await call("GET", `/admin/orders/${refundOrder}?fields=id,*payment_collections.payments`, undefined, admin)
    payment = o.payment_collections?.[0]?.payments?.[0]
  }
  await call("POST", `/admin/payments/${payment.id}/refund`, { amount: 5 }, admin)
  log(`template orders: ${ids.join(", ")}`)
  return { orderIds: ids, appPromotionId: appPromo.id, codePromotionId: codePromo.id, adminHeaders: admin }
}
