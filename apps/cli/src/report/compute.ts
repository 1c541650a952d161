// The report: dossiers counted by national status, handling unit, field and month of receipt, and the on-time rate
// by the national index rule (the domain's classifyDossier: processing end vs appointment, supplementation pauses
// excluded, a second supplementation or an apology makes it late; refused and withdrawn dossiers do not count).
// It reads the stored snapshots, so it says what the dossiers' own records say.
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
}

export interface Report {
  readonly from: string | null
  readonly to: string | null
  readonly total: number
  readonly byStatus: ReadonlyArray<Count>
  readonly byUnit: ReadonlyArray<Count>
  readonly byField: ReadonlyArray<Count>
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
    kept.push({ d, day, cls: classifyDossier(d.context) })
  }
  const byStatus = counted(
    kept.map(
      ({ d }) => [String(d.statusCode), nationalStatusLabels[d.statusCode as NationalStatusCode] ?? "?"] as const,
    ),
  ).sort((a, b) => Number(a.key) - Number(b.key))
  const byUnit = counted(
    kept.map(({ d }) => {
      const unit = d.context.unitCode
      return unit === undefined
        ? ([PROVINCE_LEVEL, "Cấp tỉnh (province level)"] as const)
        : ([unit, unitName.get(unit) ?? unit] as const)
    }),
  )
  const byField = counted(
    kept.map(({ d }) => {
      const field = fieldOf.get(d.context.procedureCode)
      return field === undefined ? (["?", "(không rõ lĩnh vực)"] as const) : ([field.code, field.name] as const)
    }),
  )
  const months = [...new Set(kept.map((k) => k.day.slice(0, 7)))].sort()
  const byMonth = months.map((month) => {
    const rows = kept.filter((k) => k.day.startsWith(month))
    return { month, received: rows.length, ...timelinessOf(rows.map((r) => r.cls)) }
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
