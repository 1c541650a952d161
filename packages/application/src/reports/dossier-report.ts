// The report: dossiers counted by national status, handling unit, field and month of receipt, each unit, field and
// month with how many were received, resolved (processing ended) and resolved early, on time or late, and the
// on-time rate by the national index rule (the domain's classifyDossier: processing end vs appointment,
// supplementation pauses excluded, a second supplementation or an apology makes it late; refused and withdrawn
// dossiers do not count). What it counts of each dossier is computed from its stored snapshot (reportFactsOf), so it
// says what the dossiers' own records say; the store keeps those values beside the index facts and counts them in
// one GROUP BY (dossierReport), or the snapshots are read a page at a time (dossierReportByPages, the reference).
// The CLI's `motcua report` prints it; GET /api/v1/reports/dossiers answers it for the leaders' dashboards.
// The full Decision 766 index (its groups and weighted scores) is other work and will sit beside this, not in it.
import {
  type Catalogue,
  type DossierContext,
  type DossierTimeliness,
  type Jurisdiction,
  type NationalStatusCode,
  nationalStatusLabels,
  type OnlinePaymentIndicator,
} from "@motcua/domain"
import { Effect } from "effect"
import { authorize, rolesFor, type TargetReach, targetReach } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { targetOf } from "../dossier/target.ts"
import { Forbidden } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DossierListing } from "../ports/dossier-listing.ts"
import { IndicatorStore, type ReportGroup } from "../ports/quality.ts"
import { refreshIndicatorFacts } from "../quality/facts.ts"
import { reportFactsOf } from "./report-facts.ts"

export interface StoredDossier {
  readonly code: string
  readonly statusCode: number
  readonly context: DossierContext
}

export interface Count {
  readonly key: string
  readonly label: string
  readonly count: number
}

export interface Timeliness {
  readonly early: number
  readonly onTime: number
  readonly late: number
  readonly pending: number
  readonly notCounted: number
  /** (early + on time) / (early + on time + late); null when no dossier has ended yet. */
  readonly onTimeRate: number | null
}

export interface MonthRow extends Timeliness {
  readonly month: string
  readonly received: number
  /** Dossiers whose processing ended (early + on time + late). */
  readonly resolved: number
}

/** A unit's or field's dossiers: how many were received, and how those that ended did. */
export interface GroupRow extends Count, Timeliness {
  readonly received: number
  readonly resolved: number
}

export interface Report {
  readonly from: string | null
  readonly to: string | null
  readonly total: number
  readonly byStatus: ReadonlyArray<Count>
  readonly byUnit: ReadonlyArray<GroupRow>
  readonly byField: ReadonlyArray<GroupRow>
  readonly byMonth: ReadonlyArray<MonthRow>
  readonly timeliness: Timeliness
  /** Decision 766's online-payment indicator over the dossiers received in the period. */
  readonly onlinePayments: OnlinePaymentIndicator
}

export interface ReportOptions {
  /** First day of receipt (Vietnam), inclusive. */
  readonly from?: string | undefined
  /** Last day of receipt (Vietnam), inclusive. */
  readonly to?: string | undefined
  /** Only the dossiers of this commune-level unit (`tinh` for province-level ones). */
  readonly unitCode?: string | undefined
  /** Only the dossiers of procedures in this field. */
  readonly fieldCode?: string | undefined
}

const PROVINCE_LEVEL = "tinh"

type ClassCounts = Record<DossierTimeliness, number>
const noClasses = (): ClassCounts => ({ early: 0, "on-time": 0, late: 0, pending: 0, "not-counted": 0 })

function timelinessOf(c: ClassCounts): Timeliness {
  const ended = c.early + c["on-time"] + c.late
  return {
    early: c.early,
    onTime: c["on-time"],
    late: c.late,
    pending: c.pending,
    notCounted: c["not-counted"],
    onTimeRate: ended === 0 ? null : (c.early + c["on-time"]) / ended,
  }
}

