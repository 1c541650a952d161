// The one table `pnpm bench` prints: every benchmark's figures against its floor measured in the same run.
import { appendFileSync } from "node:fs"
import type { ModeResult } from "./abba.ts"

export interface BenchRow {
  /** What is measured: "storage lifecycles", "use-case lifecycles", "HTTP filing", … */
  readonly benchmark: string
  /** Where: "SQLite, synchronous=NORMAL", "PostgreSQL", "in memory". */
  readonly mode: string
  /** The unit of `measured` and `floor`: "lifecycles/s", "requests/s", "p99 ms", … */
  readonly unit: string
  readonly measured: number
  readonly floor: number
  /** measured ÷ floor, the median of the rounds' ratios. */
  readonly ratio: number
  readonly ratios: ReadonlyArray<number>
  /** The bar: the ratio must be at least (or, for latencies, at most) this; none for a plain comparison. */
  readonly target?: { readonly ratio: number; readonly atMost?: true }
}

/** A row of a lifecycle benchmark's mode. */
export const rowOf = (benchmark: string, unit: string, r: ModeResult): BenchRow => ({
  benchmark,
  mode: r.label,
  unit,
  measured: r.adapter,
  floor: r.raw,
  ratio: r.ratio,
  ratios: r.ratios,
  target: { ratio: r.target },
})

const number = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(3))

export function formatTable(rows: ReadonlyArray<BenchRow>): string {
  const header = ["benchmark", "mode", "measured", "floor", "unit", "ratio (median)", "min–max", "target", ""]
  const cells = rows.map((r) => [
    r.benchmark,
    r.mode,
    number(r.measured),
    number(r.floor),
    r.unit,
    `${r.ratio.toFixed(3)}×`,
    `${Math.min(...r.ratios).toFixed(2)}–${Math.max(...r.ratios).toFixed(2)}`,
    r.target === undefined ? "" : `${r.target.atMost ? "≤" : "≥"} ${r.target.ratio.toFixed(2)}×`,
    r.target === undefined
      ? ""
      : (r.target.atMost ? r.ratio <= r.target.ratio : r.ratio >= r.target.ratio)
        ? "met"
        : "MISSED",
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? "").length)))
  const line = (row: ReadonlyArray<string>) =>
    `| ${row.map((cell, i) => (i < 2 || i === 4 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n")
}

/**
 * Prints a benchmark's own table, and hands its rows to `pnpm bench` (all.bench.ts), which runs every benchmark
 * and prints them together: MOTCUA_BENCH_ROWS names the file the rows are appended to, one JSON line each.
 */
export function report(title: string, rows: ReadonlyArray<BenchRow>): void {
  console.log(`\n${title}:`)
  console.log(formatTable(rows))
  const file = process.env.MOTCUA_BENCH_ROWS
  if (file !== undefined && file !== "") appendFileSync(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(""))
}
