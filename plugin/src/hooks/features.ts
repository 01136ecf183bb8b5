import type { MedusaContainer } from "@medusajs/framework/types"
import { FEATURES, type Feature } from "../config/options"
import { COMEBACK_MODULE } from "../modules/comeback"
import type ComebackModuleService from "../modules/comeback/service"

const ALL_ON = Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>

/** The features this store enabled (all of them when the `comeback` module is not registered). */
export function enabledFeatures(container: { resolve: MedusaContainer["resolve"] }): Record<Feature, boolean> {
  const comeback = container.resolve<ComebackModuleService | undefined>(COMEBACK_MODULE, { allowUnregistered: true })
  return comeback ? comeback.features() : ALL_ON
}
