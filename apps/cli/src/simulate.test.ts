import { existsSync } from "node:fs"
import { join } from "node:path"
import { AuditLog } from "@motcua/application"
import {
  addWorkingHours,
  DOSSIER_CODE_DAYS,
  type DossierContext,
  makeCalendar,
  parseDossierCode,
  vietnamDate,
} from "@motcua/domain"
import { SqlStorage } from "@motcua/storage-sql"
import { Effect, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openDatabase } from "./database.ts"
import type { Report } from "./report/compute.ts"
import { parseDatabaseUrl, SIMULATION_FILE, SQLITE_FILE } from "./settings.ts"
import { filingSpanHours } from "./simulation/driver.ts"
import { cli, tempDir } from "./test-support.ts"

interface Row {
  code: string
  status_code: number
  snapshot: string
}

async function read(dataDir: string) {
  const open = openDatabase(parseDatabaseUrl(join(dataDir, SIMULATION_FILE), dataDir))
  try {
    const dossiers = (await open.db
      .selectFrom("dossier")
      .select(["code", "status_code", "snapshot"])
      .orderBy("code")
      .execute()) as Row[]
    const audit = await open.db.selectFrom("audit_entry").select(["dossier_code", "action"]).orderBy("seq").execute()
    const outbox = (await open.db.selectFrom("outbox").select("id").execute()).length
    return { dossiers, audit, outbox }
  } finally {
    await open.close()
  }
}

const verifyChain = (dataDir: string) =>
  Effect.runPromise(
    Effect.provide(
      AuditLog.use((log) => log.verifyChain()),
      SqlStorage.layerSqlite({ file: join(dataDir, SIMULATION_FILE) }),
    ),
  )

/** The national index rule, written out again from its text (docs/domain-reference.md), to recount the report. */
function recount(context: DossierContext): "on-time" | "late" | "pending" | "not-counted" {
  if (context.refusal !== undefined || context.withdrawal !== undefined) return "not-counted"
  if (context.lateMarks.length > 0) return "late"
  const end = context.processedAt ?? context.returned?.at ?? context.stop?.at
  if (end === undefined || context.appointment === undefined) return "pending"
  return Date.parse(end) <= Date.parse(context.appointment) ? "on-time" : "late"
}

