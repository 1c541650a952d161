// The dependency rule, checked mechanically (docs/architecture.md): apps → adapters → application → domain.
// - packages/domain imports only effect, xstate and its own files: no node:* built-ins, no other workspace package;
//   its tests may add the test libraries.
// - nothing under packages/ imports from adapters/ or apps/ (by package name or by relative path);
// - a relative import never leaves its own workspace package: other packages are reached by their names.
// Import specifiers are read from the source text (static, re-export, dynamic and require forms); the code is
// formatted by Biome, so one specifier sits on one line.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve, sep } from "node:path"

export interface Violation {
  readonly file: string
  readonly line: number
  readonly specifier: string
  readonly rule: string
}

type Layer = "domain" | "packages" | "adapters" | "apps"

interface WorkspacePackage {
  readonly name: string
  readonly dir: string
  readonly layer: Layer
}

const TEST_FILE = /\.(test|spec|bench)\.ts$|[/\\](test|bench)[/\\]/
const TEST_LIBRARIES = ["vitest", "fast-check", "@fast-check/vitest"]
const DOMAIN_LIBRARIES = ["effect", "xstate"]
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/g

const isUnder = (file: string, dir: string) => file === dir || file.startsWith(dir + sep)
const bareName = (specifier: string) => {
  const parts = specifier.split("/")
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier)
}

function listPackages(root: string): WorkspacePackage[] {
  const found: WorkspacePackage[] = []
  for (const group of ["packages", "adapters", "apps"] as const) {
    const groupDir = join(root, group)
    if (!existsSync(groupDir)) continue
    for (const entry of readdirSync(groupDir)) {
      const dir = join(groupDir, entry)
      const manifest = join(dir, "package.json")
      if (!existsSync(manifest)) continue
      const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name
      const layer: Layer = group === "packages" ? (entry === "domain" ? "domain" : "packages") : group
      found.push({ name, dir, layer })
    }
  }
  return found
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    // Tool configuration (vitest.config.ts, ...) is not part of the package's code.
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry) && !/\.d\.ts$|\.config\.[mc]?[jt]s$/.test(entry)) out.push(path)
  }
  return out
}

export function checkDependencyRule(rootDir: string): Violation[] {
  const root = resolve(rootDir)
  const packages = listPackages(root)
  const byName = new Map(packages.map((p) => [p.name, p]))
  const violations: Violation[] = []

  for (const pkg of packages) {
    for (const file of sourceFiles(pkg.dir)) {
      const isTest = TEST_FILE.test(relative(pkg.dir, file))
      const lines = readFileSync(file, "utf8").split("\n")
      lines.forEach((text, index) => {
        for (const match of text.matchAll(SPECIFIER)) {
          const specifier = match[1] as string
          const report = (rule: string) =>
            violations.push({ file: relative(root, file), line: index + 1, specifier, rule })

          if (specifier.startsWith(".")) {
            const target = resolve(dirname(file), specifier)
            if (!isUnder(target, pkg.dir)) {
              const into = relative(root, target).split(sep)[0]
              report(
                pkg.layer !== "adapters" && pkg.layer !== "apps" && (into === "adapters" || into === "apps")
                  ? `packages/ must not import from ${into}/`
                  : "a relative import must not leave its package: import the other package by name",
              )
            }
            continue
          }
          const target = byName.get(bareName(specifier))
          if (pkg.layer === "domain") {
            const allowed = [...DOMAIN_LIBRARIES, ...(isTest ? TEST_LIBRARIES : [])]
            if (target !== undefined || !allowed.includes(bareName(specifier))) {
              report(`packages/domain may import only ${DOMAIN_LIBRARIES.join(", ")} and its own files`)
            }
            continue
          }
          if (pkg.layer === "packages" && target !== undefined) {
            if (target.layer === "adapters" || target.layer === "apps") {
              report(`packages/ must not import from ${target.layer}/ (${target.name})`)
            }
          }
        }
      })
    }
  }
  return violations
}

if (import.meta.filename === process.argv[1]) {
  const root = process.argv[2] ?? join(import.meta.dirname, "..")
  const violations = checkDependencyRule(root)
  for (const v of violations) console.error(`${v.file}:${v.line}: "${v.specifier}": ${v.rule}`)
  if (violations.length > 0) {
    console.error(`dependency rule: ${violations.length} forbidden import(s)`)
    process.exit(1)
  }
  console.log("dependency rule: ok")
}
