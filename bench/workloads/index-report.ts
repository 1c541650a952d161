// The Decision 766 index report over a large store (issue 15): a SQLite database of `count` dossiers spread over the
// sample province's 54 commune-level units, 48 procedures and three years (2023–2025), with realistic shares of
// online filing, late and unfinished dossiers, sync, digitisation, re-use, online payment, ratings and petitions.
// The dossiers' index facts are written with them, the dossier report's columns included, at the dossiers' versions
// (the steady state: every dossier's facts already computed and none marked stale, so a report refreshes none).
//
// Measured: the report as the CLI and the API produce it (indexReport: the facts refresh check, the SQL tallies per
// authority, unit and procedure, the catalogue's procedures per unit, the scoring of every unit and the province).
// Floor: hand-written SQL computing the same counts (one GROUP BY for dossiers, one for petitions), through
// better-sqlite3 prepared once. The numbers must be equal: every unit's counts of the report against the floor's rows.
import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { CatalogStore, Clock, everything, type IndexReport, indexReport, QualityConfig } from "@motcua/application"
import type { QuangNinhData } from "@motcua/catalog-quangninh"
import { defaultQualitySettings, parsePeriod, previousYearOf, timeliness, vietnamDate } from "@motcua/domain"
import { migrateToLatest, SqlStorage } from "@motcua/storage-sql"
import Database from "better-sqlite3"
import { Layer, ManagedRuntime } from "effect"
import { Kysely, SqliteDialect } from "kysely"

