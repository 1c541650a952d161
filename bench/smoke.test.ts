// The smoke run of every benchmark, so that a change that breaks a benchmark fails CI: for each SQL benchmark, one
// lifecycle (or filing) on each side, then its own checks — both sides execute the same statements in the same order
// (SQLite), both hold the rows that lifecycle writes, both audit chains end at the same head; for the calendar and
// dossier-machine benchmarks, their opening checks (both implementations agree; the lifecycle replays to the
// result); for the assistant benchmark, every question of its evaluation sets answered once with an answer it may
// give, citing only the catalogue's procedures; for the signing benchmark, one result signed by each side, the
// adapter's PDF accepted by pdfsig and openssl, openssl's CMS by openssl cms -verify; for the 766 index report, a
// small generated store whose report equals the hand-written SQL's counts, and the API server's memory measured (with
// the server's process settings) at rest and during the month's and the year's report, each answering 200; for the
// memory benchmark, `motcua simulate` of 20 dossiers, `catalogue import` of 1,500 generated procedures and the API
// server under 3 s of filing load, each in its own process with its resident set sampled, each run's data checked
// (dossiers and audit entries, imported procedures, one dossier and idempotency row per 201); for the national day,
// 24 dossiers by 4 clients through the use cases and the relay to the portal simulator, with the day's own checks
// (states, versions, audit chain, outbox drained, the simulator's records), the group commit's batches and each
// process's CPU time counted; for PostgreSQL's commit_delay, 16 lifecycles by 8 clients with the delay shown on the
// measured side's connections, both sides' rows and chains checked; the CPU profile summary (cpu-profile.ts) over a real profile of a small busy script.
// No timing or memory figure is asserted here (the figures and the 150 MB bar belong to `pnpm bench`).
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SERVER_ENVIRONMENT, SERVER_V8_FLAGS } from "@motcua/api/process-settings"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { vietnamDate } from "@motcua/domain"
import { openSqlite } from "@motcua/storage-sql"
import { testPostgresUrl } from "@motcua/storage-sql/testing"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { summarise } from "./cpu-profile.ts"
import { bundleServer } from "./harness/bundle-server.ts"
import { assistantWorkload } from "./workloads/assistant.ts"
import { calendarWorkload } from "./workloads/calendar.ts"
import { dossierWorkload } from "./workloads/dossier-machine.ts"
import { smokeGroupCommit } from "./workloads/group-commit.ts"
import { smokeHttp } from "./workloads/http-filing.ts"
import { buildIndexDatabase, checkEqual, floorRunner, reportRunner, serverMemory } from "./workloads/index-report.ts"
import { generatedCode, importRun, serverRun, simulateRun } from "./workloads/memory.ts"
import { runNationalDay } from "./workloads/national-day.ts"
import { smokePgCommit } from "./workloads/pg-commit.ts"
import { smokePortalRelay } from "./workloads/portal-relay.ts"
import { smokeSigning } from "./workloads/signing.ts"
import { smokeStorage } from "./workloads/storage-run.ts"
import { smokeUseCases } from "./workloads/use-case-run.ts"

const data = Result.getOrThrow(loadQuangNinh())
const catalog = {
  catalogue: data.catalogue,
  jurisdiction: data.jurisdiction,
  ...(data.holidays ? { holidays: data.holidays } : {}),
}
const pgUrl = testPostgresUrl()

