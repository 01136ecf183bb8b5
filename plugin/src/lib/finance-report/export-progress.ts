import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Progress of a running background export, in Medusa's Cache module (shared
 * by every process when REDIS_URL is set): it changes every page and only
 * matters while the export runs. Status and result live in the workflow's
 * stored execution (see order-exports.ts).
 */
export type ExportProgress = { orders_done: number; rows_done: number; orders_estimated: number | null; updated_at: string }

const key = (exportId: string) => `comeback:finance-report:order-export:${exportId}`
const TTL_SECONDS = 24 * 3600

export async function saveExportProgress(container: MedusaContainer, exportId: string, progress: Omit<ExportProgress, "updated_at">) {
  const cache = container.resolve(Modules.CACHE)
  await cache.set(key(exportId), { ...progress, updated_at: new Date().toISOString() }, TTL_SECONDS)
}

export async function readExportProgress(container: MedusaContainer, exportId: string): Promise<ExportProgress | null> {
  const cache = container.resolve(Modules.CACHE)
  return ((await cache.get(key(exportId))) as ExportProgress | null) ?? null
}
