import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { DEMO_ALBUMS, DemoAlbum } from "./catalog"
import { DEMO } from "./config"

// Medusa core workflows only: plain Medusa runs this too (the drop-day
// benchmark seeds both apps with it), so nothing here may touch a Comeback module.

export type CatalogSeedResult = {
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
}

export type SeedLogger = (message: string) => void

/** A seed step: idempotent, reports whether it created something. */
export type SeedStep = { title: string; run: () => Promise<string | void> }

export async function runSeedSteps(steps: SeedStep[], log: SeedLogger) {
  for (const [index, step] of steps.entries()) {
    const started = Date.now()
    const outcome = await step.run()
    log(`[${index + 1}/${steps.length}] ${step.title}: ${outcome ?? "already there"} (${Date.now() - started} ms)`)
  }
}

/**
 * The store's catalog: channels, publishable keys, region and taxes, stock
 * location and shipping, the albums with their prices and stock on hand.
 * Every step looks for what it would create first, so running it again
 * changes nothing (albums already there keep their stock).
 */
export async function seedCatalog(
  container: MedusaContainer,
  log: SeedLogger = () => {},
  albums: DemoAlbum[] = DEMO_ALBUMS
): Promise<CatalogSeedResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeService = container.resolve(Modules.STORE)
  const channelService = container.resolve(Modules.SALES_CHANNEL)
  const regionService = container.resolve(Modules.REGION)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const locationService = container.resolve(Modules.STOCK_LOCATION)
  const apiKeyService = container.resolve(Modules.API_KEY)
  const taxService = container.resolve(Modules.TAX)

  const result = { products: {} } as CatalogSeedResult
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

  const steps: SeedStep[] = [
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
        for (const album of albums) {
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
          // The street date a new drop gets; seed-demo keeps an existing plan's date (staff may have moved it).
          if (album.handle === DEMO_ALBUMS[0].handle) result.releaseDate = releaseDate
        }
        return createdAny ? "created" : undefined
      },
    },
    {
      title: "inventory levels",
      run: async () => {
        const skus = albums.flatMap((a) => a.versions)
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
  ]

  await runSeedSteps(steps, log)
  return result
}
