import { defineConfig, loadEnv } from "@medusajs/framework/utils"

// Plain Medusa for the drop-day benchmark: the same pinned version as Comeback
// (the root node_modules), its default modules and nothing of ours: no
// Comeback modules, routes, workflow hooks or subscribers (this folder has no src/).
loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
})
