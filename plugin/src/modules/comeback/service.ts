import type { Logger } from "@medusajs/framework/types"
import { type Feature, type ResolvedOptions, resolveComebackOptions } from "../../config/options"
import { HookConflictError, registerComebackHooks } from "../../hooks/register"

type InjectedDependencies = { logger: Logger }

/**
 * The plugin's own module: no tables, just what the store configured. Routes,
 * subscribers and jobs ask it which features are on; at application start it
 * gives Medusa's core hooks Comeback's handlers.
 */
export default class ComebackModuleService {
  protected readonly options_: ResolvedOptions
  protected readonly logger_: Logger

  constructor({ logger }: InjectedDependencies, options: unknown) {
    this.options_ = resolveComebackOptions(options)
    this.logger_ = logger
  }

  features(): Record<Feature, boolean> {
    return { ...this.options_.features }
  }

  isEnabled(feature: Feature): boolean {
    return this.options_.features[feature]
  }

  __hooks = {
    onApplicationStart: async () => {
      try {
        registerComebackHooks(this.options_.hostHooks, this.logger_)
      } catch (error) {
        if (!(error instanceof HookConflictError)) throw error
        // Medusa ignores errors thrown here; running without the checkout checks would oversell a drop.
        this.logger_.error(error.message)
        process.exit(1)
      }
    },
  }
}
