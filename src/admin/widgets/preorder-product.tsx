import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { PlansSection } from "../components/preorders/plans-section"

/** Product page: the pre-order plan of each album version. */
const PreorderProductWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminProduct>) => (
  <PlansSection productId={data.id} variants={(data.variants ?? []).map((v) => ({ id: v.id, title: v.title, sku: v.sku }))} />
)

export const config = defineWidgetConfig({ zone: "product.details" })

export default PreorderProductWidget
