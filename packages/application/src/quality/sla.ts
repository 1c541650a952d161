// Service levels (issue 15): the sweep that warns before a step or a dossier turns late and escalates once it has,
// exactly once per threshold per dossier, the officers' notices, and the leaders' list of overdue dossiers without an
// apology (the law requires an apology letter and a new appointment). The sweep runs periodically beside the outbox
// relay (apps/api background.ts); each notice is recorded with its outbox row (topic `notify.officer`) in one
// transaction, so the relay delivers it, and a notice already recorded is never recorded or sent again.
import {
  addWorkingHours,
  type DossierContext,
  dossierSla,
  escalationFor,
  leaderRoles,
  type StaffRole,
  type TimeLeft,
  timeLeft,
} from "@motcua/domain"
import { Effect } from "effect"
import { reachOf, rolesFor } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { loadDossier } from "../dossier/engine.ts"
import { stored } from "../dossier/instants.ts"
import { topics } from "../dossier/plan.ts"
import { Forbidden } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { type SlaNotice, SlaStore } from "../ports/quality.ts"
import type { DossierQueueItem } from "../ports/records.ts"
import { QualityConfig } from "./settings.ts"

export interface SlaSweepReport {
  /** Dossiers looked at. */
  readonly examined: number
  /** Notices recorded (and enqueued) by this sweep. */
  readonly noticed: ReadonlyArray<SlaNotice>
}

const PAGE = 200

function noticesFor(
  context: DossierContext,
  holderAgency: string,
  sla: ReturnType<typeof dossierSla>,
  at: string,
): SlaNotice[] {
  if (sla._tag !== "running") return []
  const out: SlaNotice[] = []
  const where = { agencyCode: holderAgency, unitCode: context.unitCode ?? null }
  const step = sla.step
  if (step !== undefined && step.standing !== "on-track") {
    const to = escalationFor(step.standing, step)
    out.push({
      dossierCode: context.dossierCode,
      subject: "step",
      stepId: step.stepId,
      threshold: step.standing,
      dueAt: stored(step.due),
      at,
      role: to.role,
      assigneeId: to.assigneeId ?? null,
      ...where,
    })
  }
  const dossier = sla.dossier
  if (dossier !== undefined && dossier.standing !== "on-track") {
    const holder: { role: StaffRole; assigneeId?: string } =
      step === undefined
        ? { role: "counter-officer" }
        : { role: step.role, ...(step.assigneeId === undefined ? {} : { assigneeId: step.assigneeId }) }
    const to = escalationFor(dossier.standing, holder)
    out.push({
      dossierCode: context.dossierCode,
      subject: "dossier",
      stepId: null,
      threshold: dossier.standing,
      dueAt: stored(dossier.due),
      at,
      role: to.role,
      assigneeId: to.assigneeId ?? null,
      agencyCode: context.agencyCode,
      unitCode: context.unitCode ?? null,
    })
  }
  return out
}

/** One sweep over the dossiers due within the warning window or overdue (see the module comment). */
export const slaSweep = Effect.fnUntraced(function* (options: { readonly pageSize?: number } = {}) {
  const store = yield* SlaStore
  const { calendar } = yield* CatalogStore
  const settings = yield* QualityConfig
  const now = yield* (yield* Clock).now
  const threshold = stored(addWorkingHours(calendar, now, settings.slaWarningMinutes / 60))
  const pageSize = options.pageSize ?? PAGE
  const noticed: SlaNotice[] = []
  let examined = 0
  let after = ""
  for (;;) {
    const page = yield* store.candidates(threshold, after, pageSize)
    for (const candidate of page) {
      examined++
      const loaded = yield* Effect.result(loadDossier(candidate.code))
      if (loaded._tag === "Failure") {
        yield* Effect.logWarning("sla sweep: a dossier could not be read", { code: candidate.code })
        continue
      }
      const { context, record } = loaded.success
      // a simulated dossier is never sent anywhere (simulation/simulation-run.ts)
      if (context.simulated === true) continue
      const sla = dossierSla(context, calendar, now, settings.slaWarningMinutes)
      for (const notice of noticesFor(context, record.summary.agencyCode, sla, now)) {
        const minutesLeft = timeLeft(calendar, now, notice.dueAt, settings.slaWarningMinutes).minutesLeft
        const recorded = yield* store.record(notice, {
          topic: topics.notifyOfficer,
          payload: {
            about: `sla.${notice.threshold}`,
            subject: notice.subject,
            stepId: notice.stepId,
            dueAt: notice.dueAt,
            minutesLeft,
            role: notice.role,
            assigneeId: notice.assigneeId,
            agencyCode: notice.agencyCode,
            unitCode: notice.unitCode,
          },
        })
        if (recorded) noticed.push(notice)
      }
    }
    const last = page.at(-1)
    if (last === undefined || page.length < pageSize) break
    after = last.code
  }
  return { examined, noticed } satisfies SlaSweepReport
})

/** What the principal's grant of `action` reaches (the policy's `reachOf`), or Forbidden. */
const reachFor = (principal: Principal, action: "sla.read" | "report.read") => {
  const reach = reachOf(principal, action)
  if (reach === undefined) {
    const allowed: ReadonlyArray<string> = rolesFor(action)
    return Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action,
        reason: `cần vai trò ${allowed.join(", ")} / needs one of the roles ${allowed.join(", ")}`,
      }),
    )
  }
  return Effect.succeed(reach)
}

/**
 * The notices for an officer: those naming them, and those for their roles in their authorities and units. A leader
 * sees the notices for either leader role (an authority without a unit leader still hears of its overdue dossiers).
 */
export const slaInbox = Effect.fnUntraced(function* (principal: Principal, limit = 100) {
  const reach = yield* reachFor(principal, "sla.read")
  // notices go to holders in authorities and units; a province-wide reach is not a holder of any
  const scope = reach._tag === "Listed" ? reach : { agencyCodes: [], unitCodes: [] }
  const leads = principal.roles.some((r) => (leaderRoles as ReadonlyArray<string>).includes(r))
  return yield* (yield* SlaStore).inbox({
    recipientId: principal.id,
    roles: [...new Set([...principal.roles, ...(leads ? leaderRoles : [])])],
    agencyCodes: scope.agencyCodes,
    unitCodes: scope.unitCodes,
    limit: Math.min(Math.max(1, Math.trunc(limit)), 500),
  })
})

/** Overdue dossiers without an apology and a new appointment, for leaders and administrators in scope. */
export const overdueWithoutApology = Effect.fnUntraced(function* (principal: Principal, limit = 100) {
  const reach = yield* reachFor(principal, "report.read")
  return yield* (yield* SlaStore).overdueWithoutApology(
    reach._tag === "Province" ? {} : { agencyCodes: reach.agencyCodes, unitCodes: reach.unitCodes },
    Math.min(Math.max(1, Math.trunc(limit)), 500),
  )
})

/** A work queue's rows with the working time left before each one's step is due (null when nothing is due). */
export const withTimeLeft = Effect.fnUntraced(function* <Row extends DossierQueueItem>(rows: ReadonlyArray<Row>) {
  const { calendar } = yield* CatalogStore
  const settings = yield* QualityConfig
  const now = yield* (yield* Clock).now
  return rows.map((row) => {
    const due = row.summary.dueAt
    const left: TimeLeft | null = due === null ? null : timeLeft(calendar, now, due, settings.slaWarningMinutes)
    return {
      ...row,
      timeLeft: left === null ? null : { minutes: left.minutesLeft, standing: left.standing },
    }
  })
})
