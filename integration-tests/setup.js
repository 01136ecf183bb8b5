// Each test file boots its own Medusa app; clear MikroORM's global metadata so
// entities from a previous file in the same worker do not leak into the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
