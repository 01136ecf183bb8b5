import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env
const redisUrl = env.REDIS_URL || undefined
const stripeApiKey = env.STRIPE_API_KEY || undefined

/**
 * Public keys of the app backend that signs app attestations
 * (`{"<kid>": "<Ed25519 public key PEM>"}`). Unset outside production: the
 * committed demo key (src/modules/app-channel/demo-key.ts) is trusted instead.
 */
function appAttestationKeys(): Record<string, string> {
  if (env.APP_ATTESTATION_KEYS) return JSON.parse(env.APP_ATTESTATION_KEYS)
  if (env.NODE_ENV === "production") return {}
  const { DEMO_APP_KEY } = require("./src/modules/app-channel/demo-key")
  return { [DEMO_APP_KEY.kid]: DEMO_APP_KEY.public_key_pem }
}

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
      jwtSecret: env.JWT_SECRET || "supersecret",
      cookieSecret: env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    ...redisModules,
    { resolve: "./src/modules/preorder" },
    { resolve: "./src/modules/group-order" },
    {
      resolve: "./src/modules/app-channel",
      options: { providers: [{ id: "signed-token", options: { keys: appAttestationKeys() } }] },
    },
    { resolve: "./src/modules/giveaway" },
    { resolve: "./src/modules/finance-report" },
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
