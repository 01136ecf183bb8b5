import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { PlansSection } from "../components/preorders/plans-section"
import { withFeature } from "../lib/features"

/** Variant page: this album version's pre-order plan. */
const PreorderVariantWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminProductVariant>) => (
  <PlansSection
    productId={data.product_id ?? ""}
    variants={[{ id: data.id, title: data.title, sku: data.sku }]}
    heading="Pre-order"
  />
)

export const config = defineWidgetConfig({ zone: "product_variant.details" })

export default withFeature("preorders", PreorderVariantWidget, "widget")
