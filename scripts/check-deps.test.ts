import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterEach, describe, expect, test } from "vitest"
import { checkDependencyRule } from "./check-deps.ts"

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const manifest = (name: string, dependencies: string[] = [], devDependencies: string[] = []) =>
  JSON.stringify({
    name,
    dependencies: Object.fromEntries(dependencies.map((d) => [d, "*"])),
    devDependencies: Object.fromEntries(devDependencies.map((d) => [d, "*"])),
  })

/** Lays out a small workspace: files maps a path to its text; package.json files name the packages. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "motcua-deps-"))
  made.push(root)
  const withManifests: Record<string, string> = {
    "packages/domain/package.json": manifest("@motcua/domain", ["effect", "xstate"]),
    "packages/application/package.json": manifest(
      "@motcua/application",
      ["@motcua/domain", "effect"],
      ["@motcua/catalog-quangninh", "vitest"],
    ),
    "packages/catalog-quangninh/package.json": manifest("@motcua/catalog-quangninh", ["@motcua/domain", "effect"]),
    "adapters/storage-sql/package.json": manifest("@motcua/storage-sql", [
      "@motcua/application",
      "better-sqlite3",
      "kysely",
    ]),
    "apps/api/package.json": manifest("@motcua/api", ["@motcua/storage-sql", "@motcua/application", "hono"]),
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
    expect(rules[0]).toMatch(/not adapters\/storage-sql/)
    expect(rules[1]).toMatch(/must not leave its package/)
  })

  test("refuses an adapter importing an app, even one it declares", () => {
    const root = workspace({
      "adapters/storage-sql/package.json": manifest("@motcua/storage-sql", ["@motcua/application", "@motcua/api"]),
      "adapters/storage-sql/src/y.ts": 'import { startServer } from "@motcua/api"',
    })
    expect(checkDependencyRule(root).map((v) => [v.specifier, v.rule])).toEqual([
      [
        "@motcua/api",
        "adapters/storage-sql may import only packages/domain, packages/application, not apps/api (@motcua/api)",
      ],
    ])
  })

  test("refuses an adapter importing another adapter", () => {
    const root = workspace({
      "adapters/payment-vietqr/package.json": manifest("@motcua/payment-vietqr", ["@motcua/storage-sql"]),
      "adapters/payment-vietqr/src/a.ts": 'import { SqlStorage } from "@motcua/storage-sql"',
    })
    expect(checkDependencyRule(root).map((v) => v.specifier)).toEqual(["@motcua/storage-sql"])
  })

  test("refuses the sample catalogue in the application's code, allows it in its tests", () => {
    const root = workspace({
      "packages/application/src/x.ts": 'import { loadQuangNinh } from "@motcua/catalog-quangninh"',
      "packages/application/src/x.test.ts": 'import { loadQuangNinh } from "@motcua/catalog-quangninh"',
    })
    const found = checkDependencyRule(root)
    expect(found.map((v) => [v.file, v.specifier])).toEqual([
      ["packages/application/src/x.ts", "@motcua/catalog-quangninh"],
    ])
    expect(found[0]?.rule).toMatch(/may import only packages\/domain/)
  })

  test("refuses kysely (or any npm package it does not declare) in the application", () => {
    const root = workspace({
      "packages/application/src/x.ts": 'import { sql } from "kysely"\nimport type { Pool } from "pg"',
    })
    expect(checkDependencyRule(root).map((v) => [v.line, v.specifier, v.rule])).toEqual([
      [
        1,
        "kysely",
        "kysely is not declared in packages/application/package.json dependencies: a package imports only what it declares",
      ],
      [
        2,
        "pg",
        "pg is not declared in packages/application/package.json dependencies: a package imports only what it declares",
      ],
    ])
  })

  test("a devDependency is for test code only", () => {
    const root = workspace({
      "packages/application/src/x.ts": 'import { test } from "vitest"',
      "packages/application/src/x.test.ts": 'import { test } from "vitest"',
    })
    expect(checkDependencyRule(root).map((v) => v.file)).toEqual(["packages/application/src/x.ts"])
  })

  test("a new adapter or app needs no rule of its own, a package in an unknown folder does", () => {
    const root = workspace({
      "adapters/render-pdf/package.json": manifest("@motcua/render-pdf", ["@motcua/application", "pdf-lib"]),
      "adapters/render-pdf/src/a.ts": 'import { x } from "@motcua/application"\nimport { PDFDocument } from "pdf-lib"',
      "apps/kiosk/package.json": manifest("@motcua/kiosk", ["@motcua/render-pdf"]),
      "apps/kiosk/src/a.ts": 'import { render } from "@motcua/render-pdf"',
    })
    expect(checkDependencyRule(root)).toEqual([])
    const rules = [{ folder: "adapters/*", workspace: [], npm: "declared", nodeBuiltins: true } as const]
    expect(checkDependencyRule(root, rules).map((v) => v.rule)).toContainEqual(
      "no dependency rule covers apps/kiosk: add one to RULES in scripts/check-deps.ts",
    )
  })

  test("SQL text is not read as an import", () => {
    const root = workspace({
      "packages/application/src/x.ts": 'const q = \'select "seq" from "audit_head"\'',
    })
    expect(checkDependencyRule(root)).toEqual([])
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
