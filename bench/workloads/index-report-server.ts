// The API server's memory during the index report of a year (index-report.bench.ts runs this in its own process):
// the API as `motcua serve` builds it (createRuntime over the benchmark's SQLite file, createApp), an auditor whose
// scope is every authority and unit of the province signed in, then GET /api/v1/reports/index?period=YEAR. The peak resident set size is the kernel's
// (process.resourceUsage().maxRSS), so the synchronous SQL's peak is not missed between samples. Prints one JSON line.
//   node bench/workloads/index-report-server.ts FILE YEAR

import { createApp, createRuntime, memoryLogger } from "@motcua/api"
import { saveStaffAccount } from "@motcua/application"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Result } from "effect"

const [file, year] = process.argv.slice(2)
if (file === undefined || year === undefined) throw new Error("usage: index-report-server.ts FILE YEAR")
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
const signIn = await app.request("/api/v1/session", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "bench-auditor", password: PASSWORD }),
})
if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`)
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ")
const mb = (kb: number) => kb / 1024
const baselineRssMb = mb(process.resourceUsage().maxRSS)
// the resident set at rest before the report (after startup's own peak has been given back, as far as it is)
globalThis.gc?.()
const restRssMb = process.memoryUsage().rss / 1024 / 1024
const started = performance.now()
const response = await app.request(`/api/v1/reports/index?period=${year}`, { headers: { cookie } })
const body = await response.text()
const ms = performance.now() - started
const peakRssMb = mb(process.resourceUsage().maxRSS)
await runtime.dispose()
console.log(JSON.stringify({ status: response.status, ms, baselineRssMb, restRssMb, peakRssMb, bytes: body.length }))
if (response.status !== 200) process.exit(1)
