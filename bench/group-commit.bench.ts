// Benchmark: group commit on SQLite at synchronous=FULL (workloads/group-commit.ts). The storage lifecycle run by
// concurrent clients with group commit on, against the same adapter with one COMMIT per transaction, ABBA rounds;
// rows and audit chains checked after every round. Also at one client, where group commit can only cost (the wait).
//
//   node bench/group-commit.bench.ts                         # 32 clients and 1 client, batch ≤ 64, wait 0 (next loop turn)
//   options: --rounds N (≥ 5, default 7) --round-ms MS (default 1500) --concurrency C --batch N --wait-ms W

import { abbaOptions, option } from "./harness/cli.ts"
import { type BenchRow, report, rowOf } from "./harness/table.ts"
import { runGroupCommitBench } from "./workloads/group-commit.ts"

const { rounds, roundMs } = abbaOptions(1500)
const group = { maxBatch: Number(option("--batch") ?? 64), maxWaitMs: Number(option("--wait-ms") ?? 0) }
const rows: BenchRow[] = []
for (const concurrency of [Number(option("--concurrency") ?? 32), 1]) {
  const result = await runGroupCommitBench({ rounds, roundMs, concurrency, group })
  rows.push({ ...rowOf("group commit / one COMMIT each", "lifecycles/s", result), target: undefined } as BenchRow)
}
report(`Group commit against one COMMIT per transaction (SQLite FULL), median of ${rounds} ABBA rounds`, rows)
process.exit(0)
