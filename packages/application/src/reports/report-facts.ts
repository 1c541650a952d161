// What the dossier report counts of one dossier (its status, day of receipt, class by the index rule, the
// online-payment marks, and the scope columns beyond authority and unit): the one place it is computed, for the
// report counted one dossier at a time (reportTally's add) and for the facts the store counts (refreshIndicatorFacts
// saves it beside the index facts; the storage migration that added those columns fills them with it too).
import { classifyDossier, type DossierContext, onlinePaymentIndicator, vietnamDate } from "@motcua/domain"
import { openStep } from "../dossier/summary.ts"
import type { DossierReportFacts } from "../ports/quality.ts"

export function reportFactsOf(statusCode: number, context: DossierContext): DossierReportFacts {
  // the domain's indicator, one dossier at a time (it counts each dossier on its own)
  const payment = onlinePaymentIndicator([context])
  return {
    statusCode,
    receivedDay: vietnamDate(context.receivedAt),
    timeliness: classifyDossier(context),
    paid: payment.paid === 1,
    paidOnline: payment.paidOnline === 1,
    intakePointId: context.intakePointId ?? null,
    holderAgencyCode: openStep(context)?.agencyCode ?? null,
  }
}
