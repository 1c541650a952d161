// The use-case side of lifecycle.bench.ts alone, for a CPU profile: N lifecycles through the use cases on a fresh
// SQLite file (no floor, no planner, so the whole profile is the measured side), after a warm-up of 20.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-lifecycle.ts [--count 400] [--synchronous NORMAL|FULL]
//        [--pg URL]   (PostgreSQL instead: a fresh database on that server, dropped after)
//   node bench/cpu-profile.ts /tmp/prof/*.cpuprofile --under useCaseLifecycle
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { type SqliteSynchronous, SqlStorage } from "@motcua/storage-sql"
import { freshPostgresDatabase } from "@motcua/storage-sql/testing"
import { Layer, ManagedRuntime } from "effect"
import { loadAverage, option } from "./harness/cli.ts"
import { type BenchClock, servicesLayer, stageDocuments, useCaseLifecycle } from "./workloads/use-cases.ts"

const count = Number(option("--count") ?? 400)
const synchronous = (option("--synchronous") ?? "NORMAL") as SqliteSynchronous
const pgUrl = option("--pg")

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }

const folder = mkdtempSync(join(tmpdir(), "motcua-profile-uc-"))
const postgres = pgUrl === undefined ? undefined : await freshPostgresDatabase(pgUrl, "motcua_profile")
const documentsDir = join(folder, "documents")
const storage =
  postgres === undefined
    ? SqlStorage.layerSqlite({ file: join(folder, "p.sqlite"), synchronous, documentsDir })
    : SqlStorage.layerPostgres({ url: postgres.url, documentsDir })
const where = postgres === undefined ? `SQLite ${synchronous}` : "PostgreSQL"
const clock: BenchClock = { millis: 0 }
const runtime = ManagedRuntime.make(Layer.merge(storage, servicesLayer(data, clock)))
try {
  const items = await runtime.runPromise(stageDocuments(count + 20, 0))
  for (const item of items.slice(0, 20)) await runtime.runPromise(useCaseLifecycle(clock, item))
  const started = performance.now()
  for (const item of items.slice(20)) await runtime.runPromise(useCaseLifecycle(clock, item))
  const ms = performance.now() - started
  console.log(
    `${count} lifecycles (${where}): ${(ms / count).toFixed(2)} ms each, ${((1000 * count) / ms).toFixed(1)}/s, load ${loadAverage()}`,
  )
} finally {
  await runtime.dispose()
  rmSync(folder, { recursive: true, force: true })
  await postgres?.drop()
}
