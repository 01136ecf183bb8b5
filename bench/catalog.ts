import type { DemoAlbum } from "../src/scripts/demo/catalog"

/**
 * The drop-day benchmark's own album, added to the demo catalog in both apps
 * (same product, prices, channels). Only stock differs, as on a real drop:
 * plain Medusa sells the race and burst versions from stock on hand, Comeback
 * sells them as pre-orders (no stock, a cap) — see bench/seed-comeback.ts.
 */
export const BENCH_HANDLE = "drop-day-bench"
export const BENCH_GROUP_CODE = "BENCHGROUP"
export const BENCH_SKUS = {
  race: "DROPDAY-RACE",
  burst: "DROPDAY-BURST",
  burstStock: "DROPDAY-BURST-STOCK",
  path: "DROPDAY-PATH",
  group: "DROPDAY-GROUP",
} as const

export type BenchSizes = { raceUnits: number; burstUnits: number; groupMembers: number }

export function benchSizes(env = process.env): BenchSizes {
  return {
    raceUnits: Number(env.BENCH_RACE_UNITS || 10),
    burstUnits: Number(env.BENCH_BURST_UNITS || 1000),
    groupMembers: Number(env.BENCH_GROUP_MEMBERS || 100),
  }
}

export function benchAlbum(app: "plain" | "comeback", sizes: BenchSizes): DemoAlbum {
  const preorder = app === "comeback"
  return {
    handle: BENCH_HANDLE,
    title: "Drop Day — Benchmark Album",
    subtitle: "The benchmark's album",
    description: "Sold in the drop-day benchmark (npm run bench).",
    artist: "Comeback Bench",
    versions: [
      { title: "Race", sku: BENCH_SKUS.race, price: 19.99, stock: preorder ? 0 : sizes.raceUnits },
      { title: "Burst", sku: BENCH_SKUS.burst, price: 19.99, stock: preorder ? 0 : sizes.burstUnits },
      { title: "Burst in stock", sku: BENCH_SKUS.burstStock, price: 19.99, stock: sizes.burstUnits },
      { title: "Path", sku: BENCH_SKUS.path, price: 19.99, stock: 1_000_000 },
      { title: "Group", sku: BENCH_SKUS.group, price: 19.99, stock: 1_000_000 },
    ],
  }
}
