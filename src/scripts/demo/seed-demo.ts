import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createCustomersWorkflow,
  createPromotionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateProductsWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"
import { createPreorderPlanWorkflow } from "../../workflows/preorder/manage-preorder-plans"
import { GROUP_ORDER_MODULE } from "../../modules/group-order"
import type GroupOrderModuleService from "../../modules/group-order/service"
import { createGroupCampaignWorkflow } from "../../workflows/group-order/manage-group-campaigns"
import { startGroupOrderWorkflow } from "../../workflows/group-order/start-group-order"
import { APP_CHANNEL_MODULE } from "../../modules/app-channel"
import type AppChannelModuleService from "../../modules/app-channel/service"
import { markAppExclusiveWorkflow } from "../../workflows/app-channel/mark-app-exclusive"
import { DEMO_ALBUMS, DEMO_GROUP_CAMPAIGN, DEMO_PREORDER_PLANS } from "./catalog"
import { seedGiveawayDemo } from "./seed-giveaway"
import { DEMO } from "./config"

export type DemoSeedResult = {
  storeId: string
  regionId: string
  webChannelId: string
  appChannelId: string
  webKey: string
  appKey: string
  stockLocationId: string
  shippingOptionId: string
  products: Record<string, { id: string; variants: Record<string, string> }>
  releaseDate: Date
  groupCampaignId: string
  groupCode: string
  appPromotionId: string
}

export type SeedLogger = (message: string) => void

/** A demo step: idempotent, reports whether it created something. */
type Step = { title: string; run: () => Promise<string | void> }

/**
 * Seeds the demo drop. Every step looks for what it would create first, so
 * running the seed again changes nothing.
 */
