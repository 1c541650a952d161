// Benchmark: signing throughput (results/s) of adapters/signature-x509's Signer port against `openssl cms -sign` on
// the same result PDFs with the same key, in the same run (workloads/signing.ts). ABBA rounds (adapter, openssl,
// openssl, adapter), a full GC before each timed half; after each round one file of each side is checked (our
// verifier for the adapter's PAdES signature, `openssl cms -verify` for openssl's CMS), or the run fails.
// Both sides sign one result at a time. Target: ≥ 0.8×. The adapter does more than openssl (it reads the PDF, adds
// the signature field and writes a signed PDF; openssl writes the bare CMS) but pays no process start: on this
// machine each costs about 20 ms of CPU per result, so a change that makes the PDF handling slower shows here.
//
//   node bench/signing.bench.ts     options: --rounds N (default 7, ≥ 5), --round-ms MS (default 2000)
import { measureRateRounds, timed } from "./harness/abba.ts"
import { abbaOptions } from "./harness/cli.ts"
import { report } from "./harness/table.ts"
import { openSigning, opensslVersion } from "./workloads/signing.ts"

const { rounds, roundMs } = abbaOptions(2000)
const TARGET = 0.8

const sides = await openSigning(12)
console.log(
  `Signing ${sides.files.length} distinct result PDFs (render-pdf) with RSA-2048 and SHA-256: the X.509 Signer port ` +
    `(PAdES, signed PDF written) against ${opensslVersion()} cms -sign (detached CMS written), one at a time.`,
)
let exitCode = 0
try {
  const indices = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => (from + k) % sides.files.length)
  let next = 0
  const result = await measureRateRounds({
    rounds,
    roundMs,
    warmSize: 12,
    minSize: 20,
    names: { measured: "adapter", floor: "openssl", unit: "results/s", items: "results" },
    log: (line) => console.log(line),
    round: async (size) => {
      const first = indices(next, Math.ceil(size / 2))
      const second = indices(next + first.length, Math.floor(size / 2))
      next += size
      let adapterMs = await timed(() => sides.adapter(first))
      let opensslMs = await timed(() => sides.openssl(first))
      opensslMs += await timed(() => sides.openssl(second))
      adapterMs += await timed(() => sides.adapter(second))
      const last = second.at(-1) ?? first.at(-1) ?? 0
      await sides.checkAdapter(last)
      sides.checkOpenssl(last)
      return { measured: (size * 1000) / adapterMs, floor: (size * 1000) / opensslMs }
    },
  })
  console.log(`target ≥ ${TARGET}×`)
  report("Signing", [
    {
      benchmark: "signing results (PAdES vs openssl cms -sign)",
      mode: "RSA-2048, SHA-256, one at a time",
      unit: "results/s",
      measured: result.measured,
      floor: result.floor,
      ratio: result.ratio,
      ratios: result.ratios,
      target: { ratio: TARGET },
    },
  ])
} catch (error) {
  exitCode = 1
  console.error(error)
} finally {
  await sides.close()
}
process.exit(exitCode)
