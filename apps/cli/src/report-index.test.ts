// motcua report index on a simulated month: the report's numbers equal a recount of the stored dossiers (their
// snapshots through the domain's facts and reference tally, the simulation's sync marks, ratings and petitions);
// CSV, JSON and the Excel workbook (read back by SheetJS) say the same; the dossiers behind a number are the late ones; bad input is a usage error that names
// the option.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { IndexReport } from "@motcua/application"
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import {
  countsOfUnit,
  type DossierContext,
  dossierFacts,
  type IndicatorId,
  makeCalendar,
  type Petition,
  parsePeriod,
  petitionFacts,
  tallyDossiers,
  tallyPetitions,
  withinTimeAt,
} from "@motcua/domain"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as XLSX from "xlsx"
import { openDatabase } from "./database.ts"
import { parseDatabaseUrl, SIMULATION_FILE } from "./settings.ts"
import { cli, tempDir } from "./test-support.ts"

const data = Result.getOrThrow(loadQuangNinh())
const PERIOD = "2025-10"

async function recount(dataDir: string) {
  const open = openDatabase(parseDatabaseUrl(join(dataDir, SIMULATION_FILE), dataDir))
  try {
    const dossiers = await open.db.selectFrom("dossier").select(["code", "snapshot"]).execute()
    const synced = new Set(
      (await open.db.selectFrom("dossier_synced").select("dossier_code").execute()).map((r) => r.dossier_code),
    )
    const ratings = await open.db.selectFrom("dossier_rating").select(["dossier_code", "liked"]).execute()
    const petitions = (await open.db.selectFrom("petition").select("body").execute()).map(
      (r) => JSON.parse(r.body) as Petition,
    )
    const calendar = makeCalendar({ holidayOverrides: data.holidays ?? { years: [] } })
    const disliked = new Set(ratings.filter((r) => Number(r.liked) === 0).map((r) => r.dossier_code))
    const petitioned = new Set(petitions.flatMap((p) => p.dossierCode ?? []))
    const rows = dossiers.map((d) => {
      const facts = dossierFacts((JSON.parse(d.snapshot) as { context: DossierContext }).context, calendar)
      return { ...facts, synced: synced.has(d.code), complained: petitioned.has(d.code) || disliked.has(d.code) }
    })
    const period = parsePeriod(PERIOD)
    return {
      rows,
      counts: countsOfUnit(
        tallyDossiers(rows, period),
        tallyPetitions(
          petitions.map((p) => petitionFacts(p)),
          period,
        ),
        [],
        {
          procedures: [],
          certificationProcedures: data.quality?.import.certificationProcedures ?? [],
          imported: {},
          periodsPerYear: 12,
        },
      ),
      synced: synced.size,
      ratings: ratings.length,
      petitions: petitions.length,
    }
  } finally {
    await open.close()
  }
}

