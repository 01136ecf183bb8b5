/**
 * Which purchases and entrants a giveaway accepts. Pure: the service calls
 * these under its locks, the routes to explain a refusal.
 */

export type EligibilityRules = {
  product_ids?: unknown
  variant_ids?: unknown
  eligible_countries?: unknown
  starts_at: Date | string
  ends_at: Date | string
}

export type OrderLineRef = { product_id?: string | null; variant_id?: string | null }

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [])

/** Whether purchases earn entries at all (some product or variant is eligible). */
export function rewardsPurchases(rules: Pick<EligibilityRules, "product_ids" | "variant_ids">): boolean {
  return ids(rules.product_ids).length > 0 || ids(rules.variant_ids).length > 0
}

/** A line earns entries when its variant, or its product, is listed. */
export function lineEligible(rules: Pick<EligibilityRules, "product_ids" | "variant_ids">, line: OrderLineRef): boolean {
  return (
    (!!line.variant_id && ids(rules.variant_ids).includes(line.variant_id)) ||
    (!!line.product_id && ids(rules.product_ids).includes(line.product_id))
  )
}

/** No country list: anywhere. With a list, an entrant whose country is unknown is not eligible. */
export function countryEligible(rules: Pick<EligibilityRules, "eligible_countries">, countryCode: string | null | undefined): boolean {
  const countries = ids(rules.eligible_countries).map((c) => c.toLowerCase())
  if (!countries.length) return true
  return !!countryCode && countries.includes(countryCode.toLowerCase())
}

/** Whether US law's "no purchase necessary" applies: purchases earn entries and US residents may enter. */
export function needsFreeEntryMethod(rules: Pick<EligibilityRules, "product_ids" | "variant_ids" | "eligible_countries">): boolean {
  if (!rewardsPurchases(rules)) return false
  const countries = ids(rules.eligible_countries).map((c) => c.toLowerCase())
  return !countries.length || countries.includes("us")
}

/** The entry window is [starts_at, ends_at): an order placed at ends_at is too late. */
export function inEntryWindow(rules: Pick<EligibilityRules, "starts_at" | "ends_at">, at: Date): boolean {
  const t = at.getTime()
  return new Date(rules.starts_at).getTime() <= t && t < new Date(rules.ends_at).getTime()
}
