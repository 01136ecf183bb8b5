// Benchmark seeding only (never app code): multiplies template orders that
// Medusa itself placed into `total` orders by copying their rows with SQL,
// straight into the benchmark's own database. Every id, and every column that
// points at another copied row, gets the suffix `_b<n>`; catalog, region,
// channel, customer and promotion references stay shared. Orders are spread
// evenly over `days` days ending now.

/** table → columns (besides `id`) that reference other copied rows; `where` picks the template rows. */
const TABLES = [
  { table: "order_address", refs: [], where: `id IN (SELECT shipping_address_id FROM "order" WHERE id = ANY($1) UNION SELECT billing_address_id FROM "order" WHERE id = ANY($1))` },
  { table: "order", refs: ["shipping_address_id", "billing_address_id"], where: `id = ANY($1)`, omit: ["display_id"], spread: true },
  { table: "order_line_item", refs: ["totals_id"], where: `id IN (SELECT item_id FROM order_item WHERE order_id = ANY($1))` },
  { table: "order_item", refs: ["order_id", "item_id"], where: `order_id = ANY($1)` },
  { table: "order_line_item_adjustment", refs: ["item_id"], where: `item_id IN (SELECT item_id FROM order_item WHERE order_id = ANY($1))` },
  { table: "order_line_item_tax_line", refs: ["item_id"], where: `item_id IN (SELECT item_id FROM order_item WHERE order_id = ANY($1))` },
  { table: "order_shipping_method", refs: [], where: `id IN (SELECT shipping_method_id FROM order_shipping WHERE order_id = ANY($1))` },
  { table: "order_shipping", refs: ["order_id", "shipping_method_id"], where: `order_id = ANY($1)` },
  { table: "order_shipping_method_adjustment", refs: ["shipping_method_id"], where: `shipping_method_id IN (SELECT shipping_method_id FROM order_shipping WHERE order_id = ANY($1))` },
  { table: "order_shipping_method_tax_line", refs: ["shipping_method_id"], where: `shipping_method_id IN (SELECT shipping_method_id FROM order_shipping WHERE order_id = ANY($1))` },
  { table: "order_summary", refs: ["order_id"], where: `order_id = ANY($1)` },
  { table: "order_credit_line", refs: ["order_id", "reference_id"], where: `order_id = ANY($1)` },
  { table: "order_promotion", refs: ["order_id"], where: `order_id = ANY($1)` },
  { table: "payment_collection", refs: [], where: `id IN (SELECT payment_collection_id FROM order_payment_collection WHERE order_id = ANY($1))` },
  { table: "order_payment_collection", refs: ["order_id", "payment_collection_id"], where: `order_id = ANY($1)` },
  { table: "payment_session", refs: ["payment_collection_id"], where: `payment_collection_id IN (SELECT payment_collection_id FROM order_payment_collection WHERE order_id = ANY($1))` },
  { table: "payment", refs: ["payment_collection_id", "payment_session_id"], where: `payment_collection_id IN (SELECT payment_collection_id FROM order_payment_collection WHERE order_id = ANY($1))` },
  { table: "capture", refs: ["payment_id"], where: `payment_id IN (SELECT p.id FROM payment p JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id WHERE opc.order_id = ANY($1))` },
  { table: "refund", refs: ["payment_id"], where: `payment_id IN (SELECT p.id FROM payment p JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id WHERE opc.order_id = ANY($1))` },
  { table: "order_transaction", refs: ["order_id", "reference_id"], where: `order_id = ANY($1)` },
  // Our own modules' facts about the same orders.
  { table: "preorder_item", refs: ["order_id", "order_line_item_id", "cart_id", "cart_line_item_id"], where: `order_id = ANY($1)` },
  { table: "group_purchase", refs: ["order_id", "cart_id"], where: `order_id = ANY($1)` },
]

export async function cloneOrders(client, { templateIds, total, days = 30, log = () => {} }) {
  const t = templateIds.length
  if (total % t !== 0) throw new Error(`total (${total}) must be a multiple of the ${t} template orders`)
  const copies = total / t
  const started = Date.now()
  // Position of each template order: copy n of template i is order number (n-1)*t + i.
  const position = `(array_position($1::text[], o.id) - 1)`
  await client.query("BEGIN")
  for (const spec of TABLES) {
    const exists = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [spec.table])
    if (!exists.rowCount) continue
    const { rows: columns } = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = 'public' ORDER BY ordinal_position`,
      [spec.table]
    )
    const names = columns.map((c) => c.column_name).filter((c) => !(spec.omit ?? []).includes(c))
    const select = names.map((c) => {
      if (c === "id" || spec.refs.includes(c)) return `t.${c} || '_b' || n`
      if (spec.spread && (c === "created_at" || c === "updated_at")) {
        return `now() - interval '${days} days' + ((n - 1) * ${t} + ${position}) * (interval '${days} days' / ${copies * t})`
      }
      return `t.${c}`
    })
    const from = spec.spread ? `"${spec.table}" t JOIN "order" o ON o.id = t.id` : `"${spec.table}" t`
    const sql = `INSERT INTO "${spec.table}" (${names.map((c) => `"${c}"`).join(", ")})
      SELECT ${select.join(", ")} FROM ${from} CROSS JOIN generate_series(1, ${copies}) n
      WHERE t.${spec.where}`
    const result = await client.query(sql, [templateIds])
    log(`  ${spec.table}: ${result.rowCount} rows`)
  }
  await client.query("COMMIT")
  await client.query("ANALYZE")
  log(`cloned ${total} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
