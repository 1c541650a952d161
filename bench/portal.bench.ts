// Benchmark: the outbox relay delivering dossiers' portal pushes to the portal simulator on loopback (rows/s),
// against a floor that posts the very same request bodies with a bare HTTP client, in the same run
// (workloads/portal-relay.ts). ABBA rounds (relay, floor, floor, relay); each half empties the simulator first and checks after
// that it holds every record and progress item of the half, or the run fails. Target: ≥ 0.8× the floor.
//
//   node bench/portal.bench.ts     options: --rounds N (default 7, ≥ 5), --round-ms MS (default 2000),
//                                  --concurrency C (default 16)
import { measureRateRounds, timed } from "./harness/abba.ts"
import { abbaOptions, option } from "./harness/cli.ts"
import { report } from "./harness/table.ts"
import { type Dossier, openPortalRelay } from "./workloads/portal-relay.ts"

const { rounds, roundMs } = abbaOptions(2000)
const concurrency = Number(option("--concurrency") ?? 16)
const TARGET = 0.8

const sides = await openPortalRelay({ concurrency })
const rowsOf = (dossiers: ReadonlyArray<Dossier>) => dossiers.reduce((n, d) => n + d.payloads.length, 0)
const perDossier = rowsOf(sides.dossiers(1))
console.log(
  `Relay → portal simulator (${sides.url}) against a bare HTTP client posting the same bodies; ${perDossier} pushes ` +
    `per dossier, ${concurrency} at a time.`,
)
try {
  // ABBA by hand: the relay's rows of a half are written (untimed) just before its turn, so that a pass never finds
  // the other half's rows
  const result = await measureRateRounds({
    rounds,
    roundMs,
    warmSize: 40,
    // enough dossiers that both sides keep every slot busy (as with real traffic: many dossiers at once)
    minSize: 100,
    unitsPerItem: perDossier,
    names: { measured: "relay", floor: "floor", unit: "rows/s", items: "dossiers" },
    log: (line) => console.log(line),
    round: async (size) => {
      const first = sides.dossiers(Math.ceil(size / 2))
      const second = sides.dossiers(Math.floor(size / 2))
      await sides.enqueue(first)
      let relayMs = await timed(() => sides.relay(first))
      let bareMs = await timed(() => sides.bare(first))
      bareMs += await timed(() => sides.bare(second))
      await sides.enqueue(second)
      relayMs += await timed(() => sides.relay(second))
      const rows = rowsOf(first) + rowsOf(second)
      return { measured: (rows * 1000) / relayMs, floor: (rows * 1000) / bareMs }
    },
  })
  console.log(`target ≥ ${TARGET}×`)
  report("Portal relay", [
    {
      benchmark: "portal relay → simulator",
      mode: "SQLite NORMAL, loopback",
      unit: "rows/s",
      measured: result.measured,
      floor: result.floor,
      ratio: result.ratio,
      ratios: result.ratios,
      target: { ratio: TARGET },
    },
  ])
} finally {
  await sides.close()
}
process.exit(0)
