import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import {
  DEMO_APP_KEY,
  UnsafeConfigError,
  appAttestationKeys,
  defineComebackOptions,
  httpSecret,
  isDemoAttestation,
} from "@comeback/medusa-plugin/config"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env
const redisUrl = env.REDIS_URL || undefined
const stripeApiKey = env.STRIPE_API_KEY || undefined

/** Refuses unsafe secrets in production and says why (src/lib/production-config.ts). */
function guarded<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (!(error instanceof UnsafeConfigError)) throw error
    console.error(`\n[comeback] refusing to start: ${error.message}\n`)
    process.exit(1)
  }
}

const jwtSecret = guarded(() => httpSecret("JWT_SECRET", env))
const cookieSecret = guarded(() => httpSecret("COOKIE_SECRET", env))
const attestationKeys = guarded(() => appAttestationKeys(env, DEMO_APP_KEY))

/**
 * Infrastructure modules follow the environment: with REDIS_URL every process
 * shares events, cache, workflow state and locks through Redis; without it the
 * in-memory defaults keep a single process working with no services at all.
 */
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        // BullMQ's default is one event at a time per worker: a single subscriber
        // waiting on a lock would hold up every event behind it (seen in `npm run topology`).
        options: { redisUrl, workerOptions: { concurrency: Number(env.EVENT_BUS_CONCURRENCY) || 10 } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

const paymentProviders = [
  ...(stripeApiKey
    ? [
        {
          resolve: "./src/modules/stripe-payment",
          id: "stripe",
          options: {
            apiKey: stripeApiKey,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            capture: true,
            // Only for tests and local development against a Stripe stand-in.
            apiHost: env.STRIPE_API_HOST || undefined,
          },
        },
      ]
    : []),
]

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl,
    workerMode: (env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret,
      cookieSecret,
    },
  },
  admin: {
    disable: env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: env.MEDUSA_BACKEND_URL || "/",
  },
  // Comeback runs in this store as it would in any other: as a plugin (plugin/README.md).
  plugins: [
    {
      resolve: "@comeback/medusa-plugin",
      options: defineComebackOptions({
        app_promotions: {
          providers: [
            {
              id: "signed-token",
              options: { keys: attestationKeys, issuer: env.APP_ATTESTATION_ISSUER || undefined, allow_demo_key: isDemoAttestation(env) },
            },
          ],
        },
        giveaways: {
          // The public randomness beacon draws commit to: drand quicknet over HTTPS (relays tried in order).
          beacon: { id: "drand", options: { urls: env.GIVEAWAY_BEACON_URLS ? env.GIVEAWAY_BEACON_URLS.split(",") : undefined } },
          beacon_delay_seconds: env.GIVEAWAY_BEACON_DELAY_SECONDS ? Number(env.GIVEAWAY_BEACON_DELAY_SECONDS) : undefined,
        },
      }),
    },
  ],
  modules: [
    ...redisModules,
    {
      key: Modules.PAYMENT,
      resolve: "@medusajs/medusa/payment",
      options: { providers: paymentProviders },
    },
    {
      key: Modules.NOTIFICATION,
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            // "feed" is the admin's in-app notification feed (Medusa's own order export reports there).
            options: { channels: ["email", "feed"] },
          },
        ],
      },
    },
  ],
})
