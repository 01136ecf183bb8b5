import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import type { DiscountKind } from "./discounts"
import { discountKindOf } from "./discounts"
import type { ReportAdjustment, ReportOrder, ReportPreorder } from "./report-rows"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import type GroupOrderModuleService from "../../modules/group-order/service"

/** Which orders a report covers; `after` (an order id) and `limit` page by keyset. */
export type ReportQuery = {
  from: Date | string
  to: Date | string
  sales_channel_id?: string[]
  region_id?: string[]
  status?: string[]
  payment_status?: string[]
  after?: string
  limit?: number
}

export type ReadOptions = {
  /** Also read the benefit text stamped on pre-order lines (line-item rows only). */
  stampedBenefits?: boolean
}

export const GIVEAWAY_MODULE_KEY = "giveaway"

const raw = (entity: any, field: string): string => {
  const value = entity?.[`raw_${field}`]?.value ?? entity?.[field]
  return value === null || value === undefined ? "0" : String(value)
}

/** Medusa's totals are computed when any total field is asked for; raw_* keep them exact. */
const ORDER_FIELDS = [
  "id", "display_id", "created_at", "updated_at", "status", "currency_code", "email", "sales_channel_id", "region_id", "customer_id",
  "total", "raw_total", "raw_subtotal", "raw_discount_total", "raw_shipping_total", "raw_tax_total", "raw_credit_line_total",
  "items.id", "items.variant_sku", "items.product_title", "items.variant_title", "items.raw_quantity", "items.raw_unit_price",
  "items.raw_subtotal", "items.raw_discount_total", "items.raw_tax_total", "items.raw_total",
  "items.adjustments.raw_amount", "items.adjustments.promotion_id", "items.adjustments.code",
  "items.detail.raw_fulfilled_quantity",
  "shipping_methods.raw_discount_total", "shipping_methods.adjustments.raw_amount",
  "shipping_methods.adjustments.promotion_id", "shipping_methods.adjustments.code",
  "customer.first_name", "customer.last_name",
  "billing_address.first_name", "billing_address.last_name",
  "payment_collections.status", "payment_collections.amount", "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "payment_collections.payments.provider_id", "payment_collections.payments.data",
  "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.raw_amount", "payment_collections.payments.refunds.raw_amount",
  "fulfillments.packed_at", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at",
]

/** An order's report facts with the columns the read model filters on (see modules/finance-report). */
export type OrderReportFacts = {
  order: ReportOrder
  sales_channel_id: string | null
  region_id: string | null
  updated_at: string
}

/**
 * The report facts of these orders, as the export's row builder needs them
 * (stamped pre-order benefits included), for the read model. Draft orders and
 * ids that are not orders are left out.
 */
export async function readOrderFactsById(container: MedusaContainer, orderIds: string[]): Promise<OrderReportFacts[]> {
  if (!orderIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: orderIds, is_draft_order: false },
    pagination: { take: orderIds.length, order: { id: "ASC" } },
  })
  const orders = data.map((o: any) => ({ ...o, payment_status: getLastPaymentStatus(o), fulfillment_status: getLastFulfillmentStatus(o) }))
  const facts = await toReportOrders(container, orders, new NameCache(container), { stampedBenefits: true })
  return facts.map((order, i) => ({
    order,
    sales_channel_id: orders[i].sales_channel_id ?? null,
    region_id: orders[i].region_id ?? null,
    updated_at: new Date(orders[i].updated_at ?? orders[i].created_at).toISOString(),
  }))
}

