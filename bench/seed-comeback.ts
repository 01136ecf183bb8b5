import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { seedCatalog } from "../src/scripts/demo/seed-catalog"
import { seedDemo } from "../src/scripts/demo/seed-demo"
import { DEMO_GROUP_CAMPAIGN } from "../src/scripts/demo/catalog"
import { DEMO } from "../src/scripts/demo/config"
import { createGroupCampaignWorkflow, createPreorderPlanWorkflow, startGroupOrderWorkflow } from "@comeback/medusa-plugin/workflows"
import { BENCH_GROUP_CODE, BENCH_SKUS, benchAlbum, benchSizes } from "./catalog"

/**
 * `medusa exec ./bench/seed-comeback.ts`: the demo drop (the same catalog as
 * plain Medusa plus Comeback's plans, campaign, offer and giveaway), the bench
 * album, pre-order plans capping its race and burst versions, and a group
 * campaign on it with one open group for the group workload.
 */
export default async function seedComeback({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log = (line: string) => logger.info(`seed ${line}`)
  const sizes = benchSizes()
  const demo = await seedDemo(container, log)
  const catalog = await seedCatalog(container, log, [benchAlbum("comeback", sizes)])
  const album = Object.values(catalog.products).find((p) => p.variants[BENCH_SKUS.race])!

  for (const [sku, cap] of [
    [BENCH_SKUS.race, sizes.raceUnits],
    [BENCH_SKUS.burst, sizes.burstUnits],
  ] as const) {
    await createPreorderPlanWorkflow(container).run({
      input: {
        variant_id: album.variants[sku],
        release_date: demo.releaseDate,
        window_opens_at: new Date(),
        status: "active",
        cap,
        per_customer_limit: null,
        benefit_note: null,
        benefit_pool: null,
      },
    })
  }

  const { result: campaign } = await createGroupCampaignWorkflow(container).run({
    input: {
      ...DEMO_GROUP_CAMPAIGN,
      title: "Drop-day benchmark group order",
      max_members: sizes.groupMembers,
      product_ids: [album.id],
      starts_at: new Date(),
      ends_at: new Date(Date.now() + 14 * 24 * 3600 * 1000),
      currency_code: DEMO.currency,
      region_id: demo.regionId,
    },
  })
  const { result: leaders } = await createCustomersWorkflow(container).run({
    input: { customersData: [{ email: "bench-group-leader@comeback.test", first_name: "Bench", last_name: "Leader" }] },
  })
  await startGroupOrderWorkflow(container).run({
    input: { campaign_id: campaign.id, customer_id: leaders[0].id, code: BENCH_GROUP_CODE },
  })
  log(`bench album ${album.id}: plans (cap ${sizes.raceUnits}, ${sizes.burstUnits}), group ${BENCH_GROUP_CODE} (${sizes.groupMembers} members max)`)
}