describe("benchmark smoke runs (one lifecycle, checks only)", () => {
  test("storage lifecycle on SQLite: the adapter and the floor execute the same statements and rows", async () => {
    expect(await smokeStorage("sqlite-normal")).toBeGreaterThan(20)
  })

  test("use-case lifecycle on SQLite: the use cases and the floor execute the same statements and rows", async () => {
    expect(await smokeUseCases("sqlite-full", catalog)).toBeGreaterThan(50)
  })

  test("group commit: 16 lifecycles by 8 clients with it on and off, every row written, both audit chains intact", async () => {
    expect(await smokeGroupCommit()).toBe(16)
  })

  test("HTTP filing: the API and the bare handler execute the same statements and rows", async () => {
    expect(await smokeHttp(data)).toBeGreaterThan(8)
  })

  test("portal relay: the relay and the bare client each deliver every push of their dossiers to the simulator", async () => {
    expect(await smokePortalRelay()).toBeGreaterThan(30)
  })

  test("national day: a few dozen dossiers by 4 clients over one SQLite (FULL, group commit), every row checked", async () => {
    // runNationalDay throws DayCheckFailed on any lost or wrong row (states, versions, audit chain, outbox, simulator)
    const day = await runNationalDay({
      dossiers: 24,
      clients: 4,
      storage: "sqlite",
      batch: 16,
      relayConcurrency: 4,
      log: () => {},
    })
    expect(day.dossiers).toBe(24)
    expect(day.transitions).toBeGreaterThan(24)
    expect(day.portalRows).toBeGreaterThanOrEqual(24)
    expect(new Set(Object.keys(day.byChannel)).size).toBeGreaterThan(1)
    // every operation of the day went through a batch's COMMIT, none larger than the bound
    expect(day.batches?.operations).toBeGreaterThanOrEqual(day.transitions)
    expect(day.batches?.max).toBeLessThanOrEqual(16)
    expect(day.batches?.histogram.reduce((n, [, c]) => n + c, 0)).toBe(day.batches?.commits)
    // CPU counted for the clients' process (the relay inside it) and for the simulator's, which did the receiving
    expect(day.cpu.clients).toBeGreaterThan(0)
    expect(day.cpu.portalSim).toBeGreaterThan(0)
  }, 300_000)

  test("CPU profile summary: a busy function of a real profile comes first by self time", () => {
    const folder = mkdtempSync(join(tmpdir(), "motcua-prof-"))
    try {
      const script = join(folder, "busy.mjs")
      writeFileSync(
        script,
        "function spinForAWhile() { let x = 0; const end = Date.now() + 300; while (Date.now() < end) x += Math.sqrt(x + 1); return x }\nspinForAWhile()\n",
      )
      execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", folder, script])
      const file = readdirSync(folder).find((f) => f.endsWith(".cpuprofile"))
      expect(file).toBeDefined()
      const profile = JSON.parse(readFileSync(join(folder, file as string), "utf8"))
      const { total, byFunction, byPlace } = summarise(profile)
      expect(total).toBeGreaterThan(200)
      expect(byFunction[0]?.[0]).toMatch(/^spinForAWhile .*busy\.mjs:1$/)
      expect(byPlace.map(([place]) => place)).toContain(script)
      // --under: only the samples inside that function's calls (its own time and what it called)
      const inside = summarise(profile, ["spinForAWhile"])
      expect(inside.total).toBeGreaterThan(200)
      expect(inside.total).toBeLessThan(total)
      expect(inside.byFunction.map(([name]) => name.split(" ")[0])).not.toContain("(idle)")
      expect(summarise(profile, ["noSuchFunction"]).total).toBe(0)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  test("calendar: the module and the day-by-day floor agree", () => {
    const { starts } = calendarWorkload(100)
    expect(starts).toHaveLength(100)
  })

  test("dossier machine: the lifecycle replays to the result, each case runs", () => {
    const w = dossierWorkload()
    for (const f of [w.plainOnce, w.decideOnce, w.decideFromJson, w.plainLifecycle, w.lifecycle]) f()
    expect(w.events.length).toBeGreaterThan(5)
  })

  test("assistant: every evaluation question answered, citing only procedures of the catalogue", () => {
    const w = assistantWorkload()
    expect(w.smoke()).toBe(w.questions.length)
    expect(w.questions.length).toBeGreaterThan(500)
  })

  test("signing: one result each side; pdfsig and openssl accept the adapter's, openssl accepts its own", async () => {
    // smokeSigning throws when our verifier refuses the adapter's PDF or openssl refuses its own CMS
    const { pdfsig, opensslOnAdapter } = await smokeSigning()
    expect(pdfsig).toContain("Signature Validation: Signature is Valid.")
    expect(pdfsig).toContain("Total document signed")
    expect(opensslOnAdapter).toContain("Verification successful")
  })

  test("766 index report: over 3,000 generated dossiers the report's numbers equal the hand-written SQL's; the API server's memory is measured at rest and during the month's and the year's report", async () => {
    const folder = mkdtempSync(join(tmpdir(), "motcua-smoke-index-"))
    try {
      const file = join(folder, "index.sqlite")
      const built = await buildIndexDatabase(file, data, 3_000)
      expect([built.units, built.procedures]).toEqual([54, 48])
      // the dossier report's columns are filled as the store fills them: every row has its status, its day of receipt
      // (Vietnam time) and its class, and every class occurs
      const { raw } = openSqlite({ file })
      try {
        const rows = raw
          .prepare("select received_at, received_day, status_code, timeliness from indicator_fact")
          .all() as Array<{
          received_at: string
          received_day: string | null
          status_code: number | null
          timeliness: string | null
        }>
        expect(rows).toHaveLength(3_000)
        expect(rows.filter((r) => r.received_day !== vietnamDate(r.received_at) || r.status_code === null)).toEqual([])
        expect(new Set(rows.map((r) => r.timeliness))).toEqual(
          new Set(["early", "on-time", "late", "pending", "not-counted"]),
        )
      } finally {
        raw.close()
      }
      const measured = reportRunner(file, data)
      const floor = floorRunner(file, data)
      try {
        for (const period of ["2025-06", "2024"]) {
          const report = await measured.run(period)
          expect(checkEqual(report, floor.run(period).dossiers)).toBeGreaterThanOrEqual(54)
        }
      } finally {
        await measured.close()
        floor.close()
      }
      // the server's memory: measured in a process started as the server is, with its settings; no figure is asserted
      const memory = serverMemory(file, "2025-06", "2025")
      expect(memory.settings.execArgv).toEqual(expect.arrayContaining([...SERVER_V8_FLAGS]))
      expect(memory.settings.MALLOC_ARENA_MAX).toBe(SERVER_ENVIRONMENT.MALLOC_ARENA_MAX)
      for (const report of [memory.month, memory.year]) {
        expect(report.status).toBe(200)
        expect(report.bytes).toBeGreaterThan(0)
        // the peak is the high-water mark since just before the request: at least what is resident after it
        expect(report.peakRssMb).toBeGreaterThanOrEqual(report.afterRssMb - 1)
      }
      expect(memory.restRssMb).toBeGreaterThan(0)
      expect(memory.peakRssMb).toBe(Math.max(memory.restRssMb, memory.month.peakRssMb, memory.year.peakRssMb))
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 300_000)

  test("memory: simulate, catalogue import and the API server under load, each in its own process, sampled and checked", async () => {
    // each run throws when its data is wrong (dossiers, audit entries, imported procedures, one row per 201)
    const simulated = await simulateRun(20)
    expect(simulated.checked).toMatch(/^20 dossiers/)
    const imported = await importRun(1_500)
    expect(imported.checked).toMatch(/^1500 procedures imported/)
    const served = await serverRun(3_000, 1_000, 200)
    expect(served.n % 200).toBe(0)
    expect(served.execArgv).toEqual(expect.arrayContaining([...SERVER_V8_FLAGS]))
    for (const run of [simulated, imported, served]) {
      // the sampler read the process: no figure is asserted, only that there is one
      expect(run.peakMb).toBeGreaterThan(0)
      expect(run.load).toHaveLength(2)
    }
    expect(generatedCode(0)).toBe("9.000000")
    expect(generatedCode(1_234_567)).toBe("8.234567")
  }, 300_000)

  test("memory: the API server bundled ahead (harness/bundle-server.ts) serves the filing load with its settings", async () => {
    const out = mkdtempSync(join(tmpdir(), "motcua-smoke-bundle-"))
    try {
      const { entry } = await bundleServer(out)
      // the run throws unless every filing was answered 201 and the database holds one dossier per 201
      const served = await serverRun(3_000, 1_000, 200, { script: entry })
      expect(served.n).toBeGreaterThan(0)
      expect(served.execArgv).toEqual(expect.arrayContaining([...SERVER_V8_FLAGS]))
      expect(served.peakMb).toBeGreaterThan(0)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }, 300_000)

  test.skipIf(pgUrl === undefined)(
    "both lifecycles on PostgreSQL: the same statements, rows and chain head on both sides",
    async () => {
      expect(await smokeStorage("pg", pgUrl)).toBeGreaterThan(20)
      expect(await smokeUseCases("pg", catalog, pgUrl)).toBeGreaterThan(50)
    },
  )

  test.skipIf(pgUrl === undefined)(
    "commit_delay and group commit on PostgreSQL: 16 lifecycles by 8 clients with each and without, rows and chains checked",
    async () => {
      expect(await smokePgCommit(pgUrl as string)).toBe(32)
    },
  )
})