async function toReportOrders(container: MedusaContainer, orders: any[], names: NameCache, options: ReadOptions): Promise<ReportOrder[]> {
  const ids = orders.map((o) => o.id)
  const promotionIds = orders.flatMap((o) => [
    ...(o.items ?? []).flatMap((i: any) => (i?.adjustments ?? []).map((a: any) => a?.promotion_id)),
    ...(o.shipping_methods ?? []).flatMap((s: any) => (s?.adjustments ?? []).map((a: any) => a?.promotion_id)),
  ])
  const [kinds, channels, regions, preorders, groups, entries] = await Promise.all([
    names.promotionKinds(promotionIds),
    names.salesChannels(orders.map((o) => o.sales_channel_id)),
    names.regions(orders.map((o) => o.region_id)),
    preorderLines(container, ids, options.stampedBenefits ?? false),
    groupPurchases(container, ids),
    giveawayEntries(container, ids),
  ])
  const adjustments = (list: any[]): ReportAdjustment[] =>
    (list ?? []).filter(Boolean).map((a) => ({
      amount: raw(a, "amount"),
      kind: (a.promotion_id ? kinds.get(a.promotion_id) : undefined) ?? ("promotion_code" as DiscountKind),
      code: a.code ?? null,
    }))

  return orders.map((o) => {
    const name = [o.customer?.first_name, o.customer?.last_name].filter(Boolean).join(" ") ||
      [o.billing_address?.first_name, o.billing_address?.last_name].filter(Boolean).join(" ") || null
    const payments = (o.payment_collections ?? []).flatMap((c: any) => (c?.payments ?? []).filter(Boolean))
    return {
      id: o.id,
      display_id: o.display_id ?? null,
      created_at: new Date(o.created_at).toISOString(),
      status: o.status,
      currency_code: o.currency_code,
      email: o.email ?? null,
      customer_name: name,
      sales_channel: channels.get(o.sales_channel_id) ?? o.sales_channel_id ?? null,
      region: regions.get(o.region_id) ?? o.region_id ?? null,
      subtotal: raw(o, "subtotal"),
      discount_total: raw(o, "discount_total"),
      shipping_total: raw(o, "shipping_total"),
      tax_total: raw(o, "tax_total"),
      credit_line_total: raw(o, "credit_line_total"),
      total: raw(o, "total"),
      lines: (o.items ?? []).filter(Boolean).map((i: any) => ({
        id: i.id,
        sku: i.variant_sku ?? null,
        product: i.product_title ?? null,
        version: i.variant_title ?? null,
        quantity: raw(i, "quantity"),
        unit_price: raw(i, "unit_price"),
        subtotal: raw(i, "subtotal"),
        discount_total: raw(i, "discount_total"),
        tax_total: raw(i, "tax_total"),
        total: raw(i, "total"),
        adjustments: adjustments(i.adjustments),
        preorder: preorders.get(i.id) ?? null,
      })),
      shipping: (o.shipping_methods ?? []).filter(Boolean).map((s: any) => ({
        discount_total: raw(s, "discount_total"),
        adjustments: adjustments(s.adjustments),
      })),
      payments: payments.map((p: any) => ({
        provider_id: p.provider_id,
        reference: typeof p.data?.id === "string" ? p.data.id : null,
        captured_at: p.captured_at ? new Date(p.captured_at).toISOString() : null,
        captured: sum((p.captures ?? []).filter(Boolean).map((c: any) => raw(c, "amount"))),
        refunded: sum((p.refunds ?? []).filter(Boolean).map((r: any) => raw(r, "amount"))),
      })),
      payment_status: o.payment_status,
      fulfillment_status: o.fulfillment_status,
      group: groups.get(o.id) ?? null,
      giveaway_entries: entries ? entries.get(o.id) ?? 0 : null,
    }
  })
}

/** Exact sum of one payment's captures (or refunds). */
const sum = (values: string[]): string => (values.length === 1 ? values[0] : MathBN.add(0, ...values).toFixed())

/** Pre-order facts by order line id, from the preorder module (status is the module's, current). */
async function preorderLines(container: MedusaContainer, orderIds: string[], stampedBenefits: boolean) {
  const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
  const items = await preorders.listPreorderItems(
    { order_id: orderIds, status: ["pending", "ready", "cancelled"] },
    { relations: ["plan"], select: ["id", "order_id", "order_line_item_id", "status", "release_date", "benefit_units", "plan.benefit_note"] }
  )
  const stamps = stampedBenefits && items.length ? await stampedPreorders(container, [...new Set(items.map((i) => i.order_id!))]) : null
  const byLine = new Map<string, ReportPreorder>()
  for (const item of items) {
    if (!item.order_line_item_id) continue
    const stamp = stamps?.get(item.order_line_item_id)
    byLine.set(item.order_line_item_id, {
      status: item.status,
      release_date: new Date(item.release_date).toISOString(),
      benefit_units: item.benefit_units,
      // The benefit as stamped on the order line at placement (what the fan was promised).
      benefit: stamp ? stamp.benefit ?? null : item.benefit_units > 0 ? item.plan?.benefit_note ?? null : null,
    })
  }
  return byLine
}

