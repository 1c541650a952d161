// The API server as the memory benchmark starts it (workloads/memory-server.ts) bundled ahead with rolldown, to measure
// what running a prebuilt bundle instead of the .ts sources saves (docs/performance.md, "Memory"):
// - tree-shaken and minified: only the code the server reaches, effect's modules included (the sources load effect
//   as one barrel of 247 modules);
// - non-ASCII characters escaped: V8 keeps a script with even one character beyond Latin-1 as two-byte text, and the
//   server's Vietnamese messages would double the whole bundle's source in memory;
// - split into chunks: what the server imports lazily (dynamic import) stays lazy — one file with everything inlined
//   held 15–28 MB more than the sources at rest;
// - native modules (better-sqlite3) left to Node, resolved from here to an absolute path;
// - `import.meta.dirname`/`filename`/`url` of each module replaced by its source's location, so its files (the
//   catalogue's data, the built web pages, the compiled sources' hook) are found where they are.
// The bundle runs only from this checkout (it names its files). memory-server.ts's own restart in place applies the
// server's process settings to it as to the sources.
//   node bench/harness/bundle-server.ts OUT-FOLDER      → OUT-FOLDER/server.js (then: memory.bench.ts --server-script)
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import { rolldown } from "rolldown"

/** Bundles memory-server.ts into `out`; answers the entry's path and how long the build took. */
export async function bundleServer(out: string): Promise<{ readonly entry: string; readonly ms: number }> {
  const started = performance.now()
  const nativeSqlite = createRequire(import.meta.url).resolve("better-sqlite3")
  const bundle = await rolldown({
    input: { server: join(import.meta.dirname, "..", "workloads", "memory-server.ts") },
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
    await bundle.write({
      dir: out,
      format: "esm",
      minify: true,
      charset: "ascii",
      paths: { "better-sqlite3": nativeSqlite },
    })
  } finally {
    await bundle.close()
  }
  return { entry: join(out, "server.js"), ms: performance.now() - started }
}

if (import.meta.filename === process.argv[1]) {
  const out = process.argv[2]
  if (out === undefined) throw new Error("usage: node bench/harness/bundle-server.ts OUT-FOLDER")
  const { entry, ms } = await bundleServer(out)
  console.log(`${entry} (${(ms / 1000).toFixed(1)} s)`)
}
