// Where a process's time went: the self time of a V8 CPU profile (`node --cpu-prof`), summed by function, by
// file / package and by a coarse layer (SQLite, storage adapter, application, domain, effect's runtime, Schema, hono,
// node, …), the largest first; optionally only inside the call trees of the functions named by --under (e.g. the
// measured side of a bench).
//
//   node bench/cpu-profile.ts PROFILE.cpuprofile [--top N (25)] [--under fnA,fnB]
//
// Self time is the time the sampled stack had the function on top; "(idle)" is the process waiting (for I/O, its
// timers, or its turn on the CPU), "(program)" V8's own work outside JavaScript, "(garbage collector)" GC.
import { readFileSync } from "node:fs"

interface ProfileNode {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
  }
  readonly children?: ReadonlyArray<number>
}

interface CpuProfile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

/** The file, or for dependencies the package, a frame belongs to. */
export function placeOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)"
  if (url.startsWith("node:")) return url
  const path = url.replace(/^file:\/\//, "")
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (dependency !== null) return dependency[1] as string
  const own = /\/((?:packages|adapters|apps|bench)\/.+)$/.exec(path)
  return own !== null ? (own[1] as string) : path
}

/** The coarse layer a frame belongs to, for the first table of a profile. */
export function layerOf(url: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "GC"
  if (url === "") return functionName.startsWith("(") ? functionName : "native (better-sqlite3, builtins)"
  if (url.includes("better-sqlite3")) return "better-sqlite3 JS"
  if (url.includes("/effect/dist/") && /\/(schema|Schema|SchemaAST|SchemaParser|SchemaIssue)/.test(url))
    return "effect Schema"
  if (url.includes("/effect/")) return "effect runtime"
  if (url.includes("/kysely/")) return "kysely"
  if (url.includes("/hono/") || url.includes("@hono")) return "hono"
  if (url.startsWith("node:")) return "node"
  if (url.includes("/xstate/")) return "xstate"
  const own = /\/(packages|adapters|apps|bench)\/([^/]+)\//.exec(url)
  return own === null ? "other" : `${own[1]}/${own[2]}`
}

/**
 * Self time (ms) by function, by place (file or package) and by layer, sorted; with `under`, only the samples whose
 * stack holds one of those functions.
 */
export function summarise(profile: CpuProfile, under?: ReadonlyArray<string>) {
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inScope = (id: number) => {
    if (under === undefined) return true
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (under.includes(byId.get(at)?.callFrame.functionName ?? "")) return true
    return false
  }
  const byFunction = new Map<string, number>()
  const byPlace = new Map<string, number>()
  const byLayer = new Map<string, number>()
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms)
  let total = 0
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0
    if (ms === 0 || !inScope(node.id)) continue
    total += ms
    const { functionName, url, lineNumber } = node.callFrame
    const place = placeOf(url, functionName)
    add(byFunction, `${functionName || "(anonymous)"} ${place}${url === "" ? "" : `:${lineNumber + 1}`}`, ms)
    add(byPlace, place, ms)
    add(byLayer, layerOf(url, functionName), ms)
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])
  return { total, byFunction: sorted(byFunction), byPlace: sorted(byPlace), byLayer: sorted(byLayer) }
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  const file = args[0]
  if (file === undefined) {
    console.error("cách dùng (usage): node bench/cpu-profile.ts PROFILE.cpuprofile [--top N] [--under fnA,fnB]")
    process.exit(2)
  }
  const topAt = args.indexOf("--top")
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25
  const underAt = args.indexOf("--under")
  const under = underAt >= 0 ? (args[underAt + 1] ?? "").split(",") : undefined
  let profile: CpuProfile
  try {
    profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
    if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) throw new Error("no nodes or samples")
  } catch (error) {
    console.error(`${file}: không đọc được hồ sơ CPU (not a readable CPU profile): ${(error as Error).message}`)
    process.exit(2)
  }
  const { total, byFunction, byPlace, byLayer } = summarise(profile, under)
  const line = ([name, ms]: [string, number]) =>
    `${(ms / 1000).toFixed(2).padStart(9)} s ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`
  console.log(
    `${file}: ${(total / 1000).toFixed(1)} s of samples${under === undefined ? "" : ` under ${under.join(", ")}`}`,
  )
  console.log("\nby layer (self time):")
  for (const entry of byLayer) console.log(line(entry))
  console.log("\nby file or package (self time):")
  for (const entry of byPlace.slice(0, top)) console.log(line(entry))
  console.log("\nby function (self time):")
  for (const entry of byFunction.slice(0, top)) console.log(line(entry))
}
