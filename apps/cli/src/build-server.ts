// `pnpm run build:server`: the command line (run.ts: `motcua serve` and every other command, each command's modules a
// chunk of its own loaded when it runs) bundled ahead with rolldown into build/server (git-ignored), with a manifest
// of the SHA-256 of the sources it was built from; main.ts runs it when they still match (server-bundle.ts).
// The one bundling rule (the memory benchmark's bench/harness/bundle-server.ts uses it too), docs/performance.md "Memory":
// - tree-shaken and minified: only the code the server reaches, effect's modules included (the sources load effect
//   as one barrel of 247 modules);
// - non-ASCII characters escaped: V8 keeps a script with even one character beyond Latin-1 as two-byte text, and the
//   server's Vietnamese messages would double the whole bundle's source in memory;
// - split into chunks: what is imported lazily (dynamic import) stays lazy — one file with everything inlined held
//   15–28 MB more than the sources at rest;
// - native modules (better-sqlite3) and pg-native left to Node, better-sqlite3 resolved from here to an absolute path;
// - `import.meta.dirname`/`filename`/`url` of each module replaced by its source's location, so the files it reads at
//   run time (the catalogue's data, fonts and templates, the built web pages, the compiled sources' hook) are found
//   where they are: the bundle runs only from this checkout.
//   node apps/cli/src/build-server.ts [--if-stale] [OUT-FOLDER]
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative, sep } from "node:path"
import { pathToFileURL } from "node:url"
import { REPOSITORY, sourceHash } from "@motcua/api/compiled-sources"
import { rolldown } from "rolldown"
import {
  type BundleManifest,
  chooseServerBundle,
  SERVER_BUNDLE_ENTRY,
  SERVER_BUNDLE_FOLDER,
  SERVER_BUNDLE_MANIFEST,
} from "./server-bundle.ts"

export interface BundleResult {
  /** Every module the bundle holds (absolute paths). */
  readonly modules: ReadonlyArray<string>
  readonly ms: number
}

/** Bundles `input` (name → entry source) into `out` by the rule above; `out/NAME.js` is each entry. */
export async function bundleNode(input: Readonly<Record<string, string>>, out: string): Promise<BundleResult> {
  const started = performance.now()
  // better-sqlite3 as the storage adapter that uses it finds it
  const nativeSqlite = createRequire(join(REPOSITORY, "adapters", "storage-sql", "package.json")).resolve(
    "better-sqlite3",
  )
  const bundle = await rolldown({
    input: { ...input },
    platform: "node",
    external: [/^node:/, "better-sqlite3", "pg-native"],
    treeshake: true,
    plugins: [
      {
        name: "import-meta-of-the-source",
        transform(code, id) {
          if (!code.includes("import.meta.")) return null
          return code
            .replaceAll("import.meta.dirname", JSON.stringify(dirname(id)))
            .replaceAll("import.meta.filename", JSON.stringify(id))
            .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(id).href))
        },
      },
    ],
  })
  try {
    rmSync(out, { recursive: true, force: true })
    const { output } = await bundle.write({
      dir: out,
      format: "esm",
      minify: true,
      charset: "ascii",
      paths: { "better-sqlite3": nativeSqlite },
    })
    const modules = new Set<string>()
    for (const chunk of output) if (chunk.type === "chunk") for (const id of chunk.moduleIds) modules.add(id)
    return { modules: [...modules], ms: performance.now() - started }
  } finally {
    await bundle.close()
  }
}

/** What the manifest hashes: the repository's own modules in the bundle, the lockfile, this build's code. */
function manifestSources(modules: ReadonlyArray<string>): Record<string, string> {
  const own = modules
    .filter((id) => id.startsWith(REPOSITORY + sep) && !id.includes(`${sep}node_modules${sep}`))
    .map((id) => relative(REPOSITORY, id))
  const files = [...new Set([...own, "pnpm-lock.yaml", relative(REPOSITORY, import.meta.filename)])].sort()
  return Object.fromEntries(files.map((path) => [path, sourceHash(readFileSync(join(REPOSITORY, path)))]))
}

/** Builds the command line's bundle into `out` with its manifest; answers the entry's path and the build's time. */
export async function buildServer(
  out: string = SERVER_BUNDLE_FOLDER,
): Promise<{ readonly entry: string; readonly ms: number; readonly sources: number }> {
  const { modules, ms } = await bundleNode({ motcua: join(import.meta.dirname, "run.ts") }, out)
  const manifest: BundleManifest = { entry: SERVER_BUNDLE_ENTRY, sources: manifestSources(modules) }
  writeFileSync(join(out, SERVER_BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`)
  return { entry: join(out, SERVER_BUNDLE_ENTRY), ms, sources: Object.keys(manifest.sources).length }
}

if (import.meta.filename === process.argv[1]) {
  const args = process.argv.slice(2)
  const ifStale = args.includes("--if-stale") // scripts/start.sh: builds only when the bundle is missing or stale
  const out = args.find((a) => !a.startsWith("--"))
  if (ifStale && out === undefined) {
    const choice = chooseServerBundle({})
    if (choice.run === "bundle") {
      console.log(`${choice.entry} — ${choice.why}`)
      process.exit(0)
    }
  }
  const { entry, ms, sources } = await buildServer(out)
  console.log(`${entry} — ${sources} tệp nguồn (sources) trong bản kê (in the manifest), ${(ms / 1000).toFixed(1)} s`)
}