export async function seedDemo(
  container: MedusaContainer,
  log: SeedLogger = () => {}
): Promise<DemoSeedResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeService = container.resolve(Modules.STORE)
  const channelService = container.resolve(Modules.SALES_CHANNEL)
  const regionService = container.resolve(Modules.REGION)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const locationService = container.resolve(Modules.STOCK_LOCATION)
  const apiKeyService = container.resolve(Modules.API_KEY)
  const userService = container.resolve(Modules.USER)
  const authService = container.resolve(Modules.AUTH)
  const taxService = container.resolve(Modules.TAX)

  const result = { products: {} } as DemoSeedResult
  const [store] = await storeService.listStores()
  result.storeId = store.id

  const ensureChannel = async (name: string, description: string) => {
    const [existing] = await channelService.listSalesChannels({ name })
    if (existing) return { id: existing.id, created: false }
    const { result: created } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name, description }] },
    })
    return { id: created[0].id, created: true }
  }

  const ensureKey = async (title: string, channelId: string) => {
    const [existing] = await apiKeyService.listApiKeys({ title, type: "publishable" })
    let key = existing
    if (!key) {
      const { result: created } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title, type: "publishable", created_by: "" }] },
      })
      key = created[0]
    }
    const { data } = await query.graph({
      entity: "api_key",
      fields: ["id", "token", "sales_channels.id"],
      filters: { id: key.id },
    })
    const linked = (data[0]?.sales_channels ?? []).some((sc) => sc?.id === channelId)
    if (!linked) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channelId] } })
    }
    return { token: data[0].token as string, created: !existing }
  }

  const steps: Step[] = [
    {
      title: "sales channels (Web, Mobile App)",
      run: async () => {
        const web = await ensureChannel(DEMO.webChannel, "The web storefront")
        const app = await ensureChannel(DEMO.appChannel, "The iOS and Android fan app")
        result.webChannelId = web.id
        result.appChannelId = app.id
        return web.created || app.created ? "created" : undefined
      },
    },
    {
      title: "store (USD, default channel)",
      run: async () => {
        const current = await storeService.retrieveStore(store.id, { relations: ["supported_currencies"] })
        const hasUsd = current.supported_currencies?.some((c) => c.currency_code === DEMO.currency && c.is_default)
        if (hasUsd && current.default_sales_channel_id === result.webChannelId && current.name === DEMO.storeName) {
          return
        }
        await updateStoresWorkflow(container).run({
          input: {
            selector: { id: store.id },
            update: {
              name: DEMO.storeName,
              supported_currencies: [{ currency_code: DEMO.currency, is_default: true }],
              default_sales_channel_id: result.webChannelId,
            },
          },
        })
        return "updated"
      },
    },
    {
      title: "publishable API keys",
      run: async () => {
        const web = await ensureKey(DEMO.webKeyTitle, result.webChannelId)
        const app = await ensureKey(DEMO.appKeyTitle, result.appChannelId)
        result.webKey = web.token
        result.appKey = app.token
        return web.created || app.created ? "created" : undefined
      },
    },
    {
      title: "US region and tax region",
      run: async () => {
        const [existing] = await regionService.listRegions({ name: DEMO.regionName })
        let created = false
        if (existing) {
          result.regionId = existing.id
          // A store that gained Stripe after its first seed offers it too.
          if (process.env.STRIPE_API_KEY) {
            const { data } = await query.graph({
              entity: "region",
              fields: ["payment_providers.id"],
              filters: { id: existing.id },
            })
            const ids = (data[0]?.payment_providers ?? []).map((p) => p!.id)
            if (!ids.includes("pp_stripe_stripe")) {
              await updateRegionsWorkflow(container).run({
                input: { selector: { id: existing.id }, update: { payment_providers: [...ids, "pp_stripe_stripe"] } },
              })
              created = true
            }
          }
        } else {
          const providers = ["pp_system_default"]
          if (process.env.STRIPE_API_KEY) providers.push("pp_stripe_stripe")
          const { result: regions } = await createRegionsWorkflow(container).run({
            input: {
              regions: [
                {
                  name: DEMO.regionName,
                  currency_code: DEMO.currency,
                  countries: [...DEMO.countries],
                  payment_providers: providers,
                  automatic_taxes: true,
                },
              ],
            },
          })
          result.regionId = regions[0].id
          created = true
        }
        const taxRegions = await taxService.listTaxRegions({ country_code: "us" })
        if (!taxRegions.length) {
          await createTaxRegionsWorkflow(container).run({
            input: [{ country_code: "us", provider_id: "tp_system" }],
          })
          created = true
        }
        return created ? "created" : undefined
      },
    },
    {
      title: "stock location and shipping",
      run: async () => {
        const [existing] = await locationService.listStockLocations({ name: DEMO.stockLocation })
        if (existing) {
          result.stockLocationId = existing.id
          const [option] = await fulfillmentService.listShippingOptions({ name: DEMO.shippingOption })
          result.shippingOptionId = option.id
          return
        }
        const { result: locations } = await createStockLocationsWorkflow(container).run({
          input: {
            locations: [
              {
                name: DEMO.stockLocation,
                address: { address_1: "1 Comeback Way", city: "Los Angeles", province: "CA", country_code: "US" },
              },
            ],
          },
        })
        const location = locations[0]
        result.stockLocationId = location.id
        await updateStoresWorkflow(container).run({
          input: { selector: { id: store.id }, update: { default_location_id: location.id } },
        })
        await link.create({
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
        })
        let [profile] = await fulfillmentService.listShippingProfiles({ type: "default" })
        if (!profile) {
          const { result: profiles } = await createShippingProfilesWorkflow(container).run({
            input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
          })
          profile = profiles[0]
        }
        const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
          name: `${DEMO.stockLocation} delivery`,
          type: "shipping",
          service_zones: [{ name: "United States", geo_zones: [{ country_code: "us", type: "country" }] }],
        })
        await link.create({
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
        })
        const { result: options } = await createShippingOptionsWorkflow(container).run({
          input: [
            {
              name: DEMO.shippingOption,
              price_type: "flat",
              provider_id: "manual_manual",
              service_zone_id: fulfillmentSet.service_zones[0].id,
              shipping_profile_id: profile.id,
              type: { label: "Standard", description: "Ships in 3-5 days.", code: "standard" },
              prices: [
                { currency_code: DEMO.currency, amount: 5 },
                { region_id: result.regionId, amount: 5 },
              ],
              rules: [
                { attribute: "enabled_in_store", value: "true", operator: "eq" },
                { attribute: "is_return", value: "false", operator: "eq" },
              ],
            },
          ],
        })
        result.shippingOptionId = options[0].id
        await linkSalesChannelsToStockLocationWorkflow(container).run({
          input: { id: location.id, add: [result.webChannelId, result.appChannelId] },
        })
        return "created"
      },
    },
    {
      title: "albums (Hot Sauce, Resonance, We Young)",
      run: async () => {
        const [profile] = await fulfillmentService.listShippingProfiles({ type: "default" })
        const releaseDate = new Date(Date.now() + DEMO.releaseInDays * 24 * 3600 * 1000)
        releaseDate.setUTCHours(4, 0, 0, 0) // midnight US Eastern: street dates start at 00:00 ET
        let createdAny = false
        for (const album of DEMO_ALBUMS) {
          const { data: existing } = await query.graph({
            entity: "product",
            fields: ["id", "metadata", "variants.id", "variants.sku"],
            filters: { handle: album.handle },
          })
          let product = existing[0]
          if (!product) {
            const { result: created } = await createProductsWorkflow(container).run({
              input: {
                products: [
                  {
                    title: album.title,
                    subtitle: album.subtitle,
                    handle: album.handle,
                    description: album.description,
                    status: ProductStatus.PUBLISHED,
                    shipping_profile_id: profile.id,
                    // No release date here: the pre-order plan holds it (and its changes); storefronts
                    // read it with fields=+variants.preorder_plan.
                    metadata: { artist: album.artist },
                    options: [{ title: "Version", values: album.versions.map((v) => v.title) }],
                    variants: album.versions.map((v) => ({
                      title: v.title,
                      sku: v.sku,
                      options: { Version: v.title },
                      manage_inventory: true,
                      prices: [{ amount: v.price, currency_code: DEMO.currency }],
                    })),
                    sales_channels: [{ id: result.webChannelId }, { id: result.appChannelId }],
                  },
                ],
              },
            })
            const { data } = await query.graph({
              entity: "product",
              fields: ["id", "metadata", "variants.id", "variants.sku"],
              filters: { id: created[0].id },
            })
            product = data[0]
            createdAny = true
          } else if ((product.metadata as Record<string, unknown> | null)?.release_date !== undefined) {
            // Earlier seeds wrote a release date here that never followed the plan: remove it ("" deletes a metadata key).
            await updateProductsWorkflow(container).run({
              input: { selector: { id: product.id }, update: { metadata: { release_date: "" } } },
            })
          }
          result.products[album.handle] = {
            id: product.id,
            variants: Object.fromEntries((product.variants ?? []).map((v) => [v!.sku as string, v!.id])),
          }
          if (album.handle === DEMO_ALBUMS[0].handle) {
            // A second run keeps the plans' current release date (staff may have moved it).
            const preorders: PreorderModuleService = container.resolve(PREORDER_MODULE)
            const [plan] = await preorders.listPreorderPlans({ variant_id: Object.values(result.products[album.handle].variants) }, { take: 1 })
            result.releaseDate = plan ? new Date(plan.release_date) : releaseDate
          }
        }
        return createdAny ? "created" : undefined
      },
    },
    {
      title: "inventory levels",
      run: async () => {
        const skus = DEMO_ALBUMS.flatMap((a) => a.versions)
        const { data: items } = await query.graph({
          entity: "inventory_item",
          fields: ["id", "sku", "location_levels.location_id"],
          filters: { sku: skus.map((v) => v.sku) },
        })
        const missing = items.filter(
          (item) => !(item.location_levels ?? []).some((l) => l?.location_id === result.stockLocationId)
        )
        if (!missing.length) return
        await createInventoryLevelsWorkflow(container).run({
          input: {
            inventory_levels: missing.map((item) => ({
              inventory_item_id: item.id,
              location_id: result.stockLocationId,
              stocked_quantity: skus.find((v) => v.sku === item.sku)?.stock ?? 0,
            })),
          },
        })
        return "created"
      },
    },
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

  for (const [index, step] of steps.entries()) {
    const started = Date.now()
    const outcome = await step.run()
    log(`[${index + 1}/${steps.length}] ${step.title}: ${outcome ?? "already there"} (${Date.now() - started} ms)`)
  }
  return result
}
