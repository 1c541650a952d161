// One use case per action of the lifecycle after filing. Each is an Effect program over the ports: it reads the
// dossier, checks the policy, asks the machine and commits (dossier/engine.ts). `expectedVersion` is the version the
// caller saw: when the dossier moved on since, the answer is VersionConflict and nothing is written.
import {
  type CorrectionChange,
  type DocumentPresent,
  type MissingItem,
  type ObligationItem,
  type ReturnMethod,
  withoutRecordFlags,
} from "@motcua/domain"
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { declaredFlagsBacked } from "../digitisation/use-cases.ts"
import { act, type DossierView, type EventBody, loadDossier } from "../dossier/engine.ts"
import { ActionRefused } from "../errors.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { deliverResultsToWallet } from "../wallet/use-cases.ts"

/** What every lifecycle request may carry. */
export interface Versioned {
  readonly expectedVersion?: number
}

const simple = (
  principal: Principal,
  action: Parameters<typeof act>[0]["action"],
  code: string,
  expectedVersion: number | undefined,
  body: EventBody,
  documentIds?: ReadonlyArray<string>,
) =>
  act({
    principal,
    action,
    code,
    expectedVersion,
    event: body,
    ...(documentIds === undefined ? {} : { documentIds }),
  })

/**
 * The counter officer accepts the dossier as complete and valid (status 2): the clock starts. Documents it adds are
 * merged with those filed; a `digitised` or `fromEWallet` flag among them that no digitised paper of the dossier
 * backs is refused (PaperRefused declared-without-record, at `documents[i].digitised`): the paper is recorded first.
 */
export const accept = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & {
    readonly documents?: ReadonlyArray<DocumentPresent>
    readonly attachmentIds?: ReadonlyArray<string>
  },
) {
  const declared = input.documents
  return yield* act({
    principal,
    action: "dossier.accept",
    code,
    expectedVersion: input.expectedVersion,
    event: (ctx) =>
      declared === undefined
        ? Effect.succeed<EventBody>({ type: "accept" })
        : Effect.map(
            declaredFlagsBacked(ctx.loaded.dossier, declared, "documents"),
            (documents): EventBody => ({ type: "accept", documents }),
          ),
    ...(input.attachmentIds === undefined ? {} : { documentIds: input.attachmentIds }),
  })
})

/** The counter officer refuses the dossier at intake with reasons (status 3, refusal slip). */
export const refuse = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly reasons: ReadonlyArray<string> },
) {
  return yield* simple(principal, "dossier.refuse", code, input.expectedVersion, {
    type: "refuse",
    reasons: input.reasons,
  })
})

/** The holder of the current step asks the applicant for missing documents (status 5): the clock pauses. */
export const requestSupplementation = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly missing: ReadonlyArray<MissingItem>; readonly applicantDeadline: string },
) {
  return yield* simple(principal, "dossier.requestSupplementation", code, input.expectedVersion, {
    type: "requestSupplementation",
    missing: input.missing,
    applicantDeadline: input.applicantDeadline,
  })
})

/**
 * The supplement arrives (online from the applicant, at the counter or through the post office): back to 4. Flags
 * its documents declare are dropped, as a filing's are: the dossier's digitised flags are its records' (a paper of
 * the supplement is digitised by recording it, digitisePaper).
 */
export const receiveSupplement = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & {
    readonly documents: ReadonlyArray<DocumentPresent>
    readonly attachmentIds?: ReadonlyArray<string>
  },
) {
  return yield* simple(
    principal,
    "dossier.receiveSupplement",
    code,
    input.expectedVersion,
    { type: "supplementReceived", documents: input.documents.map(withoutRecordFlags) },
    input.attachmentIds,
  )
})

/** The holder of the current step asks for a financial obligation (status 6); the relay creates the payment request. */
export const requestPayment = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly items: ReadonlyArray<ObligationItem> },
) {
  return yield* simple(principal, "dossier.requestPayment", code, input.expectedVersion, {
    type: "requestFinancialObligation",
    items: input.items,
  })
})