/**
 * The `preorder` stamp of order lines. Read without total fields: with them,
 * Medusa returns the per-version item's metadata, which is empty.
 */
async function stampedPreorders(container: MedusaContainer, orderIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.metadata"], filters: { id: orderIds } })
  const stamps = new Map<string, { benefit?: string | null }>()
  for (const order of data) {
    for (const item of order.items ?? []) if (item?.metadata?.preorder) stamps.set(item.id, item.metadata.preorder)
  }
  return stamps
}

async function groupPurchases(container: MedusaContainer, orderIds: string[]) {
  const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
  const purchases = await groups.listGroupPurchases({ order_id: orderIds, status: ["placed", "cancelled"] }, { relations: ["group"] })
  const byOrder = new Map<string, ReportOrder["group"]>()
  for (const p of purchases as any[]) {
    byOrder.set(p.order_id, {
      code: p.group?.code,
      final_tier: p.group?.final_tier ?? null,
      refund_amount: p.refund_status === "refunded" && p.refund_amount != null ? String(p.raw_refund_amount?.value ?? p.refund_amount) : null,
    })
  }
  return byOrder
}

/** Active entries (granted − voided) per order; null when the giveaway module is not installed. */
async function giveawayEntries(container: MedusaContainer, orderIds: string[]) {
  if (!container.hasRegistration(GIVEAWAY_MODULE_KEY)) return null
  const giveaways = container.resolve(GIVEAWAY_MODULE_KEY) as any
  const rows: any[] = await giveaways.listGiveawayEntries({ order_id: orderIds }, { select: ["order_id", "entries", "voided_entries"], take: null })
  const byOrder = new Map<string, number>()
  for (const e of rows) byOrder.set(e.order_id, (byOrder.get(e.order_id) ?? 0) + (e.entries ?? 0) - (e.voided_entries ?? 0))
  return byOrder
}

/** Names and promotion kinds, read once per report. */
class NameCache {
  private readonly kinds = new Map<string, DiscountKind>()
  private readonly channels = new Map<string, string>()
  private readonly regionNames = new Map<string, string>()
  constructor(private readonly container: MedusaContainer) {}

  private async fill(cache: Map<string, any>, ids: (string | null | undefined)[], load: (ids: string[]) => Promise<[string, any][]>) {
    const missing = [...new Set(ids.filter((id): id is string => !!id && !cache.has(id)))]
    if (missing.length) for (const [id, value] of await load(missing)) cache.set(id, value)
    return cache
  }

  private graph(entity: string, fields: string[], ids: string[]) {
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    // withDeleted: an order keeps its discount's kind after the promotion is deleted.
    return query.graph({ entity, fields, filters: { id: ids }, withDeleted: true }).then((r) => r.data)
  }

  promotionKinds(ids: (string | null | undefined)[]) {
    return this.fill(this.kinds, ids, async (missing) =>
      (await this.graph("promotion", ["id", "rules.attribute"], missing)).map((p) => [p.id, discountKindOf((p.rules ?? []).map((r: any) => r?.attribute))])
    )
  }

  salesChannels(ids: (string | null | undefined)[]) {
    return this.fill(this.channels, ids, async (missing) => (await this.graph("sales_channel", ["id", "name"], missing)).map((c) => [c.id, c.name]))
  }

  regions(ids: (string | null | undefined)[]) {
    return this.fill(this.regionNames, ids, async (missing) => (await this.graph("region", ["id", "name"], missing)).map((r) => [r.id, r.name]))
  }
}
