import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null }

/** Adds each group leader's email and name (staff only), in one query for the page. */
export async function withLeaders<T extends { leader_customer_id: string }>(container: MedusaContainer, groups: T[]) {
  const ids = [...new Set(groups.map((g) => g.leader_customer_id).filter(Boolean))]
  const { data } = ids.length
    ? await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: ids } })
    : { data: [] as Customer[] }
  const byId = new Map<string, Customer>((data as Customer[]).map((c) => [c.id, c]))
  return groups.map((g) => {
    const c = byId.get(g.leader_customer_id)
    return {
      ...g,
      leader: c ? { id: c.id, email: c.email, name: [c.first_name, c.last_name].filter(Boolean).join(" ") || null } : null,
    }
  })
}
