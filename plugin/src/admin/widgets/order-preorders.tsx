import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { DateTime } from "../components/date-time"
import { Section } from "../components/section"
import { StateBadge } from "../components/status-badge"
import { ITEM_COLORS, STATE_COLORS, type Item, type PlanState } from "../components/preorders/api"
import { adminGet } from "../lib/sdk"
import { withFeature } from "../lib/features"

type OrderItem = Item & {
  order_line_item_id: string | null
  plan: { id: string; state: PlanState; release_date: string; original_release_date: string | null; estimated_ship_date: string | null; benefit_note: string | null } | null
}

/** Order page: which lines are pre-orders that ship at release, with their date and status. Hidden for orders without any. */
const OrderPreordersWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data } = useQuery({
    queryKey: ["comeback", "preorder-plans", "order", order.id],
    queryFn: () => adminGet<{ preorder_items: OrderItem[] }>("/admin/preorder-items", { order_id: order.id }),
  })
  const items = data?.preorder_items ?? []
  if (!items.length) return null
  const line = (id: string | null) => order.items?.find((i) => i.id === id)
  return (
    <Section title="Ships at release" description="These lines are pre-orders: they ship when their version is released." testId="order-preorders">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Item</Table.HeaderCell>
            <Table.HeaderCell>Units</Table.HeaderCell>
            <Table.HeaderCell>Release date</Table.HeaderCell>
            <Table.HeaderCell>Version</Table.HeaderCell>
            <Table.HeaderCell>Line</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => {
            const orderLine = line(item.order_line_item_id)
            const delayed = item.plan && new Date(item.release_date) > new Date(item.ordered_release_date)
            return (
              <Table.Row key={item.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus">
                      {orderLine?.product_title ?? "Pre-order"}
                    </Text>
                    <Text size="small" className="text-ui-fg-subtle">
                      {orderLine?.variant_title ?? item.id}
                      {item.benefit_units > 0 && item.plan?.benefit_note ? ` · ${item.plan.benefit_note} ×${item.benefit_units}` : ""}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{item.quantity}</Table.Cell>
                <Table.Cell>
                  <DateTime value={item.release_date} />
                  {delayed && (
                    <Text size="xsmall" className="text-ui-tag-orange-text">
                      Delayed (ordered for {new Date(item.ordered_release_date).toLocaleDateString()})
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>{item.plan ? <StateBadge state={item.plan.state} colors={STATE_COLORS} /> : "-"}</Table.Cell>
                <Table.Cell>
                  <StateBadge state={item.status === "ready" ? "ready" : item.status} colors={ITEM_COLORS} />
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </Section>
  )
}

export const config = defineWidgetConfig({ zone: "order.details" })

export default withFeature("preorders", OrderPreordersWidget, "widget")
