import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { GROUP_ORDER_MODULE } from "../../../modules/group-order"
import type GroupOrderModuleService from "../../../modules/group-order/service"

export type CampaignReferences = {
  /** Set on an update: the campaign whose currency a new region must match. */
  id?: string
  product_ids?: string[] | null
  variant_ids?: string[] | null
  region_id?: string | null
  currency_code?: string
}

/**
 * A campaign counts real products and variants, in a currency the store sells
 * in, in a region of that currency: anything else would never match a cart.
 * Each problem is a 400 naming its field; nothing is written.
 */
export const validateCampaignReferencesStep = createStep(
  "validate-group-campaign-references",
  async (input: CampaignReferences, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const problems: string[] = []
    const missing = async (entity: string, ids: string[] | null | undefined) => {
      if (!ids?.length) return []
      const unique = [...new Set(ids)]
      const { data } = await query.graph({ entity, fields: ["id"], filters: { id: unique } })
      const found = new Set(data.map((row: any) => row.id))
      return unique.filter((id) => !found.has(id))
    }
    const products = await missing("product", input.product_ids)
    if (products.length) problems.push(`product_ids: no product ${products.slice(0, 5).join(", ")}`)
    const variants = await missing("product_variant", input.variant_ids)
    if (variants.length) problems.push(`variant_ids: no product variant ${variants.slice(0, 5).join(", ")}`)

    let currency = input.currency_code?.toLowerCase()
    if (!currency && input.id && input.region_id) {
      const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
      currency = (await groups.retrieveGroupCampaign(input.id, { select: ["currency_code"] })).currency_code.toLowerCase()
    }
    if (input.currency_code) {
      const { data: stores } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] })
      const supported = new Set(stores.flatMap((s: any) => (s.supported_currencies ?? []).map((c: any) => String(c.currency_code).toLowerCase())))
      if (!supported.has(currency!)) problems.push(`currency_code: the store does not sell in ${input.currency_code} (it sells in ${[...supported].join(", ") || "no currency"})`)
    }
    if (input.region_id) {
      const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { id: input.region_id } })
      if (!regions[0]) problems.push(`region_id: no region ${input.region_id}`)
      else if (currency && String(regions[0].currency_code).toLowerCase() !== currency) {
        problems.push(`region_id: region ${input.region_id} sells in ${regions[0].currency_code}, not ${currency}`)
      }
    }
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problems.join("; ")}`)
    return new StepResponse(undefined)
  }
)
