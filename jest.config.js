const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/**
 * One jest run covers every kind of test (see README "Tests"):
 *   unit        plugin/src/**\/__tests__/*.unit.spec.ts (and bench/__tests__: the benchmark's own pieces)
 *   module      plugin/src/modules/*\/__tests__/*.spec.ts
 *   http        integration-tests/http/*.spec.ts
 *   smoke       integration-tests/smoke/*.spec.ts (boots the app like the README)
 *   admin       integration-tests/admin/*.spec.ts (built admin in Chromium, see utils/admin-app.ts)
 *   topology    integration-tests/topology/*.spec.ts (2 servers + 1 worker on Redis, CI size; needs Redis)
 *   install     integration-tests/install/*.spec.ts (npm pack of the plugin into a separate minimal store)
 * `npm test` (scripts/test.mjs) prepares PostgreSQL and runs them in band.
 */
module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: [
    "<rootDir>/plugin/src/**/__tests__/**/*.spec.[jt]s",
    "<rootDir>/bench/**/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/integration-tests/http/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/smoke/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/admin/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/topology/**/*.spec.[jt]s",
    "<rootDir>/integration-tests/install/**/*.spec.[jt]s",
  ],
  // The browser tests last: their `medusa build` runs in the background meanwhile (scripts/test.mjs).
  testSequencer: "<rootDir>/integration-tests/sequencer.js",
  testTimeout: 120_000,
}
