/**
 * @comeback/medusa-plugin: album drops for Medusa stores. Register it in
 * `medusa-config.ts` (`plugins: [{ resolve: "@comeback/medusa-plugin", options }]`);
 * this entry is for code of the store's own:
 * - `./config`: options, their validation, production-safety helpers;
 * - `./hooks`: the core-hook handlers, for a store that handles those hooks itself;
 * - `./workflows`: the workflows a store's scripts run (seeding a drop, say);
 * - `./sdk`: the typed storefront client.
 */
export * from "./config"
export { COMEBACK_MODULE } from "./modules/comeback"
export { PREORDER_MODULE } from "./modules/preorder"
export { GROUP_ORDER_MODULE } from "./modules/group-order"
export { APP_CHANNEL_MODULE } from "./modules/app-channel"
export { GIVEAWAY_MODULE } from "./modules/giveaway"
export { FINANCE_REPORT_MODULE } from "./modules/finance-report"
export type { default as PreorderModuleService } from "./modules/preorder/service"
export type { default as GroupOrderModuleService } from "./modules/group-order/service"
export type { default as AppChannelModuleService } from "./modules/app-channel/service"
export type { default as GiveawayModuleService } from "./modules/giveaway/service"
export type { default as FinanceReportModuleService } from "./modules/finance-report/service"