describe("motcua simulate and report (50 dossiers, seed 2025)", () => {
  const one = tempDir("simulate-1")
  const two = tempDir("simulate-2")
  let summary: { dossiers: number; transitions: number; byChannel: Record<string, number>; stuck: unknown[] }
  let stored: Awaited<ReturnType<typeof read>>
  afterAll(() => {
    one.remove()
    two.remove()
  })
  beforeAll(async () => {
    // DATABASE_URL names the live database: simulate must leave it alone by default
    const run = await cli(["simulate", "--data", one.path, "--count", "50", "--seed", "2025", "--json"], {
      env: { DATABASE_URL: `sqlite:${join(one.path, "live.sqlite")}` },
    })
    expect(run.stderr).not.toContain("Lỗi")
    expect(run.code).toBe(0)
    summary = JSON.parse(run.stdout)
    stored = await read(one.path)
  })

  it("files 50 dossiers across channels, none stuck", () => {
    expect(summary.dossiers).toBe(50)
    expect(summary.stuck).toEqual([])
    expect(stored.dossiers).toHaveLength(50)
    expect(Object.keys(summary.byChannel).length).toBeGreaterThanOrEqual(2)
    const intakePoints = new Set(
      stored.dossiers.map((d) => (JSON.parse(d.snapshot).context as DossierContext).intakePointId),
    )
    expect(intakePoints.size).toBeGreaterThan(5)
  })

  it("spreads the filings over the --days working days (5 by default here), drawn in time order", () => {
    // the filing instants are the order statistics of uniform draws over 5 working days from Tuesday 1 July 2025
    // 08:00; a dossier is received when filed at a counter, or when an online filing is accepted (up to a working
    // day later)
    const days = new Set(
      stored.dossiers.map((d) => vietnamDate((JSON.parse(d.snapshot).context as DossierContext).receivedAt)),
    )
    expect([...days].every((day) => day >= "2025-07-01" && day <= "2025-07-08")).toBe(true)
    // 50 uniform draws over 5 days: every filing day gets some (a day without any has a chance below 1 in 10⁴)
    for (const day of ["2025-07-01", "2025-07-02", "2025-07-03", "2025-07-04", "2025-07-07"])
      expect(days.has(day)).toBe(true)
  })

  it("writes into its own database, never the live one, marks every dossier simulated and enqueues nothing", async () => {
    expect(existsSync(join(one.path, "live.sqlite"))).toBe(false)
    expect(existsSync(join(one.path, SQLITE_FILE))).toBe(false)
    expect(stored.dossiers.every((d) => JSON.parse(d.snapshot).context.simulated === true)).toBe(true)
    expect(stored.outbox).toBe(0)
    const live = JSON.parse((await cli(["report", "--data", one.path, "--format", "json"])).stdout) as Report
    expect(live.total).toBe(0)
  })

  it("writes one audit entry per transition, each dossier's starting with its filing, on an intact chain", async () => {
    expect(stored.audit).toHaveLength(summary.transitions)
    for (const d of stored.dossiers) {
      const own = stored.audit.filter((a) => a.dossier_code === d.code)
      expect(own[0]?.action).toBe("dossier.file")
      const context = JSON.parse(d.snapshot).context as DossierContext
      // every status the dossier went through after filing was entered by one of its audited transitions
      expect(own.length).toBeGreaterThanOrEqual(context.statusHistory.length)
    }
    expect(await verifyChain(one.path)).toMatchObject({ _tag: "Intact", entries: summary.transitions })
  })

  it("goes through realistic outcomes: results returned, refusals, withdrawals, supplementation, payments, late cases", () => {
    const contexts = stored.dossiers.map((d) => JSON.parse(d.snapshot).context as DossierContext)
    const statuses = new Set(stored.dossiers.map((d) => d.status_code))
    expect(statuses.has(10)).toBe(true)
    expect(stored.dossiers.filter((d) => d.status_code === 10).length).toBeGreaterThan(25)
    expect(contexts.some((c) => c.supplementations.length > 0)).toBe(true)
    expect(contexts.some((c) => c.payments.length > 0)).toBe(true)
    expect(contexts.some((c) => recount(c) === "late")).toBe(true)
    expect(contexts.some((c) => recount(c) === "not-counted")).toBe(true)
  })

  it("is deterministic for a seed: the same codes, statuses and audit trails on a fresh database", async () => {
    const run = await cli(["simulate", "--data", two.path, "--count", "50", "--seed", "2025", "--json"])
    expect(run.code).toBe(0)
    const again = await read(two.path)
    expect(again.dossiers.map((d) => [d.code, d.status_code])).toEqual(
      stored.dossiers.map((d) => [d.code, d.status_code]),
    )
    expect(again.audit).toEqual(stored.audit)
  })

  it("refuses to replay a seed on the same database", async () => {
    const run = await cli(["simulate", "--data", one.path, "--count", "3", "--seed", "2025"])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("seed already simulated")
  })

  it("reports counts that add up to the dossiers and the on-time rate of a recount", async () => {
    const run = await cli(["report", "--simulation", "--data", one.path, "--format", "json"])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    const sum = (xs: ReadonlyArray<{ count: number }>) => xs.reduce((s, x) => s + x.count, 0)
    expect(report.total).toBe(50)
    expect(sum(report.byStatus)).toBe(50)
    expect(sum(report.byUnit)).toBe(50)
    expect(sum(report.byField)).toBe(50)
    expect(report.byMonth.reduce((s, m) => s + m.received, 0)).toBe(50)
    for (const s of report.byStatus) {
      expect(s.count).toBe(stored.dossiers.filter((d) => String(d.status_code) === s.key).length)
    }
    const classes = stored.dossiers.map((d) => recount(JSON.parse(d.snapshot).context as DossierContext))
    const onTime = classes.filter((c) => c === "on-time").length
    const late = classes.filter((c) => c === "late").length
    const t = report.timeliness
    expect(t.early + t.onTime).toBe(onTime)
    expect(t.late).toBe(late)
    expect(t.pending).toBe(classes.filter((c) => c === "pending").length)
    expect(t.notCounted).toBe(classes.filter((c) => c === "not-counted").length)
    expect(t.onTimeRate).toBeCloseTo(onTime / (onTime + late), 10)
  })

  it("filters by the day of receipt, and prints tables by default", async () => {
    const all = JSON.parse(
      (await cli(["report", "--simulation", "--data", one.path, "--format", "json"])).stdout,
    ) as Report
    const firstMonth = all.byMonth[0]
    if (firstMonth === undefined) throw new Error("no month")
    const month = JSON.parse(
      (
        await cli([
          "report",
          "--simulation",
          "--data",
          one.path,
          "--format",
          "json",
          "--from",
          `${firstMonth.month}-01`,
          "--to",
          `${firstMonth.month}-31`,
        ])
      ).stdout,
    ) as Report
    expect(month.total).toBe(firstMonth.received)
    const nothing = JSON.parse(
      (await cli(["report", "--simulation", "--data", one.path, "--format", "json", "--to", "2000-01-01"])).stdout,
    ) as Report
    expect(nothing.total).toBe(0)
    expect(nothing.timeliness.onTimeRate).toBeNull()
    const table = await cli(["report", "--simulation", "--data", one.path])
    expect(table.stdout).toContain("Tỷ lệ đúng hạn (on-time rate)")
    expect(table.stdout).toContain("Theo lĩnh vực (by field)")
    expect((await cli(["report", "--format", "xml"])).code).toBe(2)
    expect((await cli(["report", "--from", "2025-02-30"])).code).toBe(2)
  })
})

