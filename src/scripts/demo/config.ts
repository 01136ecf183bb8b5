/** Names and defaults of the demo drop; tests and docs refer to these. */
export const DEMO = {
  storeName: "Comeback",
  currency: "usd",
  regionName: "United States",
  countries: ["us"],
  webChannel: "Web",
  appChannel: "Mobile App",
  webKeyTitle: "Web storefront",
  appKeyTitle: "Mobile App",
  stockLocation: "Comeback US Fulfillment Center",
  shippingOption: "Standard Shipping",
  adminEmail: process.env.DEMO_ADMIN_EMAIL || "admin@comeback.test",
  adminPassword: process.env.DEMO_ADMIN_PASSWORD || "comeback-admin",
  /** The demo group's known code, and its leader. */
  groupCode: "NCTDREAM",
  groupLeaderEmail: "fanclub-leader@comeback.test",
  /** The app-only code: 10 % off Hot Sauce in the Mobile App. */
  appCode: "APPHOTSAUCE",
  /** Days from the seed run to the group campaign's deadline. */
  groupDeadlineInDays: 14,
  /** Days from the seed run to Hot Sauce's street date. */
  releaseInDays: 21,
} as const

export const HOT_SAUCE_HANDLE = "nct-dream-hot-sauce"
export const RESONANCE_HANDLE = "nct-resonance"
export const WE_YOUNG_HANDLE = "nct-dream-we-young"
