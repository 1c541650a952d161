// The report: dossiers counted by national status, handling unit, field and month of receipt, each unit, field and
// month with how many were received, resolved (processing ended) and resolved early, on time or late, and the
// on-time rate by the national index rule (the domain's classifyDossier: processing end vs appointment,
// supplementation pauses excluded, a second supplementation or an apology makes it late; refused and withdrawn
// dossiers do not count). It reads the stored snapshots, so it says what the dossiers' own records say. The CLI's
// `motcua report` prints it; GET /api/v1/reports/dossiers answers it for the leaders' dashboards (dossierReport).
// The full Decision 766 index (its groups and weighted scores) is other work and will sit beside this, not in it.
import {
  type Catalogue,
  classifyDossier,
  type DossierContext,
  type DossierTimeliness,
  type Jurisdiction,
  type NationalStatusCode,
  nationalStatusLabels,
  type OnlinePaymentIndicator,
  onlinePaymentIndicator,
  vietnamDate,
} from "@motcua/domain"
import { Effect } from "effect"
import { authorize, rolesFor } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { targetOf } from "../dossier/target.ts"
import { Forbidden } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { DossierListing } from "../ports/dossier-listing.ts"

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

function timelinessOf(classes: ReadonlyArray<DossierTimeliness>): Timeliness {
  const count = (c: DossierTimeliness) => classes.filter((x) => x === c).length
  const early = count("early")
  const onTime = count("on-time")
  const late = count("late")
  const ended = early + onTime + late
  return {
    early,
    onTime,
    late,
    pending: count("pending"),
    notCounted: count("not-counted"),
    onTimeRate: ended === 0 ? null : (early + onTime) / ended,
  }
}

/** Rows per key (most dossiers first), each with the timeliness of its dossiers. */
function grouped(entries: ReadonlyArray<readonly [string, string, DossierTimeliness]>): GroupRow[] {
  const map = new Map<string, { label: string; classes: DossierTimeliness[] }>()
  for (const [key, label, cls] of entries) {
    const found = map.get(key)
    if (found === undefined) map.set(key, { label, classes: [cls] })
    else found.classes.push(cls)
  }
  return [...map.entries()]
    .map(([key, v]) => {
      const t = timelinessOf(v.classes)
      return { key, label: v.label, count: v.classes.length, received: v.classes.length, resolved: resolved(t), ...t }
    })
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

const resolved = (t: Timeliness) => t.early + t.onTime + t.late

function counted(entries: ReadonlyArray<readonly [string, string]>): Count[] {
  const map = new Map<string, { label: string; count: number }>()
  for (const [key, label] of entries) {
    const found = map.get(key)
    if (found === undefined) map.set(key, { label, count: 1 })
    else found.count++
  }
  return [...map.entries()]
    .map(([key, v]) => ({ key, label: v.label, count: v.count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export function buildReport(
  dossiers: Iterable<StoredDossier>,
  reference: { readonly catalogue: Catalogue; readonly jurisdiction: Jurisdiction },
  options: ReportOptions = {},
): Report {
  const fieldOf = new Map(reference.catalogue.map((p) => [p.code, p.field]))
  const unitName = new Map(reference.jurisdiction.units.map((u) => [u.code, u.name]))
  const kept: Array<{ d: StoredDossier; day: string; cls: DossierTimeliness }> = []
  for (const d of dossiers) {
    const day = vietnamDate(d.context.receivedAt)
    if (options.from !== undefined && day < options.from) continue
    if (options.to !== undefined && day > options.to) continue
    if (options.unitCode !== undefined && (d.context.unitCode ?? PROVINCE_LEVEL) !== options.unitCode) continue
    if (options.fieldCode !== undefined && fieldOf.get(d.context.procedureCode)?.code !== options.fieldCode) continue
    kept.push({ d, day, cls: classifyDossier(d.context) })
  }
  const byStatus = counted(
    kept.map(
      ({ d }) => [String(d.statusCode), nationalStatusLabels[d.statusCode as NationalStatusCode] ?? "?"] as const,
    ),
  ).sort((a, b) => Number(a.key) - Number(b.key))
  const byUnit = grouped(
    kept.map(({ d, cls }) => {
      const unit = d.context.unitCode
      return unit === undefined
        ? ([PROVINCE_LEVEL, "Cấp tỉnh (province level)", cls] as const)
        : ([unit, unitName.get(unit) ?? unit, cls] as const)
    }),
  )
  const byField = grouped(
    kept.map(({ d, cls }) => {
      const field = fieldOf.get(d.context.procedureCode)
      return field === undefined
        ? (["?", "(không rõ lĩnh vực)", cls] as const)
        : ([field.code, field.name, cls] as const)
    }),
  )
  const months = [...new Set(kept.map((k) => k.day.slice(0, 7)))].sort()
  const byMonth = months.map((month) => {
    const rows = kept.filter((k) => k.day.startsWith(month))
    const t = timelinessOf(rows.map((r) => r.cls))
    return { month, received: rows.length, resolved: resolved(t), ...t }
  })
  return {
    from: options.from ?? null,
    to: options.to ?? null,
    total: kept.length,
    byStatus,
    byUnit,
    byField,
    byMonth,
    timeliness: timelinessOf(kept.map((k) => k.cls)),
    onlinePayments: onlinePaymentIndicator(kept.map((k) => k.d.context)),
  }
}

/** Every stored dossier (status and snapshot context), read in pages by code through the DossierListing port. */
export const readDossiers = Effect.gen(function* () {
  const listing = yield* DossierListing
  const out: StoredDossier[] = []
  let after = ""
  for (;;) {
    const page = yield* listing.page(after, PAGE)
    for (const dossier of page) {
      const snapshot = dossier.snapshot as unknown as { context: DossierContext }
      out.push({ code: dossier.code, statusCode: dossier.statusCode, context: snapshot.context })
    }
    const last = page.at(-1)
    if (last === undefined || page.length < PAGE) return out
    after = last.code
  }
})

const PAGE = 1000

/**
 * The report for a leader's dashboard: the dossiers the principal's scope reaches (each checked against the policy's
 * `report.read`, as a queue checks each row), counted as buildReport counts them. An account whose roles grant no
 * report is Forbidden.
 */
export const dossierReport = Effect.fnUntraced(function* (principal: Principal, options: ReportOptions = {}) {
  if (!principal.roles.some((role) => rolesFor("report.read").includes(role)))
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "report.read",
        reason: `vai trò ${principal.roles.join(", ")} không xem được báo cáo / no role of the account grants reports`,
      }),
    )
  const catalog = yield* CatalogStore
  const all = yield* readDossiers
  const visible = all.filter((d) => authorize(principal, "report.read", targetOf(d.context)).allow)
  return buildReport(visible, { catalogue: catalog.catalogue, jurisdiction: catalog.jurisdiction }, options)
})
