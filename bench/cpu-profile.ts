// Where a process's time went: the self time of a V8 CPU profile (`node --cpu-prof`), summed by function and by
// file / package, the largest first.
//
//   node bench/cpu-profile.ts PROFILE.cpuprofile [--top N (25)]
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

/** Self time (ms) by function and by place (file or package), sorted. */
export function summarise(profile: CpuProfile) {
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  const byFunction = new Map<string, number>()
  const byPlace = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0
    if (ms === 0) continue
    total += ms
    const { functionName, url, lineNumber } = node.callFrame
    const place = placeOf(url, functionName)
    const name = `${functionName || "(anonymous)"} ${place}${url === "" ? "" : `:${lineNumber + 1}`}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms)
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms)
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])
  return { total, byFunction: sorted(byFunction), byPlace: sorted(byPlace) }
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  const file = args[0]
  if (file === undefined) {
    console.error("cách dùng (usage): node bench/cpu-profile.ts PROFILE.cpuprofile [--top N]")
    process.exit(2)
  }
  const topAt = args.indexOf("--top")
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25
  let profile: CpuProfile
  try {
    profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
    if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples)) throw new Error("no nodes or samples")
  } catch (error) {
    console.error(`${file}: không đọc được hồ sơ CPU (not a readable CPU profile): ${(error as Error).message}`)
    process.exit(2)
  }
  const { total, byFunction, byPlace } = summarise(profile)
  const line = ([name, ms]: [string, number]) =>
    `${(ms / 1000).toFixed(2).padStart(9)} s ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`
  console.log(`${file}: ${(total / 1000).toFixed(1)} s of samples\n\nby file or package (self time):`)
  for (const entry of byPlace.slice(0, top)) console.log(line(entry))
  console.log("\nby function (self time):")
  for (const entry of byFunction.slice(0, top)) console.log(line(entry))
}
