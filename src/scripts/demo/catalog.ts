import { HOT_SAUCE_HANDLE, RESONANCE_HANDLE, WE_YOUNG_HANDLE } from "./config"

export type DemoVersion = { title: string; sku: string; price: number; stock: number }
export type DemoAlbum = {
  handle: string
  title: string
  subtitle: string
  description: string
  artist: string
  versions: DemoVersion[]
}

/** The demo drop's albums; prices in dollars, stock on hand at the seed. */
export const DEMO_ALBUMS: DemoAlbum[] = [
  {
    handle: HOT_SAUCE_HANDLE,
    title: "NCT Dream — Hot Sauce",
    subtitle: "The 1st Album",
    description: "NCT Dream's first studio album. Pre-order now; ships on its release date.",
    artist: "NCT Dream",
    versions: [
      { title: 'Photo Book "Chilling"', sku: "HOTSAUCE-PB-CHILLING", price: 24.99, stock: 0 },
      { title: 'Photo Book "Crazy"', sku: "HOTSAUCE-PB-CRAZY", price: 24.99, stock: 0 },
      { title: 'Photo Book "Boring"', sku: "HOTSAUCE-PB-BORING", price: 24.99, stock: 0 },
      { title: "Jewel Case", sku: "HOTSAUCE-JEWEL", price: 14.99, stock: 0 },
    ],
  },
  {
    handle: RESONANCE_HANDLE,
    title: "NCT — Resonance",
    subtitle: "The 2nd Album",
    description: "NCT's second full album, in stock and shipping now.",
    artist: "NCT",
    versions: [
      { title: "Past Version", sku: "RESONANCE-PAST", price: 22.5, stock: 120 },
      { title: "Future Version", sku: "RESONANCE-FUTURE", price: 22.5, stock: 120 },
    ],
  },
  {
    handle: WE_YOUNG_HANDLE,
    title: "NCT Dream — We Young",
    subtitle: "The 1st Mini Album (EP)",
    description: "NCT Dream's EP, in stock.",
    artist: "NCT Dream",
    versions: [{ title: "Standard", sku: "WEYOUNG-STD", price: 16.99, stock: 80 }],
  },
]

/**
 * Hot Sauce on pre-order until its release date. "Chilling" is the limited
 * version: a cap, a per-customer limit and a pool of signed photocard sets.
 */
export const DEMO_PREORDER_PLANS = [
  {
    sku: "HOTSAUCE-PB-CHILLING",
    cap: 300,
    per_customer_limit: 2,
    benefit_note: "Signed pre-order photocard set (first 100 pre-orders)",
    benefit_pool: 100,
  },
  { sku: "HOTSAUCE-PB-CRAZY", cap: null, per_customer_limit: null, benefit_note: "Pre-order photocard (while the pre-order lasts)", benefit_pool: null },
  { sku: "HOTSAUCE-PB-BORING", cap: null, per_customer_limit: null, benefit_note: "Pre-order photocard (while the pre-order lasts)", benefit_pool: null },
  { sku: "HOTSAUCE-JEWEL", cap: null, per_customer_limit: null, benefit_note: "Pre-order poster (while the pre-order lasts)", benefit_pool: null },
]

/**
 * The Hot Sauce fan-club group campaign: the more units a group buys, the more
 * everyone in it saves, members who paid early included.
 */
export const DEMO_GROUP_CAMPAIGN = {
  title: "Hot Sauce fan-club group order",
  description: "Order Hot Sauce together: 5 units → 5% off, 10 → 10%, 20 → 15% for everyone in the group.",
  tiers: [
    { min_units: 5, percent: 5 },
    { min_units: 10, percent: 10 },
    { min_units: 20, percent: 15 },
  ],
  max_units_per_member: 10,
  max_members: 50,
}
