// The index report (issue 15): for a month, quarter or year, each handling unit's counts and scores of every
// Decision 766 indicator, and the total of the scope asked for — the province computed from its units' summed
// counts, never by averaging their scores. Handling units are the commune-level units (dossiers with a unit) and the
// province-level authorities (dossiers without one). The counts come from the store (IndicatorStore, SQL on both
// dialects), the procedures' from the catalogue in force at the end of the period, and what motcua does not hold
// (1.1–1.3, 4.5a) from the province's import; the report names what is missing.
//
// Who sees what: the CLI (an operator with the database) sees everything; over the API, leaders, centre
// administrators and auditors (`report.read`) see the dossiers of the authorities and units of their scope only, and
// the province's administrator (a province-wide role on a province-level scope) the whole province.
import {
  countsOfUnit,
  type DossierTally,
  type Index766,
  type IndicatorId,
  IndicatorInputError,
  importedCounts,
  importedIndicators,
  index766,
  type Jurisdiction,
  type Period,
  type PetitionTally,
  type Procedure,
  parsePeriod,
  previousYearOf,
  type QualitySettings,
  sumCounts,
  type UnitProcedure,
} from "@motcua/domain"
import { Effect } from "effect"
import { reachOf, rolesFor } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden, ReportRequestInvalid } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { type DrillDown, type DrilledDossier, drillDowns, IndicatorStore, type ScopeFilter } from "../ports/quality.ts"
import type { Instant } from "../ports/records.ts"
import { refreshIndicatorFacts } from "./facts.ts"
import { QualityConfig } from "./settings.ts"

/** Who is asking: everything (the CLI, the province-wide administrator), or the authorities and units of a staff scope. */
export type ReportViewer =
  | { readonly _tag: "Everything" }
  | { readonly _tag: "Scope"; readonly agencyCodes: ReadonlyArray<string>; readonly unitCodes: ReadonlyArray<string> }

export const everything: ReportViewer = { _tag: "Everything" }

export interface IndexReportInput {
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly period: string
  /** A commune-level unit code (5 digits) or a province-level authority's code: that handling unit only. */
  readonly unit?: string
}

export interface ScopeIndex {
  /** `unit:<code>`, `agency:<code>`, `province`, or `scope` (the viewer's authorities and units). */
  readonly key: string
  readonly code: string
  readonly name: string
  readonly index: Index766
}

export interface IndexReport {
  readonly period: Period
  readonly rules: string
  readonly generatedAt: Instant
  /** The scope asked for: the province (everything), the viewer's scope, or the one unit. */
  readonly total: ScopeIndex
  /** Each handling unit in the scope, by code. */
  readonly units: ReadonlyArray<ScopeIndex>
  /** Indicators motcua does not hold and the import did not give, with what to do. */
  readonly notHeld: ReadonlyArray<{ readonly id: IndicatorId; readonly reason: string }>
  /** Dossiers whose snapshot could not be read (left out, logged). */
  readonly unreadable: ReadonlyArray<string>
}

interface HandlingUnit {
  readonly key: string
  readonly kind: "unit" | "agency"
  readonly code: string
  readonly name: string
  /** Restricted to these agency kinds of the unit (a viewer who sees only the ward's police); undefined: all. */
  readonly agencyKinds?: ReadonlySet<string>
}

const keyOfRow = (row: { readonly agencyCode: string; readonly unitCode: string | null }) =>
  row.unitCode === null ? `agency:${row.agencyCode}` : `unit:${row.unitCode}`

