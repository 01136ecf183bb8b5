import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminGet, adminPost } from "../../lib/sdk"

export type PlanState = "upcoming" | "open" | "closed" | "released" | "draft" | "cancelled"
export type ItemStatus = "reserved" | "pending" | "ready" | "cancelled"
export type Units = Record<ItemStatus, number>

export type DateChange = { from: string; to: string; changed_at: string; reason: string | null; delayed?: boolean }

export type Plan = {
  id: string
  product_id: string
  variant_id: string
  status: "draft" | "active" | "released" | "cancelled"
  state: PlanState
  release_date: string
  original_release_date: string | null
  window_opens_at: string
  window_closes_at: string | null
  window_closes_at_effective: string
  estimated_ship_date: string | null
  cap: number | null
  reserved_units: number
  remaining_units: number | null
  per_customer_limit: number | null
  benefit_note: string | null
  benefit_pool: number | null
  benefits_given: number
  benefit_remaining: number | null
  date_history: { changes?: DateChange[] } | null
  released_at: string | null
  received_quantity: number | null
  units: Units
}

export type Item = {
  id: string
  order_id: string | null
  email: string
  customer_id: string | null
  quantity: number
  status: ItemStatus
  release_date: string
  ordered_release_date: string
  benefit_units: number
  allocated_units: number | null
  cancel_reason: string | null
  refund_id: string | null
  created_at: string
}

export const preorderKeys = {
  all: ["comeback", "preorder-plans"] as const,
  list: (query: Record<string, unknown>) => [...preorderKeys.all, "list", query] as const,
  items: (planId: string, query: Record<string, unknown>) => [...preorderKeys.all, "items", planId, query] as const,
}

type PlanList = { preorder_plans: Plan[]; count: number; limit: number; offset: number }

export function usePlans(query: Record<string, string | number | string[] | undefined>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: preorderKeys.list(query),
    queryFn: () => adminGet<PlanList>("/admin/preorder-plans", query),
    enabled: options.enabled ?? true,
  })
}

export function usePlanItems(planId: string, query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: preorderKeys.items(planId, query),
    queryFn: () => adminGet<{ preorder_items: Item[]; count: number }>(`/admin/preorder-plans/${planId}/items`, query),
    placeholderData: (previous) => previous,
  })
}

/** A mutation on a plan that refreshes every pre-order query (lists, counts, items, drops page) when done. */
export function usePlanMutation<TBody extends Record<string, unknown> | void, TResult>(path: (body: TBody) => string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: TBody) => adminPost<TResult>(path(body), (body ?? {}) as Record<string, unknown>),
    onSuccess: () => client.invalidateQueries({ queryKey: ["comeback"] }),
  })
}

export const STATE_COLORS = {
  upcoming: "blue",
  open: "green",
  closed: "orange",
  released: "purple",
  draft: "grey",
  cancelled: "red",
} as const

export const ITEM_COLORS = { reserved: "grey", pending: "orange", ready: "green", cancelled: "red" } as const