/** A small deterministic generator (mulberry32): the same seed, the same database. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000
const FROM = Date.parse("2023-01-01T01:00:00.000Z")
const TO = Date.parse("2025-12-31T09:00:00.000Z")
const iso = (ms: number) => new Date(ms).toISOString()

export interface IndexDatabase {
  readonly file: string
  readonly dossiers: number
  readonly units: number
  readonly procedures: number
  readonly petitions: number
  readonly ratings: number
}

/** Writes `count` dossiers (with their facts, sync marks, ratings, petitions) into a new SQLite database at `file`. */
export async function buildIndexDatabase(
  file: string,
  data: QuangNinhData,
  count: number,
  seed = 766,
): Promise<IndexDatabase> {
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) })
  await migrateToLatest(kysely, "sqlite")
  await kysely.destroy()
  const db = new Database(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = OFF")
  const next = random(seed)
  const pick = <T>(xs: ReadonlyArray<T>) => xs[Math.floor(next() * xs.length)] as T
  const units = data.jurisdiction.units.slice(0, 54)
  const commune = data.catalogue.filter((p) => p.authority.level === "commune")
  const province = data.catalogue.filter((p) => p.authority.level === "province")
  const procedures = [...new Map([...commune, ...province].map((p) => [p.code, p])).values()].slice(0, 48)
  const agencyOf = (unitCode: string, kind: string) =>
    data.jurisdiction.agencies.find((a) => a.unitCode === unitCode && a.kind === kind) ??
    data.jurisdiction.agencies.find((a) => a.unitCode === unitCode)
  const insertDossier = db.prepare(
    `insert into dossier (code, version, status_code, state, procedure_code, agency_code, unit_code, current_role,
       due_at, appointment_at, fee_total_dong, snapshot, created_at, updated_at)
     values (?, 3, ?, ?, ?, ?, ?, null, null, ?, ?, '{}', ?, ?)`,
  )
  const insertFact = db.prepare(
    `insert into indicator_fact (code, version, agency_code, unit_code, procedure_code, channel, standing, received_at,
       accepted_at, ended_at, appointment_at, late_marked_at, paused_since, handling_minutes, electronic_result,
       digitised, reused_data, verified_account, fee_due, paid_online,
       status_code, received_day, timeliness, payment_paid, payment_all_online, intake_point_id, holder_agency_code)
     values (?, 3, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // the report columns as reportFactsOf writes them: a counter or post dossier taken in at an intake point of its
  // channel in its unit (the province's first centre for a province-level one), the holder of an open dossier's step
  const intakePointOf = (unitCode: string | null, channel: string) => {
    if (channel === "online") return null
    const kind = channel === "post" ? "post-office" : unitCode === null ? "provincial-centre" : "commune-centre"
    const points = data.jurisdiction.intakePoints.filter((i) => i.kind === kind)
    return (points.find((i) => i.unitCode === unitCode) ?? points[0])?.id ?? null
  }
  const insertSynced = db.prepare("insert into dossier_synced (dossier_code, synced_at) values (?, ?)")
  const insertRating = db.prepare(
    `insert into dossier_rating (dossier_code, rater_id, at, access, procedure, officer, result, liked)
     values (?, 'bench', ?, 4, 4, 5, 4, ?)`,
  )
  const insertPetition = db.prepare(
    `insert into petition (id, version, sender_id, agency_code, unit_code, procedure_code, dossier_code, status,
       sent_at, classified, ended_at, due_at, late_at, not_satisfied, re_petitioned, body)
     values (?, 1, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '{}')`,
  )
  let petitions = 0
  let ratings = 0
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const procedure = pick(procedures)
      const unit = pick(units)
      const communeLevel = procedure.authority.level === "commune"
      const agency = communeLevel
        ? (agencyOf(unit.code, procedure.authority.agencyKind)?.code ?? procedure.authority.agencyCode ?? "")
        : (procedure.authority.agencyCode ?? "")
      const unitCode = communeLevel ? unit.code : null
      const received = FROM + Math.floor(next() * (TO - FROM))
      const code = `${agency}-${new Date(received).toISOString().slice(2, 10).replaceAll("-", "")}-${String(i).padStart(7, "0")}`
      const r = next()
      const channel = r < 0.62 ? "online" : r < 0.95 ? "counter" : "post"
      const s = next()
      const standing =
        s < 0.02
          ? "refused"
          : s < 0.03
            ? "withdrawn"
            : received > TO - 60 * DAY && s < 0.4
              ? "open"
              : s < 0.06
                ? "open"
                : "ended"
      const accepted = standing === "refused" ? null : received + Math.floor(next() * 2 * DAY)
      const appointment = accepted === null ? null : accepted + (3 + Math.floor(next() * 12)) * DAY
      const late = next() < 0.04
      const ended =
        standing === "ended" && accepted !== null && appointment !== null
          ? late
            ? appointment + Math.floor(next() * 5 * DAY)
            : accepted + Math.floor(next() * (appointment - accepted))
          : null
      const lateMark = standing !== "refused" && next() < 0.01 ? iso(received + 3 * DAY) : null
      const paused = standing === "open" && next() < 0.2 ? iso(received + DAY) : null
      const fee = next() < 0.55
      const paidOnline = fee && channel === "online" && next() < 0.7
      const electronic = ended !== null && next() < 0.8
      const reused = next() < 0.35
      const digitised = reused || next() < 0.85
      const statusCode = standing === "ended" ? 10 : standing === "refused" ? 3 : 4
      const classified =
        standing === "refused" || standing === "withdrawn"
          ? "not-counted"
          : lateMark !== null
            ? "late"
            : ended === null || appointment === null
              ? "pending"
              : timeliness(iso(ended), iso(appointment))
      insertDossier.run(
        code,
        statusCode,
        standing === "ended" ? "returned" : standing === "refused" ? "refused" : "working",
        procedure.code,
        agency,
        unitCode,
        appointment === null ? null : iso(appointment),
        fee ? 10000 : 0,
        iso(received),
        iso(ended ?? received),
      )
      insertFact.run(
        code,
        agency,
        unitCode,
        procedure.code,
        channel,
        standing,
        iso(received),
        accepted === null ? null : iso(accepted),
        ended === null ? null : iso(ended),
        appointment === null ? null : iso(appointment),
        lateMark,
        paused,
        ended === null || accepted === null ? null : Math.round(((ended - accepted) / DAY) * 480),
        electronic ? 1 : 0,
        digitised ? 1 : 0,
        reused ? 1 : 0,
        channel === "online" ? 1 : 0,
        fee ? 1 : 0,
        paidOnline ? 1 : 0,
        statusCode,
        vietnamDate(iso(received)),
        classified,
        fee && (paidOnline || ended !== null) ? 1 : 0,
        paidOnline ? 1 : 0,
        intakePointOf(unitCode, channel),
        standing === "open" ? agency : null,
      )
      if (standing !== "refused" && next() < 0.93) insertSynced.run(code, iso(received + 3_600_000))
      if (ended !== null && next() < 0.2) {
        insertRating.run(code, iso(ended + DAY), next() < 0.05 ? 0 : 1)
        ratings++
      }
      if (next() < 0.003) {
        const sent = received + 5 * DAY
        const answered = next() < 0.9
        insertPetition.run(
          `pa-${i}`,
          agency,
          unitCode,
          procedure.code,
          code,
          answered ? "published" : "classified",
          iso(sent),
          1,
          answered ? iso(sent + 10 * DAY) : null,
          iso(sent + 21 * DAY),
          next() < 0.1 ? iso(sent + 21 * DAY) : null,
          next() < 0.1 ? 1 : 0,
        )
        petitions++
      }
    }
  })
  for (let from = 0; from < count; from += 20_000) write(from, Math.min(count, from + 20_000))
  // the facts were written at the dossiers' versions: none is stale (as after a report's refresh, which unmarks them)
  db.exec("delete from indicator_dirty")
  db.pragma("wal_checkpoint(TRUNCATE)")
  db.exec("analyze")
  db.close()
  return { file, dossiers: count, units: units.length, procedures: procedures.length, petitions, ratings }
}

/** The report as the CLI and the API make it, on the database (one runtime, reused across runs). */
export function reportRunner(file: string, data: QuangNinhData) {
  const layer = Layer.mergeAll(
    SqlStorage.layerSqlite({ file, synchronous: "NORMAL" }),
    CatalogStore.layerFromData({
      catalogue: data.catalogue,
      jurisdiction: data.jurisdiction,
      ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
    }),
    Clock.layer,
    Layer.succeed(QualityConfig, data.quality ?? defaultQualitySettings),
  )
  const runtime = ManagedRuntime.make(layer)
  return {
    run: (period: string): Promise<IndexReport> => runtime.runPromise(indexReport(everything, { period })),
    close: () => runtime.dispose(),
  }
}

export interface FloorRow {
  readonly agency_code: string
  readonly unit_code: string | null
  readonly received: number
  readonly counted: number
  readonly within_time: number
  readonly online: number
  readonly synced: number
  readonly digitised: number
  readonly reused_data: number
  readonly electronic_result: number
  readonly fee_due: number
  readonly paid_online: number
  readonly complained: number
}

/**
 * The floor: the same counts in hand-written SQL on better-sqlite3, prepared once — the period's dossiers and
 * petitions, and (as the report does for 1.4's fallback) the previous year's dossiers when a handling unit received
 * nothing in the period.
 */
export function floorRunner(file: string, data: QuangNinhData) {
  const handlingUnits =
    data.jurisdiction.units.length + data.jurisdiction.agencies.filter((a) => a.level === "province").length
  const db = new Database(file, { readonly: true })
  const dossiers = db.prepare(`
    select f.agency_code, f.unit_code, f.procedure_code,
      count(*) as received,
      sum(f.standing <> 'withdrawn') as counted,
      sum(f.standing <> 'withdrawn'
        and (f.late_marked_at is null or f.late_marked_at >= @end)
        and ((f.ended_at is not null and f.ended_at < @end and (f.appointment_at is null or f.ended_at <= f.appointment_at))
          or ((f.ended_at is null or f.ended_at >= @end) and (f.appointment_at is null or f.appointment_at >= @end
            or (f.paused_since is not null and f.paused_since < @end and f.paused_since < f.appointment_at))))) as within_time,
      sum(f.standing <> 'withdrawn' and f.handling_minutes is not null) as ended,
      sum(case when f.standing <> 'withdrawn' then coalesce(f.handling_minutes, 0) else 0 end) as handling_minutes,
      sum(f.channel = 'online') as online,
      sum(s.dossier_code is not null) as synced,
      sum(s.dossier_code is not null and f.fee_due = 1) as synced_with_fee,
      sum(f.electronic_result) as electronic_result,
      sum(f.digitised) as digitised,
      sum(f.reused_data) as reused_data,
      sum(s.dossier_code is not null and (f.reused_data = 1 or f.electronic_result = 1)) as shared_for_reuse,
      sum(s.dossier_code is not null and (f.verified_account = 1 or f.reused_data = 1)) as population_data,
      sum(f.fee_due) as fee_due,
      sum(f.fee_due = 1 and f.paid_online = 1) as paid_online,
      sum(exists (select 1 from petition p where p.dossier_code = f.code)
        or exists (select 1 from dossier_rating r where r.dossier_code = f.code and r.liked = 0)) as complained
    from indicator_fact f left join dossier_synced s on s.dossier_code = f.code
    where f.received_at >= @start and f.received_at < @end and f.standing <> 'refused'
    group by f.agency_code, f.unit_code, f.procedure_code`)
  const petitions = db.prepare(`
    select p.agency_code, p.unit_code, p.procedure_code, count(*) as petitions, sum(p.classified) as classified,
      sum((p.late_at is null or p.late_at >= @end) and ((p.ended_at is not null and p.ended_at < @end) or p.due_at >= @end)) as on_time
    from petition p where p.sent_at >= @start and p.sent_at < @end
    group by p.agency_code, p.unit_code, p.procedure_code`)
  return {
    run: (period: string) => {
      const p = parsePeriod(period)
      const values = { start: p.startInstant, end: p.endInstant }
      const rows = dossiers.all(values) as FloorRow[]
      const receiving = new Set(
        rows.map((r) => (r.unit_code === null ? `agency:${r.agency_code}` : `unit:${r.unit_code}`)),
      )
      const previous = previousYearOf(p)
      const previousRows =
        previous !== undefined && receiving.size < handlingUnits
          ? (dossiers.all({ start: previous.startInstant, end: previous.endInstant }) as FloorRow[])
          : []
      return { dossiers: rows, petitions: petitions.all(values), previous: previousRows }
    },
    close: () => db.close(),
  }
}

/**
 * Checks that the report's numbers equal the floor's: per handling unit (a commune-level unit, or a province-level
 * authority), the counts behind 1.4, 2.1, 3.3, 3.6, 4.1, 4.2, 4.3 and 5.4's complaints. Answers how many units were
 * compared; throws on the first difference.
 */
export function checkEqual(report: IndexReport, floor: ReadonlyArray<FloorRow>): number {
  const sums = new Map<string, Record<string, number>>()
  for (const row of floor) {
    const key = row.unit_code === null ? `agency:${row.agency_code}` : `unit:${row.unit_code}`
    const sum = sums.get(key) ?? {}
    for (const k of [
      "received",
      "counted",
      "within_time",
      "online",
      "synced",
      "digitised",
      "reused_data",
      "electronic_result",
      "fee_due",
      "paid_online",
    ] as const)
      sum[k] = (sum[k] ?? 0) + Number(row[k])
    sums.set(key, sum)
  }
  let compared = 0
  for (const unit of report.units) {
    const sum = sums.get(unit.key) ?? {}
    const of = (id: string) => unit.index.groups.flatMap((g) => g.indicators).find((s) => s.id === id)
    const pairs: Array<[string, number | undefined, number]> = [
      ["2.1 numerator", of("2.1")?.numerator, sum.within_time ?? 0],
      ["2.1 denominator", of("2.1")?.denominator, sum.counted ?? 0],
      ["4.2 numerator", of("4.2")?.numerator, sum.digitised ?? 0],
      ["4.2 denominator", of("4.2")?.denominator, sum.received ?? 0],
      ["4.3 numerator", of("4.3")?.numerator, sum.reused_data ?? 0],
      ["4.1 numerator", of("4.1")?.numerator, sum.electronic_result ?? 0],
      ["3.6 numerator", of("3.6")?.numerator, sum.paid_online ?? 0],
      ["3.6 denominator", of("3.6")?.denominator, sum.fee_due ?? 0],
    ]
    for (const [what, got, want] of pairs)
      if ((got ?? 0) !== want) throw new Error(`${unit.key} ${what}: the report says ${got}, the floor ${want}`)
    compared++
  }
  const total = [...sums.values()].reduce((s, x) => s + (x.received ?? 0), 0)
  const reported = report.units.reduce(
    (s, u) => s + (u.index.groups.flatMap((g) => g.indicators).find((x) => x.id === "4.2")?.denominator ?? 0),
    0,
  )
  if (reported !== total)
    throw new Error(`dossiers received: the report's units add up to ${reported}, the floor ${total}`)
  return compared
}

/** What workloads/index-report-server.ts measures (MB of resident set). */
export interface ServerMemory {
  readonly settings: { readonly execArgv: ReadonlyArray<string>; readonly MALLOC_ARENA_MAX: string | null }
  readonly startupPeakRssMb: number
  readonly restRssMb: number
  readonly month: ServerReportMemory
  readonly year: ServerReportMemory
  /** The largest of the resident set at rest and the two reports' peaks. */
  readonly peakRssMb: number
}
export interface ServerReportMemory {
  readonly period: string
  readonly status: number
  readonly ms: number
  readonly peakRssMb: number
  readonly afterRssMb: number
  readonly bytes: number
}

/**
 * The API server's memory over the store in `file`, at rest and during the index report of `month` and of `year`, in
 * a process of its own started as the server is (workloads/index-report-server.ts). Throws when that process fails.
 */
export function serverMemory(file: string, month: string, year: string): ServerMemory {
  const child = spawnSync(process.execPath, [join(import.meta.dirname, "index-report-server.ts"), file, month, year], {
    encoding: "utf8",
    // the server's own process settings, not those of whoever runs the benchmark
    env: { ...process.env, NODE_OPTIONS: "", MOTCUA_PROCESS_SETTINGS: "" },
  })
  if (child.status !== 0)
    throw new Error(`the API server's run failed (exit ${child.status}): ${child.stderr.slice(-2000)}`)
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as ServerMemory
}