/** The handling units of the jurisdiction that the viewer sees (units and province-level authorities). */
function handlingUnits(jurisdiction: Jurisdiction, viewer: ReportViewer): HandlingUnit[] {
  const units: HandlingUnit[] = []
  for (const unit of jurisdiction.units) {
    const base = { key: `unit:${unit.code}`, kind: "unit" as const, code: unit.code, name: unit.name }
    if (viewer._tag === "Everything" || viewer.unitCodes.includes(unit.code)) {
      units.push(base)
      continue
    }
    const kinds = jurisdiction.agencies
      .filter((a) => a.unitCode === unit.code && viewer.agencyCodes.includes(a.code))
      .map((a) => a.kind)
    if (kinds.length > 0) units.push({ ...base, agencyKinds: new Set(kinds) })
  }
  for (const agency of jurisdiction.agencies) {
    if (agency.level !== "province") continue
    if (viewer._tag === "Everything" || viewer.agencyCodes.includes(agency.code))
      units.push({ key: `agency:${agency.code}`, kind: "agency", code: agency.code, name: agency.name })
  }
  return units.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** The procedures a handling unit handles, as 3.1, 3.2 and 3.5 count them. */
function proceduresOf(unit: HandlingUnit, procedures: ReadonlyArray<Procedure>): UnitProcedure[] {
  return procedures
    .filter((p) =>
      unit.kind === "unit"
        ? p.authority.level === "commune" &&
          (unit.agencyKinds === undefined || unit.agencyKinds.has(p.authority.agencyKind))
        : p.authority.level === "province" && p.authority.agencyCode === unit.code,
    )
    .map((p) => ({ code: p.code, onlineService: p.onlineService, hasFee: p.fees.length > 0 }))
}

const scopeFilterOf = (viewer: ReportViewer): ScopeFilter =>
  viewer._tag === "Everything" ? {} : { agencyCodes: viewer.agencyCodes, unitCodes: viewer.unitCodes }

const parsePeriodInput = (text: string) =>
  Effect.try({
    try: () => parsePeriod(text),
    catch: (error) =>
      new ReportRequestInvalid({
        field: "period",
        detail: error instanceof IndicatorInputError ? error.message : String(error),
      }),
  })

/** The handling unit `code` names, among those the viewer sees. */
function chooseUnit(
  jurisdiction: Jurisdiction,
  viewer: ReportViewer,
  visible: ReadonlyArray<HandlingUnit>,
  code: string,
): Effect.Effect<HandlingUnit, ReportRequestInvalid | Forbidden> {
  const all = handlingUnits(jurisdiction, everything)
  const commune = jurisdiction.agencies.find((a) => a.code === code && a.level === "commune")
  const key = /^\d{5}$/.test(code)
    ? `unit:${code}`
    : commune?.unitCode !== undefined
      ? `unit:${commune.unitCode}`
      : `agency:${code}`
  if (!all.some((u) => u.key === key))
    return Effect.fail(
      new ReportRequestInvalid({
        field: "unit",
        detail: `không có đơn vị xử lý "${code}": cho mã đơn vị cấp xã (5 chữ số) hoặc mã cơ quan cấp tỉnh / no handling unit "${code}": give a commune-level unit code (5 digits) or a province-level authority's code`,
      }),
    )
  const found = visible.find((u) => u.key === key)
  return found === undefined
    ? Effect.fail(
        new Forbidden({
          principalId: viewer._tag === "Everything" ? "cli" : "report-viewer",
          action: "report.read",
          reason: `đơn vị ${code} ngoài phạm vi của tài khoản / unit ${code} is outside the account's scope`,
        }),
      )
    : Effect.succeed(found)
}

const sum = (rows: ReadonlyArray<DossierTally>) => rows.reduce((s, t) => s + t.received, 0)

/** The index report for `viewer` (see the module comment). */
export const indexReport = Effect.fnUntraced(function* (viewer: ReportViewer, input: IndexReportInput) {
  const period = yield* parsePeriodInput(input.period)
  const catalog = yield* CatalogStore
  const store = yield* IndicatorStore
  const settings: QualitySettings = yield* QualityConfig
  const generatedAt = yield* (yield* Clock).now
  const visible = handlingUnits(catalog.jurisdiction, viewer)
  const chosen =
    input.unit === undefined ? undefined : yield* chooseUnit(catalog.jurisdiction, viewer, visible, input.unit)
  const shown = chosen === undefined ? visible : [chosen]

  const { unreadable } = yield* refreshIndicatorFacts()
  const scope = scopeFilterOf(viewer)
  const bounds = { startInstant: period.startInstant, endInstant: period.endInstant }
  const dossierRows = yield* store.tallyDossiers(bounds, scope)
  const petitionRows = yield* store.tallyPetitions(bounds, scope)
  const group = <T extends { agencyCode: string; unitCode: string | null }>(rows: ReadonlyArray<T>) => {
    const out = new Map<string, T[]>()
    for (const row of rows) {
      const key = keyOfRow(row)
      const list = out.get(key)
      if (list === undefined) out.set(key, [row])
      else list.push(row)
    }
    return out
  }
  const dossiersBy = group(dossierRows)
  const petitionsBy = group<PetitionTally>(petitionRows)

  // 1.4's fallback needs the previous year's counts of the units that received nothing.
  let previousBy: Map<string, DossierTally[]> | undefined
  const previous = previousYearOf(period)
  if (previous !== undefined && shown.some((u) => sum(dossiersBy.get(u.key) ?? []) === 0))
    previousBy = group(
      yield* store.tallyDossiers({ startInstant: previous.startInstant, endInstant: previous.endInstant }, scope),
    )

  const lastDay = new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  const procedures = catalog.proceduresInForce(lastDay)
  const certification = settings.import.certificationProcedures ?? []
  const provinceImport = importedCounts(settings.import, period.label, "province")

  const countsOf = (unit: HandlingUnit) =>
    countsOfUnit(dossiersBy.get(unit.key) ?? [], petitionsBy.get(unit.key) ?? [], previousBy?.get(unit.key) ?? [], {
      procedures: proceduresOf(unit, procedures),
      certificationProcedures: certification,
      imported: { ...provinceImport, ...importedCounts(settings.import, period.label, unit.code) },
      periodsPerYear: period.periodsPerYear,
    })
  const unitCounts = shown.map((unit) => ({ unit, counts: countsOf(unit) }))
  const units = unitCounts.map(({ unit, counts }) => ({
    key: unit.key,
    code: unit.code,
    name: unit.name,
    index: index766(counts, settings.rules),
  }))

  let total: ScopeIndex
  if (chosen !== undefined) total = units[0] as ScopeIndex
  else {
    const summed = sumCounts(unitCounts.map((u) => u.counts))
    // publication (1.1–1.3) and population data (4.5a) are the province's: its own import wins over the sum
    const counts = viewer._tag === "Everything" ? { ...summed, ...provinceImport } : summed
    total =
      viewer._tag === "Everything"
        ? {
            key: "province",
            code: catalog.jurisdiction.province.code,
            name: catalog.jurisdiction.province.name,
            index: index766(counts, settings.rules),
          }
        : {
            key: "scope",
            code: "scope",
            name: "Phạm vi của tài khoản (the account's scope)",
            index: index766(counts, settings.rules),
          }
  }
  const notHeld: Array<{ id: IndicatorId; reason: string }> = importedIndicators
    .filter((id) => total.index.missing.includes(id))
    .map((id) => ({
      id,
      reason:
        "motcua không giữ dữ liệu này: tỉnh nhập trong quality.json (import.counts) / motcua does not hold these facts: the province fills them in quality.json (import.counts)",
    }))
  if (certification.length === 0)
    notHeld.push({
      id: "4.6",
      reason:
        "chưa khai báo thủ tục chứng thực (import.certificationProcedures) / no certification procedures declared (import.certificationProcedures)",
    })
  return {
    period,
    rules: settings.rules.name,
    generatedAt,
    total,
    units,
    notHeld,
    unreadable,
  } satisfies IndexReport
})

export interface DrillDownInput {
  readonly period: string
  readonly unit?: string
  readonly which: string
  readonly after?: string
  readonly limit?: number
}

/** The dossiers behind a number of the report (the late ones, the unsynced ones, …), by code, in pages. */
export const indexDrillDown = Effect.fnUntraced(function* (viewer: ReportViewer, input: DrillDownInput) {
  const period = yield* parsePeriodInput(input.period)
  if (!(drillDowns as ReadonlyArray<string>).includes(input.which))
    return yield* Effect.fail(
      new ReportRequestInvalid({
        field: "which",
        detail: `phải là một trong / must be one of: ${drillDowns.join(", ")} (nhận / got "${input.which}")`,
      }),
    )
  const catalog = yield* CatalogStore
  const store = yield* IndicatorStore
  const visible = handlingUnits(catalog.jurisdiction, viewer)
  const chosen =
    input.unit === undefined ? undefined : yield* chooseUnit(catalog.jurisdiction, viewer, visible, input.unit)
  yield* refreshIndicatorFacts()
  const base = scopeFilterOf(viewer)
  const scope: ScopeFilter =
    chosen === undefined
      ? base
      : chosen.kind === "unit"
        ? viewer._tag === "Everything" || viewer.unitCodes.includes(chosen.code)
          ? { unitCodes: [chosen.code] }
          : {
              agencyCodes: catalog.jurisdiction.agencies
                .filter((a) => a.unitCode === chosen.code && (base.agencyCodes ?? []).includes(a.code))
                .map((a) => a.code),
            }
        : { agencyCodes: [chosen.code] }
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 100)), 1000)
  const rows: ReadonlyArray<DrilledDossier> = yield* store.dossiersBehind(
    { startInstant: period.startInstant, endInstant: period.endInstant },
    scope,
    input.which as DrillDown,
    input.after ?? "",
    limit,
  )
  // a province-level authority's unit-less dossiers only, when one was chosen
  return chosen?.kind === "agency" ? rows.filter((r) => r.unitCode === null) : rows
})

/**
 * The viewer a principal reports as: leaders, administrators and auditors, over what their grant of `report.read`
 * reaches (the policy's `reachOf`): the whole province for a province-wide role on a province-level scope (the
 * province's administrator), otherwise the authorities and units their staff scope lists.
 */
export function reportViewerOf(principal: Principal): Effect.Effect<ReportViewer, Forbidden> {
  const reach = reachOf(principal, "report.read")
  if (reach === undefined) {
    const allowed = rolesFor("report.read")
    return Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "report.read",
        reason: `cần vai trò ${allowed.join(", ")} / needs one of the roles ${allowed.join(", ")}`,
      }),
    )
  }
  return Effect.succeed(
    reach._tag === "Province"
      ? everything
      : { _tag: "Scope", agencyCodes: reach.agencyCodes, unitCodes: reach.unitCodes },
  )
}
