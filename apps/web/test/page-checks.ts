// What every browser test does to the pages it visits, in one place: a browser context as a person in Vietnam has
// it, axe-core's serious and critical violations, and a screenshot saved under the page's name in test-artifacts/
// (the user guides in docs/guide/ use them).
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import axe from "axe-core"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { expect } from "vitest"

/** Where screenshots, script sizes, timings and axe reports go (git-ignored); made when a test file loads this. */
export const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url))
mkdirSync(ARTIFACTS, { recursive: true })

/** A fresh context (its own cookies) in Vietnamese, on Vietnam's clock, at a desk's screen size. */
export function newContext(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1100, height: 900 },
    acceptDownloads: options.acceptDownloads ?? true,
  })
}

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated through the
 * DevTools protocol, which the pages' content-security policy (same-origin scripts only) does not apply to.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source)
  const results = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page as a global
    const run = await (globalThis as any).axe.run(document, { resultTypes: ["violations"] })
    return run.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }))
  })
  return (results as { id: string; impact: string; targets: string[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.targets.join(", ")}`)
}

/** The page as it is now, full length, saved as test-artifacts/{name}.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** One test file's record of the pages it checked: each page's violations, by the page's name. */
export interface PageChecks {
  readonly violations: Readonly<Record<string, readonly string[]>>
  /** Once the page is idle: checks it with axe-core and takes its screenshot, under one name. */
  readonly record: (page: Page, name: string) => Promise<void>
  /**
   * Asserts that every page named was recorded and that no recorded page has a serious or critical violation; the
   * whole record is written to test-artifacts/{report} first when a report's name is given.
   */
  readonly expectAccessible: (names: readonly string[], report?: string) => void
}

export function pageChecks(): PageChecks {
  const violations: Record<string, string[]> = {}
  return {
    violations,
    record: async (page, name) => {
      await page.waitForLoadState("networkidle")
      violations[name] = await accessibilityViolations(page)
      await screenshot(page, name)
    },
    expectAccessible: (names, report) => {
      if (report !== undefined) writeFileSync(join(ARTIFACTS, report), `${JSON.stringify(violations, null, 2)}\n`)
      const recorded = Object.keys(violations)
      for (const name of names) expect(recorded).toContain(name)
      expect(violations).toEqual(Object.fromEntries(recorded.map((k) => [k, []])))
    },
  }
}
