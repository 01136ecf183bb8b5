import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow, createPromotionsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import {
  APP_CHANNEL_MODULE,
  GROUP_ORDER_MODULE,
  PREORDER_MODULE,
  type AppChannelModuleService,
  type GroupOrderModuleService,
  type PreorderModuleService,
} from "@comeback/medusa-plugin"
import {
  createGroupCampaignWorkflow,
  createPreorderPlanWorkflow,
  markAppExclusiveWorkflow,
  startGroupOrderWorkflow,
} from "@comeback/medusa-plugin/workflows"
import { DEMO_ALBUMS, DEMO_GROUP_CAMPAIGN, DEMO_PREORDER_PLANS } from "./catalog"
import { seedGiveawayDemo } from "./seed-giveaway"
import { DEMO } from "./config"
import { CatalogSeedResult, runSeedSteps, seedCatalog, SeedLogger, SeedStep } from "./seed-catalog"

export type DemoSeedResult = CatalogSeedResult & {
  groupCampaignId: string
  groupCode: string
  appPromotionId: string
}

export type { SeedLogger }

/**
 * Seeds the demo drop: the catalog (seed-catalog.ts, Medusa only), then
 * Comeback's pre-order plans, giveaway, group campaign, app channel and the
 * demo admin. Every step looks for what it would create first, so running the
 * seed again changes nothing.
 */
export async function seedDemo(
  container: MedusaContainer,
  log: SeedLogger = () => {}
): Promise<DemoSeedResult> {
  const result = (await seedCatalog(container, log)) as DemoSeedResult
  {
    // A second run keeps the plans' current release date (staff may have moved it).
    const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
    const [plan] = await preorders.listPreorderPlans({ variant_id: Object.values(result.products[DEMO_ALBUMS[0].handle].variants) }, { take: 1 })
    if (plan) result.releaseDate = new Date(plan.release_date)
  }
  const userService = container.resolve(Modules.USER)
  const authService = container.resolve(Modules.AUTH)

  const steps: SeedStep[] = [
    {
      title: "Hot Sauce pre-order plans",
      run: async () => {
        const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
        const hotSauce = result.products[DEMO_ALBUMS[0].handle]
        let createdAny = false
        for (const plan of DEMO_PREORDER_PLANS) {
          const variantId = hotSauce.variants[plan.sku]
          const [existing] = await preorders.listPreorderPlans({ variant_id: variantId })
          if (existing) continue
          await createPreorderPlanWorkflow(container).run({
            input: {
              variant_id: variantId,
              release_date: result.releaseDate,
              window_opens_at: new Date(),
              status: "active",
              cap: plan.cap,
              per_customer_limit: plan.per_customer_limit,
              benefit_note: plan.benefit_note,
              benefit_pool: plan.benefit_pool,
            },
          })
          createdAny = true
        }
        return createdAny ? "created" : undefined
      },
    },
    { title: "We Young giveaway (one entry per Hot Sauce unit, free entry on)", run: () => seedGiveawayDemo(container, result) },
    {
      title: `Hot Sauce fan-club group campaign and group ${DEMO.groupCode}`,
      run: async () => {
        const groups: GroupOrderModuleService = container.resolve(GROUP_ORDER_MODULE)
        let created = false
        let [campaign] = await groups.listGroupCampaigns({ title: DEMO_GROUP_CAMPAIGN.title })
        if (!campaign) {
          const ends = new Date(Date.now() + DEMO.groupDeadlineInDays * 24 * 3600 * 1000)
          const { result: made } = await createGroupCampaignWorkflow(container).run({
            input: {
              ...DEMO_GROUP_CAMPAIGN,
              product_ids: [result.products[DEMO_ALBUMS[0].handle].id],
              starts_at: new Date(),
              ends_at: ends,
              currency_code: DEMO.currency,
              region_id: result.regionId,
            },
          })
          campaign = made
          created = true
        }
        result.groupCampaignId = campaign.id
        result.groupCode = DEMO.groupCode
        const [group] = await groups.listGroupOrders({ code: DEMO.groupCode })
        if (group) return created ? "created" : undefined
        const customers = container.resolve(Modules.CUSTOMER)
        let [leader] = await customers.listCustomers({ email: DEMO.groupLeaderEmail })
        if (!leader) {
          const { result: made } = await createCustomersWorkflow(container).run({
            input: { customersData: [{ email: DEMO.groupLeaderEmail, first_name: "Fan club", last_name: "Leader" }] },
          })
          leader = made[0]
        }
        await startGroupOrderWorkflow(container).run({ input: { campaign_id: campaign.id, customer_id: leader.id, code: DEMO.groupCode } })
        return "created"
      },
    },
    {
      title: `Mobile App as an app channel, app-only code ${DEMO.appCode}`,
      run: async () => {
        const apps: AppChannelModuleService = container.resolve(APP_CHANNEL_MODULE)
        let created = false
        const [channel] = await apps.listAppChannels({ sales_channel_id: result.appChannelId })
        if (!channel) {
          await apps.createAppChannels({ sales_channel_id: result.appChannelId, platform: "both", provider_id: "signed-token" })
          created = true
        }
        const promotions = container.resolve(Modules.PROMOTION)
        let [promotion] = await promotions.listPromotions({ code: DEMO.appCode })
        if (!promotion) {
          const { result: made } = await createPromotionsWorkflow(container).run({
            input: {
              promotionsData: [
                {
                  code: DEMO.appCode,
                  type: "standard",
                  status: "active",
                  application_method: {
                    type: "percentage",
                    target_type: "items",
                    allocation: "each",
                    max_quantity: 10,
                    value: 10,
                    target_rules: [{ attribute: "items.product.id", operator: "in", values: [result.products[DEMO_ALBUMS[0].handle].id] }],
                  },
                },
              ],
            },
          })
          promotion = made[0] as any
          created = true
        }
        result.appPromotionId = promotion.id
        const [marked] = await apps.listAppPromotions({ promotion_id: promotion.id })
        if (!marked) {
          await markAppExclusiveWorkflow(container).run({
            input: {
              promotion_id: promotion.id,
              sales_channel_ids: [result.appChannelId],
              title: "App exclusive: 10% off Hot Sauce",
              description: "Only in the Comeback app: 10% off every version of NCT Dream's Hot Sauce. Once per customer.",
              public_code: true,
              per_customer_limit: 1,
              per_device_limit: 3,
            },
          })
          created = true
        }
        return created ? "created" : undefined
      },
    },
    {
      title: `demo admin user (${DEMO.adminEmail})`,
      run: async () => {
        const [existing] = await userService.listUsers({ email: DEMO.adminEmail })
        if (existing) return
        const { authIdentity, error } = await authService.register("emailpass", {
          body: { email: DEMO.adminEmail, password: DEMO.adminPassword },
        } as Parameters<typeof authService.register>[1])
        if (error || !authIdentity) throw new Error(`could not register the demo admin: ${error}`)
        await createUserAccountWorkflow(container).run({
          input: { authIdentityId: authIdentity.id, userData: { email: DEMO.adminEmail, first_name: "Demo", last_name: "Admin" } },
        })
        return "created"
      },
    },
  ]

  await runSeedSteps(steps, log)
  return result
}
