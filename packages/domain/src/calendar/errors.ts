import { Data } from "effect"

/**
 * Bad input to a calendar function: a malformed date or instant, a month 13, a negative or fractional day count, a
 * year outside 1900–2199, a calendar without any working day, ...
 *
 * It is thrown (it is an `Error` with `_tag: "CalendarInputError"`) by the entry validation of every public calendar
 * function, before any computation starts, so nothing deeper inside ever throws on user data. `where` names the
 * function and argument (e.g. `"addWorkingDays(days)"`), `value` is what was received, and `message` says both in
 * one sentence, fit for a log line or an HTTP problem's detail.
 */
export class CalendarInputError extends Data.TaggedError("CalendarInputError")<{
  readonly message: string
  readonly where: string
  readonly value: unknown
}> {}

const show = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) {
    return String(value)
  }
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** Builds the error with a message of the form `where: problem (got value)`. */
export const inputError = (where: string, problem: string, value: unknown): CalendarInputError =>
  new CalendarInputError({ message: `${where}: ${problem} (got ${show(value)})`, where, value })
