// The API server's memory at rest and during the index report of a month and of a year (index-report.bench.ts runs
// this in its own process): the process settings the server runs with (apps/api process-settings.ts, applied by a
// restart in place, as `node apps/api/src/main.ts` and `motcua serve` do), then the API as the server builds it
// (createRuntime over the benchmark's SQLite file, createApp), an auditor whose scope is every authority and unit of
// the province signed in, then GET /api/v1/reports/index?period=MONTH and ?period=YEAR.
// - At rest: the resident set after start-up and the sign-in, as the server would sit (no forced collection).
// - During a report: the kernel's high-water mark of the resident set, reset just before the request
//   (/proc/self/clear_refs "5", Linux) and read after it, so the synchronous SQL's peak is not missed between samples
//   and start-up's own peak does not count. Prints one JSON line.
//   node bench/workloads/index-report-server.ts FILE MONTH YEAR
import { readFileSync, writeFileSync } from "node:fs"
import { ensureServerProcess } from "@motcua/api/process-settings"

ensureServerProcess()

const [file, month, year] = process.argv.slice(2)
if (file === undefined || month === undefined || year === undefined)
  throw new Error("usage: index-report-server.ts FILE MONTH YEAR")

const mb = (kb: number) => kb / 1024
/** The resident set's high-water mark since the last reset, in MB (VmHWM). */
const highWaterMb = () => {
  const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))
  if (found?.[1] === undefined) throw new Error("no VmHWM in /proc/self/status: the peak is measured on Linux only")
  return mb(Number(found[1]))
}
const residentMb = () => process.memoryUsage().rss / 1024 / 1024
/** Resets the high-water mark to the current resident set (Linux ≥ 4.0); fails loudly where it cannot. */
const resetHighWater = () => writeFileSync("/proc/self/clear_refs", "5")

const { createApp, createRuntime, memoryLogger } = await import("@motcua/api")
const { sessionHeaders } = await import("@motcua/api/testing")
const { saveStaffAccount } = await import("@motcua/application")
const { loadQuangNinh } = await import("@motcua/catalog-quangninh")
const { Result } = await import("effect")

const data = Result.getOrThrow(loadQuangNinh())
const runtime = await createRuntime({ data, databaseUrl: `sqlite:${file}` })
const PASSWORD = "bench-auditor-password-766"
const saved = await runtime.run(
  saveStaffAccount(
    {
      id: "bench-auditor",
      username: "bench-auditor",
      displayName: "Thanh tra (benchmark)",
      password: PASSWORD,
      roles: ["auditor"],
      scope: {
        _tag: "Staff",
        level: "province",
        agencyCodes: data.jurisdiction.agencies.map((a) => a.code),
        unitCodes: data.jurisdiction.units.map((u) => u.code),
        intakePointIds: [],
      },
    },
    { N: 1024, r: 8, p: 1 },
  ),
)
if (Result.isFailure(saved)) throw saved.failure
const app = createApp({ ...data, logger: memoryLogger(), runtime, secureCookies: false })
const { cookie } = await sessionHeaders(app, "bench-auditor", PASSWORD)
const startupPeakRssMb = highWaterMb()
const restRssMb = residentMb()

const during = async (period: string) => {
  resetHighWater()
  const started = performance.now()
  const response = await app.request(`/api/v1/reports/index?period=${period}`, { headers: { cookie } })
  const body = await response.text()
  const ms = performance.now() - started
  const peakRssMb = highWaterMb()
  return { period, status: response.status, ms, peakRssMb, bytes: body.length, afterRssMb: residentMb() }
}
const monthReport = await during(month)
const yearReport = await during(year)
await runtime.dispose()
console.log(
  JSON.stringify({
    settings: { execArgv: process.execArgv, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? null },
    startupPeakRssMb,
    restRssMb,
    month: monthReport,
    year: yearReport,
    peakRssMb: Math.max(restRssMb, monthReport.peakRssMb, yearReport.peakRssMb),
  }),
)
if (monthReport.status !== 200 || yearReport.status !== 200) process.exit(1)