/** The holder of the current step hands the dossier to the next step. */
export const completeStep = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly note?: string; readonly assigneeId?: string },
) {
  return yield* simple(principal, "dossier.completeStep", code, input.expectedVersion, {
    type: "completeStep",
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.assigneeId === undefined ? {} : { assigneeId: input.assigneeId }),
  })
})

/**
 * The holder of the current step transfers the dossier to another authority for an inter-agency step. The machine
 * has no jurisdiction data: an agency code the deployment's jurisdiction does not list is refused here
 * (ActionRefused, InvalidEvent at `agencyCode`), once the principal is authorised.
 */
export const transfer = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly agencyCode: string; readonly note?: string },
) {
  const catalog = yield* CatalogStore
  return yield* act({
    principal,
    action: "dossier.transfer",
    code,
    expectedVersion: input.expectedVersion,
    event: () =>
      catalog.jurisdiction.agencies.some((agency) => agency.code === input.agencyCode)
        ? Effect.succeed<EventBody>({
            type: "transfer",
            agencyCode: input.agencyCode,
            ...(input.note === undefined ? {} : { note: input.note }),
          })
        : Effect.fail(
            new ActionRefused({
              code,
              reason: {
                _tag: "InvalidEvent",
                problems: [
                  {
                    path: "agencyCode",
                    message: `không có cơ quan ${input.agencyCode} trong dữ liệu địa bàn / no such authority in the jurisdiction`,
                  },
                ],
              },
            }),
          ),
  })
})

/** The leader holding the dossier approves it. */
export const approve = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly note?: string },
) {
  return yield* simple(principal, "dossier.approve", code, input.expectedVersion, {
    type: "approve",
    ...(input.note === undefined ? {} : { note: input.note }),
  })
})

/** The leader holding the dossier rejects it with reasons. */
export const reject = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly reasons: ReadonlyArray<string> },
) {
  return yield* simple(principal, "dossier.reject", code, input.expectedVersion, {
    type: "reject",
    reasons: input.reasons,
  })
})

/** The holder of the last processing step declares the result ready (status 9), attaching the result documents. */
export const markResultReady = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly resultDocumentIds?: ReadonlyArray<string> },
) {
  return yield* simple(
    principal,
    "dossier.markResultReady",
    code,
    input.expectedVersion,
    {
      type: "resultReady",
      ...(input.resultDocumentIds === undefined ? {} : { resultDocumentIds: input.resultDocumentIds }),
    },
    input.resultDocumentIds,
  )
})

/** The result is handed over (status 10): at the counter, by post, or to the citizen's e-wallet. */
export const returnResult = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly method: ReturnMethod },
) {
  const returned = yield* simple(principal, "dossier.returnResult", code, input.expectedVersion, {
    type: "returnResult",
    method: input.method,
  })
  // returned electronically: the results go into the applicant's e-wallet
  if (input.method === "e-wallet") {
    const loaded = yield* loadDossier(code)
    yield* deliverResultsToWallet(loaded.record)
  }
  return returned
})

/** The applicant withdraws the dossier (online, or by a written request at the counter): status 7. */
export const withdraw = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly reason?: string },
) {
  return yield* simple(principal, "dossier.withdraw", code, input.expectedVersion, {
    type: "withdraw",
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  })
})

/** The holder of the current step stops processing with a notice (status 8). */
export const stop = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly reasons: ReadonlyArray<string> },
) {
  return yield* simple(principal, "dossier.stop", code, input.expectedVersion, { type: "stop", reasons: input.reasons })
})

/** The authority will be late: a new appointment with an apology slip (the dossier counts as late). */
export const extendWithApology = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly newAppointment: string; readonly reason: string },
) {
  return yield* simple(principal, "dossier.extendWithApology", code, input.expectedVersion, {
    type: "extendWithApology",
    newAppointment: input.newAppointment,
    reason: input.reason,
  })
})

/** A returned dossier's record is corrected (recorded as a correction; the dossier is never reopened). */
export const correct = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: Versioned & { readonly changes: ReadonlyArray<typeof CorrectionChange.Encoded>; readonly reason: string },
) {
  return yield* simple(principal, "dossier.correct", code, input.expectedVersion, {
    type: "correct",
    changes: input.changes,
    reason: input.reason,
  })
})

export type { DossierView }
