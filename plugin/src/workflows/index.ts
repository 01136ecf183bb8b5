/** Workflows a store's own code may run (its seed scripts, an import, a back-office tool). */
export { createPreorderPlanWorkflow, updatePreorderPlanWorkflow } from "./preorder/manage-preorder-plans"
export { createGroupCampaignWorkflow, updateGroupCampaignWorkflow, closeGroupCampaignWorkflow } from "./group-order/manage-group-campaigns"
export { startGroupOrderWorkflow } from "./group-order/start-group-order"
export { markAppExclusiveWorkflow, unmarkAppExclusiveWorkflow } from "./app-channel/mark-app-exclusive"
export { createGiveawayWorkflow, updateGiveawayWorkflow } from "./giveaway/manage-giveaways"
export { backfillFinanceRows } from "../lib/finance-report/sync-finance-rows"
