// The API server as the memory benchmark starts it (workloads/memory-server.ts) bundled ahead by the project's one
// bundling rule (apps/cli/src/build-server.ts: `pnpm run build:server` bundles `motcua` by it), to measure what
// running a prebuilt bundle instead of the .ts sources saves (docs/performance.md, "Memory"). The bundle runs only
// from this checkout (it names its files). memory-server.ts's own restart in place applies the server's process
// settings to it as to the sources.
//   node bench/harness/bundle-server.ts OUT-FOLDER      → OUT-FOLDER/server.js (then: memory.bench.ts --server-script)
import { join } from "node:path"
import { bundleNode } from "@motcua/cli/build-server"

/** Bundles memory-server.ts into `out`; answers the entry's path and how long the build took. */
export async function bundleServer(out: string): Promise<{ readonly entry: string; readonly ms: number }> {
  const { ms } = await bundleNode({ server: join(import.meta.dirname, "..", "workloads", "memory-server.ts") }, out)
  return { entry: join(out, "server.js"), ms }
}

if (import.meta.filename === process.argv[1]) {
  const out = process.argv[2]
  if (out === undefined) throw new Error("usage: node bench/harness/bundle-server.ts OUT-FOLDER")
  const { entry, ms } = await bundleServer(out)
  console.log(`${entry} (${(ms / 1000).toFixed(1)} s)`)
}
