// The relay side of portal.bench.ts alone, for a CPU profile: passes of N dossiers relayed to the portal simulator
// (a process of its own, so the profile holds the relay process only), after a warm-up pass; prints the relay's CPU
// per row (process.cpuUsage, the enqueueing left out) and the load average.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-portal.ts [--dossiers 150] [--passes 6] [--concurrency 16]
//   node bench/cpu-profile.ts /tmp/prof/*.cpuprofile
import { loadAverage, option } from "./harness/cli.ts"
import { openPortalRelay } from "./workloads/portal-relay.ts"

const dossiers = Number(option("--dossiers") ?? 150)
const passes = Number(option("--passes") ?? 6)
const concurrency = Number(option("--concurrency") ?? 16)

const sides = await openPortalRelay({ concurrency })
try {
  const warm = sides.dossiers(40)
  await sides.enqueue(warm)
  await sides.relay(warm)
  let rows = 0
  let cpuUs = 0
  let wallMs = 0
  for (let pass = 0; pass < passes; pass++) {
    const batch = sides.dossiers(dossiers)
    await sides.enqueue(batch)
    const cpu = process.cpuUsage()
    const started = performance.now()
    await sides.relay(batch)
    wallMs += performance.now() - started
    const used = process.cpuUsage(cpu)
    cpuUs += used.user + used.system
    rows += batch.reduce((n, d) => n + d.payloads.length, 0)
  }
  console.log(
    `${rows} rows relayed: ${((1000 * rows) / wallMs).toFixed(0)} rows/s, ${(cpuUs / rows).toFixed(0)} µs of CPU per row, load ${loadAverage()}`,
  )
} finally {
  await sides.close()
}
process.exit(0)
