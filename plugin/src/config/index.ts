/**
 * What a store's `medusa-config.ts` may import: the options and their
 * validation, and the production-safety helpers (no Medusa runtime loaded).
 */
export * from "./options"
export { UnsafeConfigError, appAttestationKeys, httpSecret, isDemoAttestation } from "../lib/production-config"
export { DEMO_APP_KEY } from "../modules/app-channel/demo-key"