describe("motcua simulate near the end of the dossier codes' century", () => {
  const dir = tempDir("simulate-2099")
  afterAll(() => dir.remove())

  it("files over fewer days than the default when those would run past 2099-12-31, the last day a code can name", async () => {
    // 60 dossiers would arrive over 5 working days by default; from Monday 28 December 2099 only 3 are left
    const run = await cli(["simulate", "--data", dir.path, "--count", "60", "--start", "2099-12-28", "--json"])
    expect(run.stderr).not.toContain("Lỗi")
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout) as { dossiers: number; stuck: unknown[] }
    expect([summary.dossiers, summary.stuck]).toEqual([60, []])
    const days = (await read(dir.path)).dossiers.map((d) => {
      const parts = Result.getOrThrow(parseDossierCode(d.code))
      return parts.date
    })
    expect(days).toHaveLength(60)
    expect(days.every((day) => day >= "2099-12-28" && day <= DOSSIER_CODE_DAYS.last)).toBe(true)
  })

  it("refuses --days or --start past that day before filing anything, saying how many days are left", async () => {
    const late = tempDir("simulate-2099-refused")
    try {
      const tooLong = await cli([
        "simulate",
        "--data",
        late.path,
        "--count",
        "50",
        "--start",
        "2099-12-20",
        "--days",
        "10",
      ])
      expect(tooLong.code).toBe(1)
      expect(tooLong.stderr).toContain("at most 8")
      const tooLate = await cli(["simulate", "--data", late.path, "--count", "5", "--start", "2100-01-01"])
      expect(tooLate.code).toBe(1)
      expect(tooLate.stderr).toContain("the start must be before the last day a dossier code can name")
      const file = join(late.path, SIMULATION_FILE)
      if (existsSync(file)) expect((await read(late.path)).dossiers).toEqual([])
    } finally {
      late.remove()
    }
  })
})

describe("the span filings arrive over", () => {
  const calendar = makeCalendar()
  const endOf = (count: number, start: string, days?: number) => {
    const startAt = `${start}T08:00:00+07:00`
    const hours = Effect.runSync(
      filingSpanHours(calendar, { count, start, ...(days === undefined ? {} : { days }) }, startAt),
    )
    return addWorkingHours(calendar, startAt, hours)
  }

  it("is --days working days of the calendar (its 7.5-hour days, not 8-hour ones)", () => {
    // five working days from Tuesday 1 July 2025 08:00: Tuesday 8 July, 08:00
    expect(Date.parse(endOf(50, "2025-07-01", 5))).toBe(Date.parse("2025-07-08T08:00:00+07:00"))
  })

  it("for a million dossiers from 2025 ends on the last working day a dossier code can name", () => {
    const end = vietnamDate(endOf(1_000_000, "2025-07-01"))
    expect(end <= DOSSIER_CODE_DAYS.last && end >= "2099-12-28").toBe(true)
  })
})
