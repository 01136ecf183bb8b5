import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { PlansSection } from "../components/preorders/plans-section"
import { sdk } from "../lib/sdk"
import { withFeature } from "../lib/features"

/** Product page: the pre-order plan of each album version. */
const PreorderProductWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  // The page's product may come without its variants' titles: ask for exactly what the plans need.
  const { data: loaded } = useQuery({
    queryKey: ["comeback", "preorder-product-variants", data.id],
    queryFn: () => sdk.admin.product.retrieve(data.id, { fields: "id,variants.id,variants.title,variants.sku" }),
  })
  const variants = loaded?.product.variants ?? data.variants ?? []
  return <PlansSection productId={data.id} variants={variants.map((v) => ({ id: v.id, title: v.title, sku: v.sku }))} />
}

export const config = defineWidgetConfig({ zone: "product.details" })

export default withFeature("preorders", PreorderProductWidget, "widget")