const resolved = (t: Timeliness) => t.early + t.onTime + t.late
const total = (c: ClassCounts) => c.early + c["on-time"] + c.late + c.pending + c["not-counted"]
/** Most dossiers first, then by key. */
const byCountThenKey = (a: Count, b: Count) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/** Rows per key (most dossiers first), each with the timeliness of its dossiers. */
function grouped(map: ReadonlyMap<string, { readonly label: string; readonly classes: ClassCounts }>): GroupRow[] {
  return [...map.entries()]
    .map(([key, v]) => {
      const t = timelinessOf(v.classes)
      const count = total(v.classes)
      return { key, label: v.label, count, received: count, resolved: resolved(t), ...t }
    })
    .sort(byCountThenKey)
}

/**
 * The report counted one dossier at a time: `add` each stored dossier (those outside the options' period, unit or
 * field are skipped), then `result`. It keeps counts per status, unit, field and month, never the dossiers, so a
 * report over any number of dossiers takes the memory of its rows.
 */
export interface ReportTally {
  readonly add: (dossier: StoredDossier) => void
  /** A group of dossiers counted by the store, already within the options' period (their unit and field are checked here). */
  readonly addGroup: (group: ReportGroup) => void
  readonly result: () => Report
}

export function reportTally(
  reference: { readonly catalogue: Catalogue; readonly jurisdiction: Jurisdiction },
  options: ReportOptions = {},
): ReportTally {
  const fieldOf = new Map(reference.catalogue.map((p) => [p.code, p.field]))
  const unitName = new Map(reference.jurisdiction.units.map((u) => [u.code, u.name]))
  const statuses = new Map<string, { label: string; count: number }>()
  const units = new Map<string, { label: string; classes: ClassCounts }>()
  const fields = new Map<string, { label: string; classes: ClassCounts }>()
  const months = new Map<string, ClassCounts>()
  const all = noClasses()
  let paid = 0
  let paidOnline = 0
  const count = (
    map: Map<string, { label: string; classes: ClassCounts }>,
    key: string,
    label: string,
    cls: DossierTimeliness,
    n: number,
  ) => {
    const found = map.get(key) ?? { label, classes: noClasses() }
    found.classes[cls] += n
    map.set(key, found)
  }
  const addGroup = (g: ReportGroup) => {
    if (options.unitCode !== undefined && (g.unitCode ?? PROVINCE_LEVEL) !== options.unitCode) return
    const field = fieldOf.get(g.procedureCode)
    if (options.fieldCode !== undefined && field?.code !== options.fieldCode) return
    const cls = g.timeliness
    const n = g.count
    all[cls] += n
    const status = String(g.statusCode)
    const found = statuses.get(status)
    if (found === undefined)
      statuses.set(status, {
        label: nationalStatusLabels[g.statusCode as NationalStatusCode] ?? "?",
        count: n,
      })
    else found.count += n
    if (g.unitCode === null) count(units, PROVINCE_LEVEL, "Cấp tỉnh (province level)", cls, n)
    else count(units, g.unitCode, unitName.get(g.unitCode) ?? g.unitCode, cls, n)
    if (field === undefined) count(fields, "?", "(không rõ lĩnh vực)", cls, n)
    else count(fields, field.code, field.name, cls, n)
    const month = months.get(g.month) ?? noClasses()
    month[cls] += n
    months.set(g.month, month)
    if (g.paid) paid += n
    if (g.paidOnline) paidOnline += n
  }
  return {
    add: (d) => {
      const facts = reportFactsOf(d.statusCode, d.context)
      if (options.from !== undefined && facts.receivedDay < options.from) return
      if (options.to !== undefined && facts.receivedDay > options.to) return
      addGroup({
        statusCode: facts.statusCode,
        unitCode: d.context.unitCode ?? null,
        agencyCode: d.context.agencyCode,
        procedureCode: d.context.procedureCode,
        month: facts.receivedDay.slice(0, 7),
        timeliness: facts.timeliness,
        paid: facts.paid,
        paidOnline: facts.paidOnline,
        count: 1,
      })
    },
    addGroup,
    result: () => ({
      from: options.from ?? null,
      to: options.to ?? null,
      total: total(all),
      byStatus: [...statuses.entries()]
        .map(([key, v]) => ({ key, label: v.label, count: v.count }))
        .sort((a, b) => Number(a.key) - Number(b.key)),
      byUnit: grouped(units),
      byField: grouped(fields),
      byMonth: [...months.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([month, classes]) => {
          const t = timelinessOf(classes)
          return { month, received: total(classes), resolved: resolved(t), ...t }
        }),
      timeliness: timelinessOf(all),
      onlinePayments: { paid, paidOnline, share: paid === 0 ? null : paidOnline / paid },
    }),
  }
}

