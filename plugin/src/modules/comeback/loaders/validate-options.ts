import type { LoaderOptions } from "@medusajs/framework/types"
import { resolveComebackOptions } from "../../../config/options"

/** Stops the boot with a message naming the option when the plugin's options are wrong. */
export default async function validateOptions({ options, container }: LoaderOptions) {
  const resolved = resolveComebackOptions(options)
  const off = Object.entries(resolved.features).filter(([, on]) => !on).map(([f]) => f)
  container.resolve("logger").info(`[comeback] features on: ${Object.entries(resolved.features).filter(([, on]) => on).map(([f]) => f).join(", ")}${off.length ? `; off: ${off.join(", ")}` : ""}`)
}
