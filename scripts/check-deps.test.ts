import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterEach, describe, expect, test } from "vitest"
import { checkDependencyRule } from "./check-deps.ts"

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Lays out a small workspace: files maps a path to its text; package.json files name the packages. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "motcua-deps-"))
  made.push(root)
  const withManifests: Record<string, string> = {
    "packages/domain/package.json": '{"name":"@motcua/domain"}',
    "packages/application/package.json": '{"name":"@motcua/application"}',
    "adapters/storage-sql/package.json": '{"name":"@motcua/storage-sql"}',
    "apps/api/package.json": '{"name":"@motcua/api"}',
    ...files,
  }
  for (const [path, text] of Object.entries(withManifests)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe("dependency rule", () => {
  test("accepts the allowed directions", () => {
    const root = workspace({
      "packages/domain/src/a.ts":
        'import { Schema } from "effect"\nimport { setup } from "xstate"\nimport { b } from "./b.ts"',
      "packages/domain/src/b.ts": "export const b = 1",
      "packages/domain/src/a.test.ts": 'import { test } from "vitest"\nimport fc from "fast-check"',
      "packages/application/src/x.ts": 'import { a } from "@motcua/domain"',
      "adapters/storage-sql/src/y.ts": 'import { x } from "@motcua/application"\nimport Database from "better-sqlite3"',
      "apps/api/src/z.ts": 'import { y } from "@motcua/storage-sql"\nimport { readFileSync } from "node:fs"',
    })
    expect(checkDependencyRule(root)).toEqual([])
  })

  test("refuses node built-ins, other libraries and workspace packages in the domain", () => {
    const root = workspace({
      "packages/domain/src/a.ts": [
        'import { readFileSync } from "node:fs"',
        'import { x } from "@motcua/application"',
        'export { y } from "lodash"',
        'const z = await import("fs")',
      ].join("\n"),
    })
    const found = checkDependencyRule(root).map((v) => [v.line, v.specifier])
    expect(found).toEqual([
      [1, "node:fs"],
      [2, "@motcua/application"],
      [3, "lodash"],
      [4, "fs"],
    ])
  })

  test("test libraries are allowed only in domain tests", () => {
    const root = workspace({ "packages/domain/src/a.ts": 'import fc from "fast-check"' })
    expect(checkDependencyRule(root)).toHaveLength(1)
  })

  test("refuses imports from adapters or apps under packages/, by name or by path", () => {
    const root = workspace({
      "packages/application/src/x.ts":
        'import { y } from "@motcua/storage-sql"\nimport { z } from "../../../apps/api/src/z.ts"',
    })
    const rules = checkDependencyRule(root).map((v) => v.rule)
    expect(rules).toHaveLength(2)
    expect(rules[0]).toMatch(/adapters/)
    expect(rules[1]).toMatch(/apps/)
  })

  test("refuses relative imports that leave the package", () => {
    const root = workspace({ "apps/api/src/z.ts": 'import { a } from "../../../packages/domain/src/a.ts"' })
    expect(checkDependencyRule(root).map((v) => v.rule)).toEqual([
      "a relative import must not leave its package: import the other package by name",
    ])
  })

  test("the repository itself keeps the rule", () => {
    expect(checkDependencyRule(join(import.meta.dirname, ".."))).toEqual([])
  })
})
