// The dependency rule, checked mechanically (docs/architecture.md): apps → adapters → application → domain, as an
// allow-list per package. Each workspace package gets the first rule of RULES whose folder matches it (an exact
// folder before a `group/*` one): which workspace packages it may import, and which npm packages.
// - Workspace packages: only those the rule lists (by folder), and only if the package.json declares them.
// - npm packages: only those the package.json declares (`dependencies`; test code also `devDependencies`), so an
//   import that resolves only because pnpm hoisted it is refused too; the domain has a fixed list instead.
// - Node built-ins (`node:fs`): everywhere but the domain.
// - Test code (*.test.ts, *.bench.ts, *.test-support.ts, testing.ts, test/ and bench/ folders) may also import the
//   rule's `testWorkspace` packages (the sample catalogue, the testkit) and the test libraries.
// - A relative import never leaves its own workspace package: other packages are reached by their names.
// Adding an adapter or an app needs no change here: `adapters/*` and `apps/*` cover it, and its package.json says
// which npm packages it uses. Import specifiers are read from the source text (static, re-export, dynamic and
// require forms); the code is formatted by Biome, so one specifier sits on one line.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join, relative, resolve, sep } from "node:path"

export interface Violation {
  readonly file: string
  readonly line: number
  readonly specifier: string
  readonly rule: string
}

export interface DependencyRule {
  /** `packages/domain` (one package) or `adapters/*` (every package in the folder). */
  readonly folder: string
  /** Workspace packages its code may import, as folders (`packages/domain`) or groups (`adapters/*`). */
  readonly workspace: ReadonlyArray<string>
  /** Workspace packages its test code may import besides. */
  readonly testWorkspace?: ReadonlyArray<string>
  /** npm packages: "declared" (its package.json), or a fixed list (test code adds the test libraries). */
  readonly npm: "declared" | ReadonlyArray<string>
  readonly nodeBuiltins: boolean
}

const SAMPLE_AND_TEST_PACKAGES = ["packages/catalog-quangninh", "packages/testkit"]
const LIBRARY = ["packages/domain", "packages/application"]

export const RULES: ReadonlyArray<DependencyRule> = [
  // The pure core: no I/O, no other package.
  { folder: "packages/domain", workspace: [], npm: ["effect", "xstate"], nodeBuiltins: false },
  // Use cases over ports: never a deployment's data (catalog-quangninh) nor a storage library (kysely, pg).
  {
    folder: "packages/application",
    workspace: ["packages/domain"],
    testWorkspace: SAMPLE_AND_TEST_PACKAGES,
    npm: "declared",
    nodeBuiltins: true,
  },
  // Sample data and the testkit sit beside the application.
  {
    folder: "packages/*",
    workspace: LIBRARY,
    testWorkspace: SAMPLE_AND_TEST_PACKAGES,
    npm: "declared",
    nodeBuiltins: true,
  },
  // The assistant's language-model adapter implements the assistant package's port (Phraser).
  {
    folder: "adapters/assistant-openai",
    workspace: [...LIBRARY, "packages/assistant"],
    testWorkspace: [...SAMPLE_AND_TEST_PACKAGES, "packages/assistant"],
    npm: "declared",
    nodeBuiltins: true,
  },
  // An adapter implements ports of the application: never another adapter, never an app.
  {
    folder: "adapters/*",
    workspace: LIBRARY,
    testWorkspace: SAMPLE_AND_TEST_PACKAGES,
    npm: "declared",
    nodeBuiltins: true,
  },
  // The CLI's `serve` and `seed` run the API server itself; `portal-sim` runs the stand-in national portal.
  {
    folder: "apps/cli",
    workspace: ["packages/*", "adapters/*", "apps/api", "apps/portal-sim"],
    npm: "declared",
    nodeBuiltins: true,
  },
  // The web pages import only their own npm packages (the API is reached over HTTP with generated types); their
  // tooling and tests (scripts/, test/) build the OpenAPI document from the API and start a real server, with the
  // adapters' test stand-ins (an OpenID provider, the payment gateway's simulator) beside it.
  {
    folder: "apps/web",
    workspace: [],
    // the citizen pages' test signs in through a real OpenID provider and pays on the gateway's simulator; the
    // officer's test reads a card through a serial reader's stand-in port
    testWorkspace: [
      "apps/api",
      "packages/catalog-quangninh",
      "adapters/identity-oidc",
      "adapters/payment-gateway",
      "adapters/device-card-reader",
    ],
    npm: "declared",
    nodeBuiltins: true,
  },
  // The counter agent talks to the API over HTTP only; its tests start a real API server to pair with and upload to.
  {
    folder: "apps/counter-agent",
    workspace: ["packages/*", "adapters/*"],
    testWorkspace: ["apps/api", "packages/catalog-quangninh"],
    npm: "declared",
    nodeBuiltins: true,
  },
  // An app wires the library and adapters together; it is never imported by another app unless listed above.
  { folder: "apps/*", workspace: ["packages/*", "adapters/*"], npm: "declared", nodeBuiltins: true },
]

