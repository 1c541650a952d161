/**
 * What the index needs to know about one dossier, read from its context: a flat record that storage keeps in a
 * table and counts with SQL (`DossierFacts`), and the judgement of a dossier at the end of a period
 * (`withinTimeAt`). The facts that are not in the dossier's own record (whether it reached the national portal,
 * whether a petition or a dislike rating names it) come from the store and are added when counting.
 *
 * Readings chosen (docs/quality-index.md lists them):
 * - received: every dossier filed, except one refused at intake (status 3: "không được tiếp nhận", it was never
 *   received); counted for 2.1: received and not withdrawn by the applicant (the authority's timeliness is not at
 *   stake), as the domain's `classifyDossier` does. Refusal and withdrawal are read as they stand now.
 * - the end of processing: processed (result ready), else returned, else stopped (`processingEnd`).
 * - electronic result: a result document is attached, or the result went to the citizen's e-wallet.
 * - digitised: every submitted document was scanned (or taken from the citizen's data store), and the dossier has
 *   an electronic result once it has a result at all.
 * - re-using data: at least one document was taken from the citizen's data store (e-wallet).
 * - verified account: filed online by the citizen's own account (citizen accounts are the national e-ID's), or the
 *   applicant checked against the national population database at filing (`applicantVerification`).
 * - fee due: fees or financial obligations above 0 đồng; paid online: a payment confirmed by the gateway (the
 *   system's signed callback), not by an officer at the counter.
 */
import { type Calendar, workingTimeBetween } from "../calendar/index.ts"
import type { Channel } from "../catalogue/schema.ts"
import { processingEnd } from "../dossier/classification.ts"
import type { DossierContext } from "../dossier/context.ts"

/** "refused" at intake (never received), "withdrawn" by the applicant, or still "open", or "ended". */
export type DossierStanding = "refused" | "withdrawn" | "open" | "ended"

export interface DossierFacts {
  readonly code: string
  /** The competent authority (not an inter-agency holder). */
  readonly agencyCode: string
  /** The commune-level unit, or null for a province-level dossier. */
  readonly unitCode: string | null
  readonly procedureCode: string
  readonly channel: Channel
  readonly standing: DossierStanding
  /** Instants in the stored form: UTC ISO-8601 with milliseconds (text order is time order). */
  readonly receivedAt: string
  readonly acceptedAt: string | null
  readonly endedAt: string | null
  readonly appointmentAt: string | null
  /** The first mark that makes the dossier late whatever its end (a second supplementation request, an apology). */
  readonly lateMarkedAt: string | null
  /** The start of the pause in progress (waiting for the applicant), or null. */
  readonly pausedSince: string | null
  /** Working minutes from acceptance to the end of processing, pauses left out; null until it ended. */
  readonly handlingMinutes: number | null
  readonly electronicResult: boolean
  readonly digitised: boolean
  readonly reusedData: boolean
  readonly verifiedAccount: boolean
  readonly feeDue: boolean
  readonly paidOnline: boolean
}

/** An instant in the stored form (UTC, milliseconds). */
export const storedInstant = (instant: string): string => new Date(Date.parse(instant)).toISOString()
const storedOrNull = (instant: string | undefined): string | null =>
  instant === undefined ? null : storedInstant(instant)

/** The facts of one dossier (see the module comment for the readings). */
export function dossierFacts(context: DossierContext, calendar: Calendar): DossierFacts {
  const end = processingEnd(context)
  const standing: DossierStanding =
    context.refusal !== undefined
      ? "refused"
      : context.withdrawal !== undefined
        ? "withdrawn"
        : end === undefined
          ? "open"
          : "ended"
  const electronicResult = (context.resultDocumentIds?.length ?? 0) > 0 || context.returned?.method === "e-wallet"
  const documentsDigitised =
    context.documents.length > 0 && context.documents.every((d) => d.digitised === true || d.fromEWallet === true)
  const firstMark = context.lateMarks.map((m) => storedInstant(m.at)).sort()[0]
  const openPause = context.pauses.find((p) => p.to === undefined)
  let handlingMinutes: number | null = null
  if (end !== undefined && context.acceptedAt !== undefined && Date.parse(end) >= Date.parse(context.acceptedAt)) {
    const pauses = context.pauses.flatMap((p) => (p.to === undefined ? [] : [{ from: p.from, to: p.to }]))
    handlingMinutes = Math.round(workingTimeBetween(calendar, context.acceptedAt, end, pauses).minutes)
  }
  const owed = context.fees.reduce((s, f) => s + f.amount, 0) + context.obligations.reduce((s, o) => s + o.amount, 0)
  return {
    code: context.dossierCode,
    agencyCode: context.agencyCode,
    unitCode: context.unitCode ?? null,
    procedureCode: context.procedureCode,
    channel: context.channel,
    standing,
    receivedAt: storedInstant(context.receivedAt),
    acceptedAt: storedOrNull(context.acceptedAt),
    endedAt: storedOrNull(end),
    appointmentAt: storedOrNull(context.appointment),
    lateMarkedAt: firstMark ?? null,
    pausedSince: storedOrNull(openPause?.from),
    handlingMinutes,
    electronicResult,
    digitised: documentsDigitised && (context.processedAt === undefined || electronicResult),
    reusedData: context.documents.some((d) => d.fromEWallet === true),
    verifiedAccount:
      (context.channel === "online" && context.filedBy.role === "citizen") ||
      context.applicantVerification !== undefined,
    feeDue: owed > 0,
    paidOnline: context.payments.some((p) => p.confirmedBy.role === "system"),
  }
}

/** Received (not refused at intake). */
export const isReceived = (f: Pick<DossierFacts, "standing">): boolean => f.standing !== "refused"
/** Counted for timeliness (2.1): received and not withdrawn. */
export const isCounted = (f: Pick<DossierFacts, "standing">): boolean =>
  f.standing !== "refused" && f.standing !== "withdrawn"

/**
 * Whether a counted dossier is handled on time or still within time at `end` (the end of a period, stored form),
 * the 2.1 rule: a late mark made before `end` makes it late; one that ended before `end` is on time when it ended
 * by its appointment; one unfinished at `end` is within time when its clock has not started (no appointment), when
 * its appointment is not before `end`, or when it was waiting for the applicant at `end` with time left when the
 * wait began (the appointment moves when the wait ends, by the time that was left).
 */
export function withinTimeAt(
  f: Pick<DossierFacts, "lateMarkedAt" | "endedAt" | "appointmentAt" | "pausedSince">,
  end: string,
): boolean {
  if (f.lateMarkedAt !== null && f.lateMarkedAt < end) return false
  if (f.endedAt !== null && f.endedAt < end) return f.appointmentAt === null || f.endedAt <= f.appointmentAt
  if (f.appointmentAt === null || f.appointmentAt >= end) return true
  return f.pausedSince !== null && f.pausedSince < end && f.pausedSince < f.appointmentAt
}
