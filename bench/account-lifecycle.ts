// Where the use cases' lifecycles spend against the raw floor (lifecycle.bench.ts's two sides, same planned
// lifecycles): per lifecycle, statements, COMMITs (one fsync each at FULL), document fsyncs, and the wall time in
// COMMIT against the rest (JS and the other statements), with CPU time (process.cpuUsage). Sides run A B B A over two halves.
//
//   node bench/account-lifecycle.ts [--count 300] [--only sqlite-normal,sqlite-full]
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import type { Mode } from "./harness/abba.ts"
import { loadAverage, option } from "./harness/cli.ts"
import { accountLifecycles, type SideAccount } from "./workloads/use-case-run.ts"

const count = Number(option("--count") ?? 300)
const modes = (option("--only") ?? "sqlite-normal,sqlite-full").split(",") as Mode[]

const loaded = loadQuangNinh()
if (loaded._tag === "Failure") throw new Error("the Quảng Ninh data does not load")
const { catalogue, jurisdiction, holidays } = loaded.success
const data = { catalogue, jurisdiction, ...(holidays === undefined ? {} : { holidays }) }

const per = (a: SideAccount) => ({
  statements: (a.statements / count).toFixed(1),
  commits: (a.commits / count).toFixed(1),
  fsyncs: (a.fsyncs / count).toFixed(1),
  wallMs: (a.wallMs / count).toFixed(3),
  commitMs: (a.commitMs / count).toFixed(3),
  restMs: ((a.wallMs - a.commitMs) / count).toFixed(3),
  cpuMs: (a.cpuMs / count).toFixed(3),
  systemMs: (a.systemMs / count).toFixed(3),
})
for (const mode of modes) {
  for (let pass = 0; pass < 2; pass++) {
    const { useCases, raw } = await accountLifecycles(mode, data, count, process.env.MOTCUA_TEST_PG_URL)
    console.log(
      `${mode} pass ${pass + 1}, ${count} lifecycles, load ${loadAverage()}, ratio ${(raw.wallMs / useCases.wallMs).toFixed(3)}×`,
    )
    console.table({ "use cases": per(useCases), raw: per(raw) })
  }
}
