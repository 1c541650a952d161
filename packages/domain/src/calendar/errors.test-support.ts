// Shared by the calendar tests that check the typed error a bad input gets.
import { CalendarInputError } from "./errors.ts"

/** The CalendarInputError that `f` throws; any other error is rethrown, and returning is a failure. */
export function calendarInputError(f: () => unknown): CalendarInputError {
  try {
    f()
  } catch (e) {
    if (e instanceof CalendarInputError) return e
    throw e
  }
  throw new Error("expected a CalendarInputError")
}
