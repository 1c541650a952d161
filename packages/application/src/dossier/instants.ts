import { type Instant, instantOf } from "../ports/records.ts"

/** An instant in any ISO-8601 form (the machine writes +07:00) in the stored form: UTC with milliseconds. */
export const stored = (instant: string): Instant => instantOf(Date.parse(instant))