const TEST_LIBRARIES = ["vitest", "fast-check", "@fast-check/vitest"]
// Test code, and a package's own tooling folder (`scripts/`: code generators run at build time, never shipped).
const TEST_FILE =
  /\.(test|spec|bench)\.ts$|\.test-support\.ts$|(^|[/\\])testing\.ts$|(^|[/\\])(test|bench|test-support|scripts)[/\\]/
// `from "…"` counts only on an import or export line (or the closing line of a multi-line one), so SQL text such as
// `select … from "audit_head"` is not taken for an import.
const SPECIFIER =
  /(?:^\s*(?:import|export)\b[^"'`]*?\bfrom\s*|^\s*\}\s*from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/g
const BUILTINS = new Set(builtinModules)

interface WorkspacePackage {
  readonly name: string
  readonly dir: string
  /** `adapters/storage-sql`, with forward slashes. */
  readonly folder: string
  readonly dependencies: ReadonlySet<string>
  readonly devDependencies: ReadonlySet<string>
}

const isUnder = (file: string, dir: string) => file === dir || file.startsWith(dir + sep)
const bareName = (specifier: string) => {
  const parts = specifier.split("/")
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier)
}
const isBuiltin = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(bareName(specifier))
const matches = (pattern: string, folder: string) =>
  pattern.endsWith("/*") ? dirname(folder) === pattern.slice(0, -2) : pattern === folder

/** The rule of a package folder: an exact folder before a `group/*` pattern. */
export const ruleFor = (folder: string, rules: ReadonlyArray<DependencyRule> = RULES) =>
  rules.find((r) => r.folder === folder) ?? rules.find((r) => matches(r.folder, folder))

function listPackages(root: string): WorkspacePackage[] {
  const found: WorkspacePackage[] = []
  for (const group of ["packages", "adapters", "apps"] as const) {
    const groupDir = join(root, group)
    if (!existsSync(groupDir)) continue
    for (const entry of readdirSync(groupDir)) {
      const dir = join(groupDir, entry)
      const manifest = join(dir, "package.json")
      if (!existsSync(manifest)) continue
      const json = JSON.parse(readFileSync(manifest, "utf8")) as {
        name: string
        dependencies?: Record<string, string>
        devDependencies?: Record<string, string>
      }
      found.push({
        name: json.name,
        dir,
        folder: `${group}/${entry}`,
        dependencies: new Set(Object.keys(json.dependencies ?? {})),
        devDependencies: new Set(Object.keys(json.devDependencies ?? {})),
      })
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

export function checkDependencyRule(rootDir: string, rules: ReadonlyArray<DependencyRule> = RULES): Violation[] {
  const root = resolve(rootDir)
  const packages = listPackages(root)
  const byName = new Map(packages.map((p) => [p.name, p]))
  const violations: Violation[] = []

  for (const pkg of packages) {
    const rule = ruleFor(pkg.folder, rules)
    if (rule === undefined) {
      violations.push({
        file: `${pkg.folder}/package.json`,
        line: 1,
        specifier: pkg.name,
        rule: `no dependency rule covers ${pkg.folder}: add one to RULES in scripts/check-deps.ts`,
      })
      continue
    }
    for (const file of sourceFiles(pkg.dir)) {
      const isTest = TEST_FILE.test(relative(pkg.dir, file))
      const lines = readFileSync(file, "utf8").split("\n")
      lines.forEach((text, index) => {
        for (const match of text.matchAll(SPECIFIER)) {
          const specifier = match[1] as string
          const report = (why: string) =>
            violations.push({ file: relative(root, file), line: index + 1, specifier, rule: why })
          const declared = (name: string) => pkg.dependencies.has(name) || (isTest && pkg.devDependencies.has(name))

          if (specifier.startsWith(".")) {
            if (!isUnder(resolve(dirname(file), specifier), pkg.dir)) {
              report("a relative import must not leave its package: import the other package by name")
            }
            continue
          }
          const name = bareName(specifier)
          const target = byName.get(name)
          if (target !== undefined) {
            if (target === pkg) continue
            const allowed = [...rule.workspace, ...(isTest ? (rule.testWorkspace ?? []) : [])]
            if (!allowed.some((pattern) => matches(pattern, target.folder))) {
              report(
                `${pkg.folder} may import only ${rule.workspace.length === 0 ? "no workspace package" : rule.workspace.join(", ")}${isTest && rule.testWorkspace ? ` (tests also ${rule.testWorkspace.join(", ")})` : ""}, not ${target.folder} (${target.name})`,
              )
            } else if (!declared(name)) {
              report(`${name} is not declared in ${pkg.folder}/package.json`)
            }
            continue
          }
          if (isBuiltin(specifier)) {
            if (!rule.nodeBuiltins) report(`${pkg.folder} may not use Node built-ins (${specifier})`)
            continue
          }
          if (rule.npm === "declared") {
            if (!declared(name)) {
              report(
                `${name} is not declared in ${pkg.folder}/package.json${isTest ? "" : " dependencies"}: a package imports only what it declares`,
              )
            }
          } else if (!rule.npm.includes(name) && !(isTest && TEST_LIBRARIES.includes(name))) {
            report(`${pkg.folder} may import only ${rule.npm.join(", ")} and its own files`)
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
