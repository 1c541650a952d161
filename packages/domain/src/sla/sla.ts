/**
 * Service-level standing of a dossier: the working time left before its appointment (the dossier) and before its
 * current step's due instant (the step), counted on the centre's calendar, and who is told when it runs short.
 *
 * - `timeLeft(calendar, now, due, warnMinutes)`: working minutes from `now` to `due` (negative once overdue: the
 *   working time since), and the standing: `overdue` when `now` is after `due`, `due-soon` when at most
 *   `warnMinutes` of working time are left, else `on-track`.
 * - `dossierSla(context, calendar, now, warnMinutes)`: both, for a dossier in progress. A dossier waiting for the
 *   applicant (supplementation, a financial obligation) has its clock stopped: `paused`, neither due soon nor late.
 *   A finished, refused or withdrawn dossier has none.
 * - `escalationFor(threshold, holderRole)`: due soon → the step's holder; overdue → the unit's leader, or the
 *   authority's leader when the holder is the unit's leader (or above) already.
 */
import { type Calendar, workingTimeBetween } from "../calendar/index.ts"
import type { StaffRole } from "../catalogue/schema.ts"
import { processingEnd } from "../dossier/classification.ts"
import type { DossierContext } from "../dossier/context.ts"
import { indicatorInputError } from "../indicators/errors.ts"

export type SlaStanding = "on-track" | "due-soon" | "overdue"

export interface TimeLeft {
  readonly due: string
  /** Working minutes left (negative: working minutes since it became overdue), whole. */
  readonly minutesLeft: number
  readonly standing: SlaStanding
}

function checkWarn(where: string, warnMinutes: number): void {
  if (typeof warnMinutes !== "number" || !Number.isFinite(warnMinutes) || warnMinutes < 0)
    throw indicatorInputError(
      where,
      "phải là số phút làm việc không âm",
      "must be a number of working minutes ≥ 0",
      warnMinutes,
    )
}

/** Working time from `now` to `due` and the standing it gives (see the module comment). */
export function timeLeft(calendar: Calendar, now: string, due: string, warnMinutes: number): TimeLeft {
  checkWarn("timeLeft(warnMinutes)", warnMinutes)
  const overdue = Date.parse(now) > Date.parse(due)
  const minutes = overdue
    ? -workingTimeBetween(calendar, due, now).minutes
    : workingTimeBetween(calendar, now, due).minutes
  const minutesLeft = Math.trunc(minutes)
  return {
    due,
    minutesLeft: Object.is(minutesLeft, -0) ? 0 : minutesLeft,
    standing: overdue ? "overdue" : minutes <= warnMinutes ? "due-soon" : "on-track",
  }
}

export interface StepTimeLeft extends TimeLeft {
  readonly stepId: string
  readonly role: StaffRole
  readonly unit: string
  readonly assigneeId?: string
}

export type DossierSla =
  | { readonly _tag: "none" }
  | { readonly _tag: "paused"; readonly since: string }
  | { readonly _tag: "running"; readonly dossier?: TimeLeft; readonly step?: StepTimeLeft }

/** The dossier's and its current step's time left at `now` (see the module comment). */
export function dossierSla(context: DossierContext, calendar: Calendar, now: string, warnMinutes: number): DossierSla {
  checkWarn("dossierSla(warnMinutes)", warnMinutes)
  if (context.refusal !== undefined || context.withdrawal !== undefined || processingEnd(context) !== undefined)
    return { _tag: "none" }
  const pause = context.pauses.find((p) => p.to === undefined)
  if (pause !== undefined) return { _tag: "paused", since: pause.from }
  const last = context.steps[context.steps.length - 1]
  const step = last !== undefined && last.endedAt === undefined ? last : undefined
  const dossier =
    context.appointment === undefined ? undefined : timeLeft(calendar, now, context.appointment, warnMinutes)
  return {
    _tag: "running",
    ...(dossier === undefined ? {} : { dossier }),
    ...(step === undefined
      ? {}
      : {
          step: {
            ...timeLeft(calendar, now, step.dueAt, warnMinutes),
            stepId: step.stepId,
            role: step.role,
            unit: step.unit,
            ...(step.assigneeId === undefined ? {} : { assigneeId: step.assigneeId }),
          },
        }),
  }
}

export interface Escalation {
  /** Who is told: a role of the dossier's authority (and unit), and the named officer when there is one. */
  readonly role: StaffRole
  readonly assigneeId?: string
}

/** Who is told at a threshold (see the module comment). */
export function escalationFor(
  threshold: "due-soon" | "overdue",
  holder: { readonly role: StaffRole; readonly assigneeId?: string },
): Escalation {
  if (threshold === "due-soon")
    return { role: holder.role, ...(holder.assigneeId === undefined ? {} : { assigneeId: holder.assigneeId }) }
  return {
    role: holder.role === "unit-leader" || holder.role === "authority-leader" ? "authority-leader" : "unit-leader",
  }
}
