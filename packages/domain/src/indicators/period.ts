/**
 * Reporting periods: a month `2026-10`, a quarter `2026-Q4` or a year `2026`, in Vietnam's civil calendar. A dossier
 * belongs to the period of its received date (Vietnam time) unless an indicator says otherwise; a dossier
 * unfinished at the end of the period is judged at that end.
 *
 * Bounds are given both as civil dates (`from` inclusive, `to` exclusive) and as instants in the stored form (UTC
 * ISO-8601 with milliseconds, `startInstant` inclusive, `endInstant` exclusive), so that storage compares them as
 * text: 2026-10 is [2026-09-30T17:00:00.000Z, 2026-10-31T17:00:00.000Z).
 */
import { indicatorInputError } from "./errors.ts"

export type PeriodKind = "month" | "quarter" | "year"

export interface Period {
  readonly kind: PeriodKind
  /** As written: `2026-10`, `2026-Q4`, `2026`. */
  readonly label: string
  readonly year: number
  /** First day, `YYYY-MM-DD`, inclusive. */
  readonly from: string
  /** The day after the last, `YYYY-MM-DD` (exclusive). */
  readonly to: string
  /** 00:00 in Vietnam on `from`, as UTC ISO text with milliseconds. */
  readonly startInstant: string
  /** 00:00 in Vietnam on `to` (exclusive). */
  readonly endInstant: string
  /** 12, 4 or 1: how many such periods a year has (indicator 1.4's previous-year rule). */
  readonly periodsPerYear: 12 | 4 | 1
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")
const VIETNAM_OFFSET_MS = 7 * 3_600_000

/** 00:00 in Vietnam of a civil day, as stored instants are written. */
export const vietnamMidnight = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString()

function make(kind: PeriodKind, label: string, year: number, firstMonth: number, months: number): Period {
  const from = `${year}-${pad(firstMonth)}-01`
  const endMonth = firstMonth + months
  const to = endMonth > 12 ? `${year + 1}-01-01` : `${year}-${pad(endMonth)}-01`
  return {
    kind,
    label,
    year,
    from,
    to,
    startInstant: vietnamMidnight(from),
    endInstant: vietnamMidnight(to),
    periodsPerYear: kind === "month" ? 12 : kind === "quarter" ? 4 : 1,
  }
}

const PERIOD = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/

/**
 * Reads `YYYY-MM`, `YYYY-Qn` or `YYYY` (years 1900–2199). Throws an `IndicatorInputError` naming the argument and
 * what is accepted otherwise.
 */
export function parsePeriod(text: string): Period {
  const where = "parsePeriod(period)"
  const m = typeof text === "string" ? PERIOD.exec(text) : null
  const bad = () =>
    indicatorInputError(
      where,
      "kỳ báo cáo phải có dạng YYYY-MM (tháng), YYYY-Qn (quý) hoặc YYYY (năm), năm 1900–2199",
      "a period is YYYY-MM (month), YYYY-Qn (quarter) or YYYY (year), years 1900–2199",
      text,
    )
  if (m === null) throw bad()
  const year = Number(m[1])
  if (year < 1900 || year > 2199) throw bad()
  if (m[2] !== undefined) {
    const month = Number(m[2])
    if (month < 1 || month > 12) throw bad()
    return make("month", text, year, month, 1)
  }
  if (m[3] !== undefined) return make("quarter", text, year, (Number(m[3]) - 1) * 3 + 1, 3)
  return make("year", text, year, 1, 12)
}

/** The calendar year before the period's year (indicator 1.4's fallback); none before 1900. */
export const previousYearOf = (period: Period): Period | undefined =>
  period.year > 1900 ? parsePeriod(String(period.year - 1)) : undefined
