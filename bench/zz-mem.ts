import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { layerMemoryStorage, MemoryDatabase } from "@motcua/application"
import { Layer, ManagedRuntime } from "effect"
import { option } from "./harness/cli.ts"
import { type BenchClock, servicesLayer, stageDocuments, useCaseLifecycle } from "./workloads/use-cases.ts"
const count = Number(option("--count") ?? 1000)
const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("no data")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }
const clock: BenchClock = { millis: 0 }
const runtime = ManagedRuntime.make(Layer.merge(layerMemoryStorage(), servicesLayer(data, clock)))
const db = await runtime.runPromise(MemoryDatabase.useSync((d) => d))
const items = await runtime.runPromise(stageDocuments(count + 50, 0))
const reset = () => { db.state = { ...db.state, dossiers: new Map(), audit: [], outbox: new Map(), idempotency: new Map() } }
for (const item of items.slice(0, 50)) { await runtime.runPromise(useCaseLifecycle(clock, item)); reset() }
const cpu = process.cpuUsage(); const t = performance.now()
for (const item of items.slice(50)) { await runtime.runPromise(useCaseLifecycle(clock, item)); reset() }
const ms = performance.now() - t; const u = process.cpuUsage(cpu)
console.log(`in memory: ${(ms / count).toFixed(3)} ms a lifecycle, cpu ${((u.user + u.system) / 1000 / count).toFixed(3)} ms`)
await runtime.dispose()