export function buildReport(
  dossiers: Iterable<StoredDossier>,
  reference: { readonly catalogue: Catalogue; readonly jurisdiction: Jurisdiction },
  options: ReportOptions = {},
): Report {
  const tally = reportTally(reference, options)
  for (const d of dossiers) tally.add(d)
  return tally.result()
}

/**
 * Every stored dossier (status and snapshot context) handed to `each`, read in pages by code through the
 * DossierListing port: only one page is held at a time.
 */
export const eachDossier = (each: (dossier: StoredDossier) => void) =>
  Effect.gen(function* () {
    const listing = yield* DossierListing
    let after = ""
    for (;;) {
      const page = yield* listing.page(after, PAGE)
      for (const dossier of page) {
        const snapshot = dossier.snapshot as unknown as { context: DossierContext }
        each({ code: dossier.code, statusCode: dossier.statusCode, context: snapshot.context })
      }
      const last = page.at(-1)
      if (last === undefined || page.length < PAGE) return
      after = last.code
    }
  })

/** Every stored dossier (status and snapshot context), in code order (eachDossier into a list). */
export const readDossiers = Effect.gen(function* () {
  const out: StoredDossier[] = []
  yield* eachDossier((d) => out.push(d))
  return out
})

const PAGE = 1000

/** Forbidden unless some role of the principal grants reports (the scope is applied to each dossier after). */
const mayReadReports = (principal: Principal) =>
  principal.roles.some((role) => rolesFor("report.read").includes(role))
    ? Effect.void
    : Effect.fail(
        new Forbidden({
          principalId: principal.id,
          action: "report.read",
          reason: `vai trò ${principal.roles.join(", ")} không xem được báo cáo / no role of the account grants reports`,
        }),
      )

const tallyFor = (options: ReportOptions) =>
  Effect.gen(function* () {
    const catalog = yield* CatalogStore
    return reportTally({ catalogue: catalog.catalogue, jurisdiction: catalog.jurisdiction }, options)
  })

/**
 * The report for a leader's dashboard: the dossiers the principal's scope reaches (the policy's `report.read`),
 * counted as buildReport counts them. The store counts them (`reportCounts`, a GROUP BY over the facts kept beside
 * the index's, brought up to date first as the index report does), for the scope as the policy's `targetReach`
 * lists it; a scope that is not a matter of columns is counted a page at a time (dossierReportByPages). An account
 * whose roles grant no report is Forbidden.
 */
export const dossierReport = Effect.fnUntraced(function* (principal: Principal, options: ReportOptions = {}) {
  const reach = targetReach(principal, "report.read")
  if (reach === undefined) return yield* dossierReportByPages(principal, options)
  yield* mayReadReports(principal)
  return yield* countedReport(options, reach)
})

/**
 * The report over the dossiers `reach` takes in (all of them by default: `motcua report`), counted by the store: the
 * facts brought up to date first (refreshIndicatorFacts, as the index report does), then one grouped count.
 */
export const countedReport = Effect.fnUntraced(function* (
  options: ReportOptions = {},
  reach: TargetReach = { _tag: "Everything" },
) {
  const tally = yield* tallyFor(options)
  yield* refreshIndicatorFacts()
  const groups = yield* (yield* IndicatorStore).reportCounts({ fromDay: options.from, toDay: options.to }, reach)
  for (const group of groups) tally.addGroup(group)
  return tally.result()
})

/**
 * The same report counted from the stored snapshots a page at a time, each dossier checked against the policy's
 * `report.read` as a queue checks each row: what dossierReport does for a scope `targetReach` cannot list, and the
 * reference the store's counts are held to (the storage contract compares the two on generated dossiers).
 */
export const dossierReportByPages = Effect.fnUntraced(function* (principal: Principal, options: ReportOptions = {}) {
  yield* mayReadReports(principal)
  const tally = yield* tallyFor(options)
  yield* eachDossier((d) => {
    if (authorize(principal, "report.read", targetOf(d.context)).allow) tally.add(d)
  })
  return tally.result()
})
