import { Data } from "effect"

/**
 * Bad input to an indicator function: a negative or non-finite count, an unknown indicator id, a period that is not
 * `YYYY-MM`, `YYYY-Qn` or `YYYY`, … Thrown by the entry validation of the public functions of this module (like the
 * calendar's `CalendarInputError`), before any computation: `where` names the function and argument
 * (`scoreIndicator("2.1").counts.numerator`), `value` what was received, `message` says both in one sentence,
 * Vietnamese first.
 */
export class IndicatorInputError extends Data.TaggedError("IndicatorInputError")<{
  readonly message: string
  readonly where: string
  readonly value: unknown
}> {}

const show = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value)
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** `where: vấn đề / problem (nhận / got value)`. */
export const indicatorInputError = (where: string, vi: string, en: string, value: unknown): IndicatorInputError =>
  new IndicatorInputError({ message: `${where}: ${vi} / ${en} (nhận / got ${show(value)})`, where, value })
