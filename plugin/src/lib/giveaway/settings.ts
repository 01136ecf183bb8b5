import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import { commitment } from "../../modules/giveaway/lib/draw"

/** The secret of a commit-reveal draw: 32 random bytes, and the SHA-256 published at once. */
export function newSeed() {
  const seed = randomBytes(32).toString("hex")
  return { seed, seed_hash: commitment(seed) }
}

/** Eligible products and variants must exist; names the field and the missing ids otherwise. */
export async function assertCatalogIds(container: MedusaContainer, productIds?: string[] | null, variantIds?: string[] | null) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  for (const [field, entity, ids] of [
    ["product_ids", "product", productIds],
    ["variant_ids", "product_variant", variantIds],
  ] as const) {
    if (!ids?.length) continue
    const { data } = await query.graph({ entity, fields: ["id"], filters: { id: [...new Set(ids)] } })
    const found = new Set(data.map((row: any) => row.id))
    const missing = ids.filter((id) => !found.has(id))
    if (missing.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: no ${entity.replace("_", " ")} ${missing.join(", ")}`)
  }
}

/** Settings as staff see them in the audit log: everything but the secret. */
export function auditableSettings(fields: Record<string, unknown>) {
  const { seed: _seed, published_draw: _draw, actor: _actor, ...rest } = fields
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))
}
