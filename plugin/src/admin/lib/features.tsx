import { Container, Heading } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { ComponentType } from "react"
import { EmptyState } from "../components/empty-state"
import { adminGet } from "./sdk"

/** The plugin's features (plugin/src/config/options.ts FEATURES). */
export type Feature = "preorders" | "group_orders" | "app_promotions" | "giveaways" | "finance_reports"

const NAMES: Record<Feature, string> = {
  preorders: "Pre-orders",
  group_orders: "Group orders",
  app_promotions: "App-only offers",
  giveaways: "Giveaways",
  finance_reports: "Finance reports",
}

/** "on", "off", or "loading" while the admin asks the server (once per session). */
export function useFeature(feature: Feature): "on" | "off" | "loading" {
  const { data } = useQuery({
    queryKey: ["comeback", "features"],
    queryFn: () => adminGet<{ features: Record<Feature, boolean> }>("/admin/comeback/features"),
    staleTime: Infinity,
  })
  if (!data) return "loading"
  return data.features[feature] ? "on" : "off"
}

/**
 * A page or widget of a feature the store may have turned off in the plugin's options: a widget is then not
 * shown at all; a page (still in the sidebar: its entry is static) says the feature is off and how to turn it on.
 */
export function withFeature<P extends object>(feature: Feature, Component: ComponentType<P>, kind: "page" | "widget") {
  const Gated = (props: P) => {
    const state = useFeature(feature)
    if (state === "on") return <Component {...props} />
    if (kind === "widget" || state === "loading") return null
    return (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>{NAMES[feature]}</Heading>
        </div>
        <EmptyState
          title={`${NAMES[feature]} are turned off in this store`}
          description={`Turn them on in medusa-config.ts: the @comeback/medusa-plugin option ${feature}: { enabled: true }.`}
        />
      </Container>
    )
  }
  Gated.displayName = `withFeature(${feature})`
  return Gated
}
