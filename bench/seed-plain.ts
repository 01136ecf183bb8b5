import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEMO_ALBUMS } from "../src/scripts/demo/catalog"
import { seedCatalog } from "../src/scripts/demo/seed-catalog"
import { benchAlbum, benchSizes } from "./catalog"

/** `medusa exec ../seed-plain.ts` in bench/plain: the demo catalog and the bench album, Medusa core workflows only. */
export default async function seedPlain({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await seedCatalog(container, (line) => logger.info(`seed ${line}`), [...DEMO_ALBUMS, benchAlbum("plain", benchSizes())])
}
