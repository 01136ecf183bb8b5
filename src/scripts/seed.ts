import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemo } from "./demo/seed-demo"

/** `medusa exec ./src/scripts/seed.ts`: seeds the demo drop; safe to run again. */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  logger.info("Seeding the Comeback demo drop…")
  const demo = await seedDemo(container, (line) => logger.info(`seed ${line}`))
  logger.info(`Seed done. Web key ${demo.webKey}, Mobile App key ${demo.appKey}`)
}
