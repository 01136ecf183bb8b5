import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Feature } from "../../config/options"
import { enabledFeatures } from "../../hooks/features"

/** Each feature's routes: a feature turned off in the plugin's options answers 404 on all of them. */
export const FEATURE_ROUTES: Record<Feature, string[]> = {
  preorders: ["/admin/preorder-plans*", "/admin/preorder-items*", "/store/preorder-plans*", "/store/customers/me/preorders*"],
  group_orders: [
    "/admin/group-campaigns*",
    "/admin/group-orders*",
    "/admin/promotions/:id/group-order*",
    "/store/group-campaigns*",
    "/store/group-orders*",
    "/store/carts/:id/group-order*",
  ],
  app_promotions: [
    "/admin/app-channels*",
    "/admin/app-promotions*",
    "/admin/promotions/:id/app-channels*",
    "/store/app-promotions*",
    "/store/app-sessions*",
  ],
  giveaways: ["/admin/giveaways*", "/store/giveaways*", "/store/customers/me/giveaway-entries*"],
  finance_reports: ["/admin/reports*"],
}

export function featureGate(feature: Feature) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (enabledFeatures(req.scope)[feature]) return next()
    res.status(404).json({ type: "not_found", message: `${req.method} ${req.path}: the ${feature} feature is turned off in this store` })
  }
}

export const featureGates = () =>
  (Object.entries(FEATURE_ROUTES) as [Feature, string[]][]).flatMap(([feature, matchers]) =>
    matchers.map((matcher) => ({ matcher, middlewares: [featureGate(feature)] }))
  )
