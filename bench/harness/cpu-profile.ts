// Sums the self time of a V8 CPU profile (`node --cpu-prof`) by function and by file, and by a coarse layer
// (better-sqlite3, storage adapter, application, domain, effect runtime, Schema, hono, node, …), optionally only
// inside the call trees of the functions named by --under (e.g. the measured side of a bench). Prints the top rows
// with their share of the total. docs/performance.md quotes its tables.
//
//   node bench/harness/cpu-profile.ts PROFILE.cpuprofile [--under fnA,fnB] [--top 40]
import { readFileSync } from "node:fs"

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: ReadonlyArray<number>
}
interface Profile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const file = args[0]
if (file === undefined) throw new Error("usage: node bench/harness/cpu-profile.ts PROFILE.cpuprofile [--under f,g]")
const under = option("--under")?.split(",")
const top = Number(option("--top") ?? 40)
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const selfMs = new Map<number, number>()
profile.samples.forEach((id, i) => {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
})

const inScope = (id: number) => {
  if (under === undefined) return true
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    if (under.includes(byId.get(at)?.callFrame.functionName ?? "")) return true
  }
  return false
}

const shortFile = (url: string) =>
  url === ""
    ? "(native)"
    : url
        .replace(/^file:\/\//, "")
        .replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")
        .replace(/^.*\/(packages|adapters|apps|bench)\//, "$1/")

const layerOf = (url: string, fn: string) => {
  if (fn === "(garbage collector)") return "GC"
  if (fn === "(idle)" || fn === "(program)") return fn
  if (url === "") return fn.startsWith("(") ? fn : "native (better-sqlite3, builtins)"
  if (url.includes("better-sqlite3")) return "better-sqlite3 JS"
  if (url.includes("/effect/dist/") && /\/(schema|Schema|SchemaAST|SchemaParser|SchemaIssue)/.test(url))
    return "effect Schema"
  if (url.includes("/effect/")) return "effect runtime"
  if (url.includes("/kysely/")) return "kysely"
  if (url.includes("/hono/") || url.includes("@hono")) return "hono"
  if (url.startsWith("node:")) return "node"
  if (url.includes("/xstate/")) return "xstate"
  const m = /\/(packages|adapters|apps|bench)\/([^/]+)\//.exec(url)
  return m === null ? "other" : `${m[1]}/${m[2]}`
}

const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
const byLayer = new Map<string, number>()
let total = 0
for (const [id, ms] of selfMs) {
  if (!inScope(id)) continue
  const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? { functionName: "?", url: "", lineNumber: 0 }
  if (functionName === "(idle)" || functionName === "(program)") continue
  total += ms
  const f = shortFile(url)
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + ms)
  add(byFunction, `${functionName || "(anonymous)"} ${f}:${lineNumber + 1}`)
  add(byFile, f)
  add(byLayer, layerOf(url, functionName))
}

const print = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title} (self time, ${total.toFixed(0)} ms in scope, idle and (program) excluded)`)
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${key}`)
  }
}
print("By layer", byLayer, 30)
print("By file", byFile, top)
print("By function", byFunction, top)
