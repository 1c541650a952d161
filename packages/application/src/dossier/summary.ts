// The summary columns kept beside the snapshot (DossierSummary), derived from the snapshot on every commit, so that
// work queues and lists never read snapshots.

import type { PersistedDossier } from "@motcua/domain"
import {
  type DossierContext,
  type NationalStatusCode,
  type Procedure,
  statusOfState,
  toVietnamTime,
} from "@motcua/domain"
import type { DossierSummary } from "../ports/records.ts"
import { stored } from "./instants.ts"

/**
 * The summary as answered to callers: instants in Vietnam time (`+07:00`), like every instant the API shows
 * (docs/architecture.md); they are stored in UTC so that the work queue sorts them as text.
 */
export const shownSummary = (summary: DossierSummary): DossierSummary => ({
  ...summary,
  dueAt: summary.dueAt === null ? null : toVietnamTime(summary.dueAt),
  appointmentAt: summary.appointmentAt === null ? null : toVietnamTime(summary.appointmentAt),
})

/** The step record of the step holding the dossier now, if one is open. */
export const openStep = (context: DossierContext) => {
  const last = context.steps[context.steps.length - 1]
  return last !== undefined && last.endedAt === undefined ? last : undefined
}

/** The role whose queue holds the dossier: the intake counter while filed, the current step's role while in work. */
function currentRole(dossier: PersistedDossier, procedure: Procedure): string | null {
  switch (dossier.value) {
    case "filed":
      return "counter-officer"
    case "accepted":
    case "working":
    case "processed":
      return openStep(dossier.context) === undefined
        ? null
        : (procedure.process[dossier.context.currentStep]?.role ?? null)
    default:
      // waiting for the applicant (supplementation, payment) or finished: nobody's queue
      return null
  }
}

export function summarize(dossier: PersistedDossier, procedure: Procedure): DossierSummary {
  const context = dossier.context
  const step = openStep(context)
  const role = currentRole(dossier, procedure)
  const fees = context.fees.reduce((sum, f) => sum + f.amount, 0)
  const obligations = context.obligations.reduce((sum, o) => sum + o.amount, 0)
  return {
    statusCode: statusOfState[dossier.value] as NationalStatusCode,
    state: dossier.value,
    procedureCode: context.procedureCode,
    // An inter-agency step is held by the other authority: its queue must find the dossier.
    agencyCode: step?.agencyCode ?? context.agencyCode,
    unitCode: context.unitCode ?? null,
    currentRole: role,
    dueAt: role !== null && step !== undefined ? stored(step.dueAt) : null,
    appointmentAt: context.appointment === undefined ? null : stored(context.appointment),
    feeTotal: fees + obligations,
  }
}