describe("motcua report index on a simulated October (120 dossiers)", () => {
  const dir = tempDir("report-index")
  let report: IndexReport
  let expected: Awaited<ReturnType<typeof recount>>
  afterAll(() => dir.remove())

  beforeAll(async () => {
    const simulated = await cli([
      "simulate",
      "--count",
      "120",
      "--seed",
      "766",
      "--start",
      "2025-10-01",
      "--days",
      "15",
      "--data",
      dir.path,
      "--json",
    ])
    expect(simulated.code).toBe(0)
    const json = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--simulation",
      "--format",
      "json",
      "--data",
      dir.path,
    ])
    expect(json.code).toBe(0)
    report = JSON.parse(json.stdout) as IndexReport
    expected = await recount(dir.path)
  }, 600_000)

  const indicator = (id: IndicatorId) => report.total.index.groups.flatMap((g) => g.indicators).find((s) => s.id === id)

  it("has what the simulation made: synced records, ratings, petitions", () => {
    expect(expected.synced).toBeGreaterThan(100)
    expect(expected.ratings).toBeGreaterThan(20)
    expect(expected.rows.length).toBeGreaterThanOrEqual(120)
  })

  it("equals the recount for every indicator counted from dossiers and petitions", () => {
    const ids: IndicatorId[] = [
      "1.4",
      "2.1",
      "2.2",
      "3.3",
      "3.6",
      "4.1",
      "4.2",
      "4.3",
      "4.4",
      "4.5b",
      "4.6",
      "5.1",
      "5.2",
      "5.3",
      "5.4",
    ]
    for (const id of ids) {
      const got = indicator(id)
      expect([got?.numerator, got?.denominator], id).toEqual([
        expected.counts[id]?.numerator,
        expected.counts[id]?.denominator,
      ])
    }
    expect(indicator("2.1")?.denominator).toBeGreaterThan(50)
  })

  it("scores the province from its units' summed counts", () => {
    const sum = (id: IndicatorId) =>
      report.units.reduce(
        (s, u) => s + (u.index.groups.flatMap((g) => g.indicators).find((x) => x.id === id)?.numerator ?? 0),
        0,
      )
    for (const id of ["2.1", "3.3", "4.1", "5.4"] as const) expect(sum(id), id).toBe(indicator(id)?.numerator)
    expect(report.notHeld.map((n) => n.id)).toEqual(["1.1", "1.2", "1.3", "4.5a"])
  })

  it("gives the same numbers as CSV, and a table for people", async () => {
    const csv = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--simulation",
      "--format",
      "csv",
      "--data",
      dir.path,
    ])
    const lines = csv.stdout.split("\n")
    expect(lines[0]).toBe("period,scope,code,name,group,indicator,numerator,denominator,ratio,score,max,basis")
    const province21 = lines.find((l) => l.startsWith(`${PERIOD},province,`) && l.includes(",2.1,"))
    expect(province21).toContain(`,2.1,${indicator("2.1")?.numerator},${indicator("2.1")?.denominator},`)
    const table = await cli(["report", "index", "--period", PERIOD, "--simulation", "--data", dir.path])
    expect(table.stdout).toContain("Tỉnh Quảng Ninh")
    expect(table.stdout).toContain("Chưa có số liệu (not held)")
  })

  it("lists the dossiers behind 2.1's late count", async () => {
    const late = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--simulation",
      "--dossiers",
      "late",
      "--format",
      "json",
      "--data",
      dir.path,
    ])
    expect(late.code).toBe(0)
    const period = parsePeriod(PERIOD)
    const expectedLate = expected.rows
      .filter(
        (r) =>
          r.receivedAt >= period.startInstant &&
          r.receivedAt < period.endInstant &&
          r.standing !== "refused" &&
          r.standing !== "withdrawn" &&
          !withinTimeAt(r, period.endInstant),
      )
      .map((r) => r.code)
      .sort()
    const codes = (JSON.parse(late.stdout) as Array<{ code: string }>).map((r) => r.code)
    expect(codes).toEqual(expectedLate)
    expect(codes.length).toBe((indicator("2.1")?.denominator ?? 0) - (indicator("2.1")?.numerator ?? 0))
  })

  it("refuses bad input as a usage error naming the option", async () => {
    const refused = async (args: string[], ...mentions: string[]) => {
      const run = await cli(["report", "index", ...args, "--simulation", "--data", dir.path])
      expect(run.code, args.join(" ")).toBe(2)
      for (const mention of mentions) expect(run.stderr).toContain(mention)
    }
    await refused([], "--period")
    await refused(["--period", "2025-13"], "--period", "YYYY-MM")
    await refused(["--period", PERIOD, "--unit", "99999"], "--unit")
    await refused(["--period", PERIOD, "--dossiers", "slow"], "--dossiers")
    await refused(["--period", PERIOD, "--format", "ods"], "xlsx")
    // a workbook is bytes: never to the terminal
    await refused(["--period", PERIOD, "--format", "xlsx"], "--output")
  })

  it("writes an Excel workbook that a spreadsheet reader reads back with the same numbers (SheetJS)", async () => {
    const file = join(dir.path, "index.xlsx")
    const written = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--simulation",
      "--format",
      "xlsx",
      "--output",
      file,
      "--data",
      dir.path,
    ])
    expect(written.code, written.stderr).toBe(0)
    expect(written.stdout).toBe("")
    const book = XLSX.read(readFileSync(file), { type: "buffer" })
    expect(book.SheetNames).toEqual(["Tổng điểm", "Chỉ số", "Chưa có số liệu"])
    const rowsOf = (name: string) =>
      XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null })
    const [header, ...indicators] = rowsOf("Chỉ số")
    expect(header).toEqual(
      "period,scope,code,name,group,indicator,numerator,denominator,ratio,score,max,basis".split(","),
    )
    // numbers are numbers (a spreadsheet sums them), equal to the JSON report's
    const province = indicators.filter((r) => r[1] === "province")
    for (const id of ["2.1", "3.3", "4.2", "5.4"] as const) {
      const row = province.find((r) => r[5] === id)
      expect(row?.slice(6, 8), id).toEqual([indicator(id)?.numerator, indicator(id)?.denominator])
      expect(typeof row?.[9]).toBe("number")
    }
    const [, totalRow, ...unitRows] = rowsOf("Tổng điểm")
    expect(totalRow?.slice(1, 6)).toEqual([
      "province",
      report.total.code,
      report.total.name,
      report.total.index.total,
      100,
    ])
    expect(unitRows).toHaveLength(report.units.length)
    expect(unitRows.map((r) => r[4])).toEqual(report.units.map((u) => u.index.total))
    expect(
      rowsOf("Chưa có số liệu")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(report.notHeld.map((n) => n.id))

    const lateFile = join(dir.path, "late.xlsx")
    const late = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--simulation",
      "--dossiers",
      "late",
      "--format",
      "xlsx",
      "--output",
      lateFile,
      "--data",
      dir.path,
    ])
    expect(late.code, late.stderr).toBe(0)
    const lateBook = XLSX.read(readFileSync(lateFile), { type: "buffer" })
    const lateRows = XLSX.utils.sheet_to_json<{ code: string }>(lateBook.Sheets["Hồ sơ"] as XLSX.WorkSheet)
    expect(lateRows.map((r) => r.code)).toHaveLength(
      (indicator("2.1")?.denominator ?? 0) - (indicator("2.1")?.numerator ?? 0),
    )
  })

  it("reports one unit with --unit", async () => {
    const ward = report.units.find((u) =>
      u.index.groups.some((g) => g.indicators.some((s) => s.id === "2.1" && s.denominator > 0)),
    )
    const one = await cli([
      "report",
      "index",
      "--period",
      PERIOD,
      "--unit",
      ward?.code ?? "",
      "--simulation",
      "--format",
      "json",
      "--data",
      dir.path,
    ])
    expect(one.code).toBe(0)
    const parsed = JSON.parse(one.stdout) as IndexReport
    expect(parsed.units.map((u) => u.code)).toEqual([ward?.code])
    expect(parsed.total.index.total).toBe(ward?.index.total)
  })
})
