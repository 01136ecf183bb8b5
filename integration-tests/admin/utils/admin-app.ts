/**
 * Browser tests of the admin as users get it: `medusa build`, then `medusa start`
 * from .medusa/server on a free port, its own database (cloned from the template
 * `npm test` migrated and seeded once per run with the demo data), and Debian's Chromium driven by
 * playwright-core, logged in as the demo admin.
 *
 *   describe("drops page", () => {
 *     const app = useAdminApp("drops")
 *     it("lists the demo drop", async () => {
 *       await app.goto("/drops")
 *       await app.page.getByRole("heading", { name: "Drops" }).waitFor()
 *       const { data } = await app.api.get("/admin/preorder-plans")
 *       await app.screenshot("drops-list")
 *     })
 *   })
 *
 * One server and one browser page per file: tests in a file share the database
 * (unlike the HTTP runner, nothing is reset between tests).
 */
import axios, { AxiosInstance } from "axios"
import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core"
import { DEMO } from "../../../src/scripts/demo/config"
import { freePort } from "../../utils/ports"
import { adminSql, cloneTemplateDatabase, seededTemplateDatabase, testDatabaseUrl } from "../../utils/runner"
import { appEnv, buildDir, ensureAdminBuild, medusaBin, root, runCommand } from "./build"

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const SCREENSHOT_DIR = path.join(root, "docs/admin")
/** Desktop width, the size staff use the admin at. */
export const VIEWPORT = { width: 1440, height: 900 }

export type AdminApp = {
  /** http://localhost:<port> */
  baseUrl: string
  /** Axios on the server with the demo admin's bearer token: assert the API behind each action. */
  api: AxiosInstance
  /** Axios on the server with no credentials (store routes need `storeHeaders(app.webKey)`). */
  http: AxiosInstance
  /** The demo's web storefront publishable key. */
  webKey: string
  /** The demo's mobile-app publishable key. */
  appKey: string
  /** This file's database name (for `adminSql` against it, sparingly). */
  dbName: string
  browser: Browser
  context: BrowserContext
  /** A page logged in to the admin. */
  page: Page
  /** Opens an admin path: goto("/drops") → /app/drops; waits for the network to settle. */
  goto: (adminPath: string) => Promise<void>
  /** Saves a desktop-width screenshot to docs/admin/<name>.png (name in kebab-case, e.g. "drops-list"). */
  screenshot: (name: string, options?: { fullPage?: boolean }) => Promise<string>
  /** The server's output so far (printed when a test fails in beforeAll). */
  serverOutput: () => string
  /** Seconds spent: build (0 when reused), database + seed, server boot, browser + login. */
  timings: Record<string, number>
}

type Options = {
  /** Extra environment for `medusa start`. */
  env?: NodeJS.ProcessEnv
  /** Skip the demo seed (an empty store). */
  seed?: boolean
  /** The browser's time zone (IANA), e.g. to see dates in a store zone and a viewer zone. Default: the machine's. */
  timezoneId?: string
}

export function useAdminApp(name: string, options: Options = {}): AdminApp {
  const app = { timings: {} } as AdminApp
  const dbName = `comeback_admin_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${process.pid}`
  let server: ChildProcess | undefined
  let output = ""
  let stopping = false

  beforeAll(async () => {
    let mark = Date.now()
    const lap = (label: string) => {
      app.timings[label] = (Date.now() - mark) / 1000
      mark = Date.now()
    }
    app.timings.build = await ensureAdminBuild()
    mark = Date.now()

    const env = appEnv({ DATABASE_URL: testDatabaseUrl(dbName), LOG_LEVEL: "error", ...options.env })
    const template = process.env.COMEBACK_TEST_TEMPLATE_DB
    if (template && options.seed !== false) {
      // Seeded once per run (the seed reads none of options.env), cloned per file.
      const seeded = await seededTemplateDatabase(template)
      await cloneTemplateDatabase(dbName, seeded.dbName)
      Object.assign(app, seeded.keys)
    } else if (template) await cloneTemplateDatabase(dbName, template)
    else {
      await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`)
      await runCommand(medusaBin, ["db:migrate"], { cwd: root, env })
    }
    if (!template && options.seed !== false) {
      const seeded = await runCommand(medusaBin, ["exec", "./src/scripts/seed.ts"], { cwd: root, env: { ...env, LOG_LEVEL: "info" } })
      app.webKey = seeded.match(/Web key (pk_\w+)/)?.[1] ?? ""
      app.appKey = seeded.match(/Mobile App key (pk_\w+)/)?.[1] ?? ""
    }
    app.dbName = dbName
    lap("database")

    const port = await freePort()
    app.baseUrl = `http://localhost:${port}`
    server = spawn(medusaBin, ["start"], { cwd: buildDir, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] })
    server.stdout!.on("data", (chunk) => (output += chunk))
    server.stderr!.on("data", (chunk) => (output += chunk))
    // A server that dies mid-file fails every later test with ERR_CONNECTION_REFUSED: say how it died.
    server.once("exit", (code, signal) => {
      if (!stopping) console.error(`medusa start (${app.baseUrl}) exited with ${code ?? signal} during the tests:\n${output.slice(-4000)}`)
    })
    app.serverOutput = () => output
    app.http = axios.create({ baseURL: app.baseUrl })
    const deadline = Date.now() + 180_000
    while (!(await app.http.get("/health").then(() => true, () => false))) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`medusa start never answered:\n${output.slice(-4000)}`)
      await new Promise((r) => setTimeout(r, 300))
    }
    const { data } = await app.http.post("/auth/user/emailpass", { email: DEMO.adminEmail, password: DEMO.adminPassword })
    app.api = axios.create({ baseURL: app.baseUrl, headers: { authorization: `Bearer ${data.token}` } })
    lap("server")

    app.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    })
    app.context = await app.browser.newContext({
      viewport: VIEWPORT,
      locale: "en-US",
      timezoneId: options.timezoneId,
      // `medusa start` runs in production, where the session cookie is Secure and is only
      // set behind TLS: tell it, as a TLS-terminating proxy would, that the request was https.
      extraHTTPHeaders: { "x-forwarded-proto": "https" },
    })
    app.page = await app.context.newPage()
    app.page.setDefaultTimeout(20_000)
    app.goto = async (adminPath: string) => {
      await app.page.goto(`${app.baseUrl}/app${adminPath.startsWith("/") ? adminPath : `/${adminPath}`}`)
      await app.page.waitForLoadState("networkidle")
    }
    app.screenshot = async (shot: string, shotOptions = {}) => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const file = path.join(SCREENSHOT_DIR, `${shot}.png`)
      // Let transitions (drawers, toasts, charts) finish before the picture.
      await app.page.waitForTimeout(400)
      await app.page.screenshot({ path: file, fullPage: shotOptions.fullPage ?? false })
      return file
    }
    await loginThroughForm(app.page, app.baseUrl)
    lap("browser")
  }, 900_000)

  afterAll(async () => {
    stopping = true
    await app.browser?.close().catch(() => undefined)
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r))
      server.kill("SIGTERM")
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
      if (server.exitCode === null) server.kill("SIGKILL")
    }
    await adminSql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined)
  })

  return app
}

/** Logs in as the demo admin through the admin's own login page. */
export async function loginThroughForm(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(DEMO.adminEmail)
  await page.locator('input[name="password"]').fill(DEMO.adminPassword)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((url) => !url.pathname.startsWith("/app/login"), { timeout: 30_000 })
  await page.waitForLoadState("networkidle")
}
