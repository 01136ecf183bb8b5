import type { Locator, Page } from "playwright-core"

/** Page helpers for Medusa's admin UI (@medusajs/ui): prompts, toasts, drawers, menus, tables. */

/** The open confirmation prompt (usePrompt / Prompt): role="alertdialog". */
export const prompt = (page: Page) => page.getByRole("alertdialog")

/** Confirms the open prompt by clicking its confirm button (typing the verification word first if asked). */
export async function confirmPrompt(page: Page, options: { confirmText?: string; verificationText?: string } = {}) {
  const dialog = prompt(page)
  await dialog.waitFor()
  if (options.verificationText) await dialog.locator("input").fill(options.verificationText)
  await dialog.getByRole("button", { name: options.confirmText ?? "Continue" }).click()
  await dialog.waitFor({ state: "hidden" })
}

/** Waits for a toast containing `text` and returns it. */
export async function expectToast(page: Page, text: string | RegExp): Promise<Locator> {
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: text }).first()
  await toast.waitFor()
  return toast
}

/** The open drawer or focus modal (Radix dialog). */
export const dialog = (page: Page) => page.getByRole("dialog")

/** Opens the "…" action menu inside `scope` (by its aria-label) and clicks an item. */
export async function chooseAction(scope: Locator | Page, item: string, menuLabel = "Actions") {
  await scope.getByRole("button", { name: menuLabel }).first().click()
  const page = "page" in scope ? scope.page() : scope
  await page.getByRole("menuitem", { name: item }).click()
}

/** Rows of the first table inside `scope` (header excluded), as text per cell. */
export async function tableRows(scope: Locator | Page): Promise<string[][]> {
  const rows = scope.locator("table tbody tr")
  const count = await rows.count()
  const out: string[][] = []
  for (let i = 0; i < count; i++) out.push((await rows.nth(i).locator("td").allInnerTexts()).map((t) => t.trim()))
  return out
}

/** Polls `check` until it returns a truthy value (API state behind an action settles asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw last instanceof Error ? last : new Error("condition never held")
}
