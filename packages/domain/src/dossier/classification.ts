/**
 * Early / on time / late, for each process step and for the dossier, following the national index rule
 * (Decision 766/QD-TTg, progress group):
 *
 * - The dossier's end is the moment processing ended: processed (result ready), else returned, else stopped. A
 *   dossier refused at intake never started its clock and one withdrawn by the applicant is not the authority's
 *   doing: both are `not-counted`.
 * - It is on time when that end is not after the appointment. Time spent waiting for a supplementation (and for a
 *   financial obligation, when the machine is configured so) is not counted: the machine moves the appointment and
 *   the current step's due instant over each pause when it ends (`moveDeadlineOverPause`), so comparing with the
 *   stored appointment already excludes it.
 * - A dossier marked late is late however it ends: a second supplementation request (only one is allowed) or an
 *   extension with apology (the new appointment is later than the one promised).
 * - Early (trước hạn) means ended on an earlier civil day (Vietnam time) than the due day; on time (đúng hạn) means
 *   ended on the due day, at or before the due instant; late (quá hạn) means after the due instant. This is how the
 *   appointment slip and the process-control slip are read: by day, with the hour of the appointment as the limit.
 */
import type { DossierContext, StepRecord, Timeliness } from "./context.ts"
import { isAfter, vietnamDate } from "./time.ts"

export type { Timeliness } from "./context.ts"

/** Timeliness of something that ended at `end` and was due at `due`. */
export function timeliness(end: string, due: string): Timeliness {
  if (isAfter(end, due)) return "late"
  return vietnamDate(end) < vietnamDate(due) ? "early" : "on-time"
}

/** A dossier's standing in the index: ended early/on time/late, still `pending`, or `not-counted`. */
export type DossierTimeliness = Timeliness | "pending" | "not-counted"

/** The instant processing ended for the index: processed, else returned, else stopped. */
export function processingEnd(context: DossierContext): string | undefined {
  return context.processedAt ?? context.returned?.at ?? context.stop?.at
}

export function classifyDossier(context: DossierContext): DossierTimeliness {
  if (context.refusal !== undefined || context.withdrawal !== undefined) return "not-counted"
  const end = processingEnd(context)
  if (context.lateMarks.length > 0) return "late"
  if (end === undefined || context.appointment === undefined) return "pending"
  return timeliness(end, context.appointment)
}

/** A step's timeliness: as recorded when it ended, or `pending` while the dossier is still at that step. */
export const classifyStep = (step: StepRecord): Timeliness | "pending" => step.timeliness ?? "pending"

/**
 * Whether a dossier still in progress is already past its appointment at `now` (for dashboards and reminders).
 * A dossier waiting for the applicant is not overdue: its clock is stopped.
 */
export function isOverdue(context: DossierContext, now: string): boolean {
  if (processingEnd(context) !== undefined || context.appointment === undefined) return false
  if (context.refusal !== undefined || context.withdrawal !== undefined) return false
  if (context.pauses.some((p) => p.to === undefined)) return false
  return isAfter(now, context.appointment)
}
