// docs/lifecycle-actions.md publishes which state takes which event and who may send it; the table there must be
// exactly what the machine's tables say today (lifecycleRulesMarkdown), and each action's OpenAPI description says
// the same.
import { readFileSync } from "node:fs"
import { lifecycleRules, lifecycleRulesMarkdown } from "@motcua/domain"
import { expect, it } from "vitest"
import { testApp } from "./testing.test-support.ts"

const DOC = new URL("../../../docs/lifecycle-actions.md", import.meta.url)

it("docs/lifecycle-actions.md carries the machine's current table", () => {
  const text = readFileSync(DOC, "utf8")
  const generated = /<!-- generated: lifecycleRulesMarkdown\(\) -->\n([\s\S]*?)\n<!-- end generated -->/.exec(text)?.[1]
  expect(generated, "regenerate the table in docs/lifecycle-actions.md from lifecycleRulesMarkdown()").toBe(
    lifecycleRulesMarkdown(),
  )
})

it("each lifecycle action's OpenAPI description names the states that take it and who may send it", async () => {
  const document = (await (await testApp().app.request("/openapi.json")).json()) as {
    paths: Record<string, { post?: { description?: string } }>
  }
  const approve = document.paths["/api/v1/dossiers/{code}/approve"]?.post?.description ?? ""
  const rule = lifecycleRules().find((r) => r.event === "approve")
  expect(approve).toContain(rule?.who ?? "missing")
  expect(approve).toContain("accepted → working")
})
