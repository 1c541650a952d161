/**
 * Working-time arithmetic the dossier needs, on top of the calendar module.
 *
 * Durations in working days are counted with `addWorkingDays` (same working time of day n working days later), so
 * "5 working days" means five calendar working days whatever the length of the centre's day; a fractional day (0.5)
 * adds that fraction of the centre's standard working day in hours. Durations in working hours use
 * `addWorkingHours`. (The catalogue's `durationInHours` uses 8 h a day only to compare and add allowances.)
 */
import {
  addWorkingDays,
  addWorkingHours,
  type Calendar,
  nextWorkingMoment,
  workingTimeBetween,
} from "../calendar/index.ts"
import type { Duration } from "../catalogue/schema.ts"
import { epochMs } from "./events.ts"

const MS_PER_HOUR = 3_600_000

/** The instant `duration` of working time after `start` (counted from the next working moment). */
export function addDuration(calendar: Calendar, start: string, duration: Duration): string {
  if (duration.unit === "working-hours") return addWorkingHours(calendar, start, duration.amount)
  const whole = Math.floor(duration.amount)
  const fraction = duration.amount - whole
  const afterWholeDays = addWorkingDays(calendar, start, whole)
  return fraction === 0
    ? afterWholeDays
    : addWorkingHours(calendar, afterWholeDays, (fraction * calendar.standardDayMs) / MS_PER_HOUR)
}

/** Working minutes in [from, to); 0 when `to` is not after `from`. */
export function workingMinutesBetween(calendar: Calendar, from: string, to: string): number {
  return epochMs(to) <= epochMs(from) ? 0 : workingTimeBetween(calendar, from, to).minutes
}

/**
 * Where a deadline lands once a pause [from, to) is taken out: the working time that was left at the start of the
 * pause is counted again from its end. A deadline already passed when the pause began does not move (the dossier
 * was late already, and stays so).
 *
 * Day-based deadlines are written as the start of a working period (07:30 on the appointment day), while adding
 * working hours that end exactly at closing time gives 17:00 of the day before: the same point in working time but
 * a calendar day earlier on the citizen's slip. A deadline that was a working moment therefore stays one: the result
 * is carried to the next working moment (which changes nothing when it already is one).
 */
export function moveDeadlineOverPause(calendar: Calendar, deadline: string, from: string, to: string): string {
  if (epochMs(deadline) <= epochMs(from)) return deadline
  const left = workingMinutesBetween(calendar, from, deadline)
  const moved = addWorkingHours(calendar, to, left / 60)
  return epochMs(nextWorkingMoment(calendar, deadline)) === epochMs(deadline)
    ? nextWorkingMoment(calendar, moved)
    : moved
}

/** The civil date in Vietnam (UTC+7, no daylight saving) of an instant, `YYYY-MM-DD`. */
export function vietnamDate(instant: string): string {
  return new Date(epochMs(instant) + 7 * MS_PER_HOUR).toISOString().slice(0, 10)
}

/** The civil date and clock time in Vietnam, `dd/MM/yyyy HH:mm`, as printed on the forms. */
export function vietnamDateTime(instant: string): string {
  const iso = new Date(epochMs(instant) + 7 * MS_PER_HOUR).toISOString()
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`
}

/**
 * The same instant written in Vietnam time, `YYYY-MM-DDTHH:MM:SS+07:00` (milliseconds only when not zero), like the
 * calendar's outputs: the context stores every instant this way, whatever offset the caller used.
 */
export function toVietnamTime(instant: string): string {
  const iso = new Date(epochMs(instant) + 7 * MS_PER_HOUR).toISOString()
  const ms = iso.slice(19, 23)
  return `${iso.slice(0, 19)}${ms === ".000" ? "" : ms}+07:00`
}

export const isAfter = (a: string, b: string): boolean => epochMs(a) > epochMs(b)

/** The event with its instants written in Vietnam time ({@link toVietnamTime}): what the machine stores. */
export function inVietnamTime<E extends { readonly at: string }>(event: E): E {
  const e = event as E & { readonly applicantDeadline?: string; readonly newAppointment?: string }
  return {
    ...event,
    at: toVietnamTime(event.at),
    ...(e.applicantDeadline === undefined ? {} : { applicantDeadline: toVietnamTime(e.applicantDeadline) }),
    ...(e.newAppointment === undefined ? {} : { newAppointment: toVietnamTime(e.newAppointment) }),
  }
}
