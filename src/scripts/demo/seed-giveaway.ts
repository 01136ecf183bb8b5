import type { MedusaContainer } from "@medusajs/framework/types"
import { GIVEAWAY_MODULE, type GiveawayModuleService } from "@comeback/medusa-plugin"
import { createGiveawayWorkflow } from "@comeback/medusa-plugin/workflows"
import { HOT_SAUCE_HANDLE } from "./config"
import type { DemoSeedResult } from "./seed-demo"

const DAY_MS = 86_400_000

/** The demo giveaway; tests and docs refer to these settings. */
export const DEMO_GIVEAWAY = {
  title: "Win a signed copy of NCT Dream's We Young",
  prize: "A copy of NCT Dream's We Young (the 1st mini album) signed by the members",
  description:
    "Every Hot Sauce album you order is one entry (up to 10 per fan). No purchase necessary: enter for free once a day.",
  winners_count: 1,
  alternates_count: 3,
  entries_per_unit: 1,
  max_entries_per_customer: 10,
  eligible_countries: ["us"],
  min_age: 18,
  free_entry_enabled: true,
  free_entries_per_day: 1,
  claim_days: 14,
  endsInDays: 30,
  rules_text: [
    "NO PURCHASE NECESSARY. A purchase does not improve your chances beyond the entries stated here.",
    "Open to legal residents of the United States aged 18 or older.",
    "Each NCT Dream Hot Sauce album ordered during the entry period earns one entry; free entries: one per person per day",
    "at the giveaway page; at most 10 entries per person in total. Cancelled, refunded or returned albums lose their entries.",
    "One winner and three alternates are drawn at random, weighted by entries, one prize per person, with a published,",
    "verifiable draw (commit-reveal; see the giveaway page). The winner is notified by email and has 14 days to claim.",
  ].join(" "),
} as const

/**
 * Seeds the demo giveaway, live from now for 30 days, on every Hot Sauce
 * version. Looks for it by title first: running again changes nothing.
 * Returns "created" when it created it (the demo seed's step convention).
 */
export async function seedGiveawayDemo(container: MedusaContainer, demo: DemoSeedResult): Promise<string | void> {
  const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
  const [existing] = await giveaways.listGiveaways({ title: DEMO_GIVEAWAY.title }, { select: ["id"] })
  if (existing) return
  const { endsInDays, ...settings } = DEMO_GIVEAWAY
  const now = new Date()
  await createGiveawayWorkflow(container).run({
    input: {
      giveaway: {
        ...settings,
        eligible_countries: [...settings.eligible_countries],
        product_ids: [demo.products[HOT_SAUCE_HANDLE].id],
        starts_at: now,
        ends_at: new Date(now.getTime() + endsInDays * DAY_MS),
        status: "live",
      },
      actor: { type: "system", id: "demo-seed" },
    },
  })
  return "created"
}

/** The demo giveaway's id (after seedGiveawayDemo). */
export async function demoGiveawayId(container: MedusaContainer) {
  const giveaways: GiveawayModuleService = container.resolve(GIVEAWAY_MODULE)
  const [giveaway] = await giveaways.listGiveaways({ title: DEMO_GIVEAWAY.title }, { select: ["id"] })
  return giveaway?.id
}
