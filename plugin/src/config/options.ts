/**
 * The plugin's options, as a store writes them in `medusa-config.ts`:
 *
 *   plugins: [{ resolve: "@comeback/medusa-plugin", options: { giveaways: { enabled: false } } }]
 *
 * Every feature is on unless its `enabled` is false. Medusa hands these options
 * to each of the plugin's modules; the `comeback` module validates them at boot
 * and the process stops with a message naming the option when one is wrong.
 */
import { z } from "zod"

export const FEATURES = ["preorders", "group_orders", "app_promotions", "giveaways", "finance_reports"] as const
export type Feature = (typeof FEATURES)[number]

/**
 * The core workflow hooks Comeback handles. Medusa allows one handler per hook
 * (medusajs/medusa#11968): a store with its own handler for one of these names
 * it in `host_hooks` and calls Comeback's handler from its own (README "Install
 * in your store").
 */
export const HOOKS = {
  "completeCartWorkflow.validate": "reserves drop units, group membership and app-offer uses at checkout",
  "updateCartPromotionsWorkflow.setPromotionContext": "adds the group tier and the app session to the promotion context",
  "cancelOrderWorkflow.orderCanceled": "gives a cancelled order's pre-order units, group place and app-offer uses back",
  "createOrderFulfillmentWorkflow.fulfillmentCreated": "refuses to ship pre-order items before their release",
  "addToCartWorkflow.validate": "checks pre-order windows, caps and per-customer limits when items are added",
  "createCartWorkflow.validate": "the same checks for a cart created with items",
  "updateLineItemInCartWorkflow.validate": "the same checks when a quantity changes",
} as const
export type HookId = keyof typeof HOOKS
export const HOOK_IDS = Object.keys(HOOKS) as HookId[]

const providerSchema = z
  .object({ id: z.string().min(1), resolve: z.string().min(1).optional(), options: z.record(z.unknown()).optional() })
  .strict()

const feature = <T extends z.ZodRawShape>(extra: T) => z.object({ enabled: z.boolean().optional(), ...extra }).strict().optional()

export const comebackOptionsSchema = z
  .object({
    preorders: feature({}),
    group_orders: feature({}),
    app_promotions: feature({
      /** Attestation providers that open app sessions (default: `signed-token` with no key). */
      providers: z.array(providerSchema).optional(),
    }),
    giveaways: feature({
      /** The public randomness beacon draws commit to (default: drand quicknet over HTTPS). */
      beacon: providerSchema.optional(),
      /** Seconds between a giveaway's end and its committed beacon round (default 600). */
      beacon_delay_seconds: z.number().finite().min(0).optional(),
    }),
    finance_reports: feature({}),
    /** Hooks the store handles itself, calling Comeback's exported handlers (`@comeback/medusa-plugin/hooks`). */
    host_hooks: z.array(z.enum(HOOK_IDS as [HookId, ...HookId[]])).optional(),
  })
  .strict()

export type ComebackOptions = z.input<typeof comebackOptionsSchema>

export type ResolvedOptions = z.output<typeof comebackOptionsSchema> & {
  features: Record<Feature, boolean>
  hostHooks: Set<HookId>
}

export class ComebackOptionsError extends Error {}

/** Medusa hands plugin options to each module after adding its own keys (the database connection). */
const MEDUSA_ADDED_KEYS = ["database"]

function withoutMedusaKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw ?? {}
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !MEDUSA_ADDED_KEYS.includes(key)))
}

/** Validates what a store passed; the error names every wrong option and what it expects. */
export function resolveComebackOptions(raw: unknown): ResolvedOptions {
  const parsed = comebackOptionsSchema.safeParse(withoutMedusaKeys(raw))
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const at = issue.path.length ? issue.path.join(".") : "(options)"
      if (issue.code === "unrecognized_keys") {
        return `${at === "(options)" ? "" : `${at}: `}unknown option ${issue.keys.map((k) => `"${k}"`).join(", ")}`
      }
      return `${at}: ${issue.message}`
    })
    throw new ComebackOptionsError(
      `[comeback] invalid options for @comeback/medusa-plugin in medusa-config.ts: ${problems.join("; ")}. ` +
        `Options: ${FEATURES.join(", ")} (each { enabled?: boolean, ... }) and host_hooks (${HOOK_IDS.join(", ")}).`
    )
  }
  const options = parsed.data
  const features = Object.fromEntries(FEATURES.map((f) => [f, options[f]?.enabled !== false])) as Record<Feature, boolean>
  return { ...options, features, hostHooks: new Set(options.host_hooks ?? []) }
}

/** Typed identity for `medusa-config.ts`, validating as the config is read. */
export function defineComebackOptions(options: ComebackOptions): ComebackOptions {
  resolveComebackOptions(options)
  return options
}
