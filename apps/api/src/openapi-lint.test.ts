// The OpenAPI document passes Redocly's recommended rules (@redocly/cli, run here so the test command runs it).
// No error, and no warning but one: `operation-4xx-response` on the four operations that take no input and no
// credentials (/healthz, /readyz, /openapi.json, /docs), which cannot fail with a client error.
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, test } from "vitest"
import { testApp } from "./testing.test-support.ts"

interface LintReport {
  readonly totals: { readonly errors: number; readonly warnings: number }
  readonly problems: ReadonlyArray<{
    readonly ruleId: string
    readonly severity: string
    readonly message: string
    readonly location: ReadonlyArray<{ readonly pointer: string }>
  }>
}

test("the OpenAPI document passes redocly lint (recommended rules)", async () => {
  const { app } = testApp()
  const document = await (await app.request("/openapi.json")).json()
  const dir = mkdtempSync(join(tmpdir(), "motcua-openapi-"))
  try {
    const file = join(dir, "openapi.json")
    writeFileSync(file, JSON.stringify(document))
    const run = spawnSync(
      join(import.meta.dirname, "..", "node_modules", ".bin", "redocly"),
      ["lint", "--extends", "recommended", "--format", "json", file],
      {
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        timeout: 60_000,
      },
    )
    expect(run.error).toBeUndefined()
    const report = JSON.parse(run.stdout) as LintReport
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
    expect(report.totals.errors, problems.join("\n")).toBe(0)
    expect(run.status, run.stderr).toBe(0)
    const unexpected = report.problems.filter(
      (p) =>
        !(
          p.ruleId === "operation-4xx-response" &&
          /^#\/paths\/~1(healthz|readyz|openapi\.json|docs|api~1v1~1auth~1options)\/get\//.test(
            p.location[0]?.pointer ?? "",
          )
        ),
    )
    expect(unexpected.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
