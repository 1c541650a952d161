// Arbitrary instants and gaps of time for dossier events: filings in the weeks around Tết, and gaps between events
// that are minutes, hours or days long, that jump to a day off (weekend, holiday) or across the Tết break, so that
// deadline arithmetic meets the days the calendar is most likely to get wrong.
import { type Calendar, isWorkingDay, lunarToSolar } from "@motcua/domain"
import fc from "fast-check"

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const VN_OFFSET = 7 * HOUR

/** How far the next event comes after the previous one. */
export type TimeGap =
  | { readonly kind: "minutes"; readonly amount: number }
  | { readonly kind: "hours"; readonly amount: number }
  | { readonly kind: "days"; readonly amount: number; readonly hour: number }
  /** To the next day off (weekend or holiday), at a given hour: online actions happen then too. */
  | { readonly kind: "day-off"; readonly hour: number }
  /** Across the next Tết: to a day `offset` days after the first day of the lunar year. */
  | { readonly kind: "across-tet"; readonly offset: number; readonly hour: number }

export const arbTimeGap: fc.Arbitrary<TimeGap> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 240 }).map((amount): TimeGap => ({ kind: "minutes", amount })) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 72 }).map((amount): TimeGap => ({ kind: "hours", amount })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ amount: fc.integer({ min: 1, max: 14 }), hour: fc.integer({ min: 6, max: 19 }) })
      .map((r): TimeGap => ({ kind: "days", ...r })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 23 }).map((hour): TimeGap => ({ kind: "day-off", hour })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ offset: fc.integer({ min: -2, max: 10 }), hour: fc.integer({ min: 6, max: 19 }) })
      .map((r): TimeGap => ({ kind: "across-tet", ...r })),
  },
)

/** Epoch ms of local (Vietnam) midnight of the day holding `ms`. */
const vnMidnight = (ms: number) => Math.floor((ms + VN_OFFSET) / DAY) * DAY - VN_OFFSET
const vnDate = (ms: number) => new Date(ms + VN_OFFSET).toISOString().slice(0, 10)
const pad = (n: number) => String(n).padStart(2, "0")

/** Epoch ms of the first day of the lunar year `year` (Tết), local midnight. */
export function tetOf(year: number): number {
  const d = lunarToSolar({ year, month: 1, day: 1 })
  return Date.parse(`${d.year}-${pad(d.month)}-${pad(d.day)}T00:00:00+07:00`)
}

/** The instant after `fromMs` that `gap` leads to (always strictly later). */
export function applyGap(calendar: Calendar, fromMs: number, gap: TimeGap): number {
  switch (gap.kind) {
    case "minutes":
      return fromMs + gap.amount * MINUTE
    case "hours":
      return fromMs + gap.amount * HOUR
    case "days":
      return vnMidnight(fromMs) + gap.amount * DAY + gap.hour * HOUR
    case "day-off": {
      let day = vnMidnight(fromMs) + DAY
      for (let i = 0; i < 400 && isWorkingDay(calendar, vnDate(day)); i++) day += DAY
      return day + gap.hour * HOUR
    }
    case "across-tet": {
      const year = Number(vnDate(fromMs).slice(0, 4))
      let tet = tetOf(year)
      if (tet + gap.offset * DAY <= fromMs) tet = tetOf(year + 1)
      return Math.max(tet + gap.offset * DAY + gap.hour * HOUR, fromMs + MINUTE)
    }
  }
}

/** An instant as ISO text in Vietnam time (`+07:00`), or in UTC (`Z`) when `utc`: the machine takes both. */
export function instantText(ms: number, utc = false): string {
  const iso = new Date(utc ? ms : ms + VN_OFFSET).toISOString()
  return utc ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}+07:00`
}

/**
 * When a dossier is filed: a working or non-working moment in the weeks before (and just after) Tết of one of
 * `years` (default 2025–2026, the years of the sample holiday file), so that processing runs across the break.
 */
export const arbFilingInstant = (years: ReadonlyArray<number> = [2025, 2026]): fc.Arbitrary<number> =>
  fc
    .record({
      year: fc.constantFrom(...years),
      daysBeforeTet: fc.integer({ min: -10, max: 45 }),
      minute: fc.integer({ min: 6 * 60, max: 20 * 60 }),
    })
    .map(({ year, daysBeforeTet, minute }) => tetOf(year) - daysBeforeTet * DAY + minute * MINUTE)
