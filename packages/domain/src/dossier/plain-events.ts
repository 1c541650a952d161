/**
 * The events' Schemas (events.ts), as plain structural checks in front of them. Nearly every event `decide` and
 * `open` see is valid — the application builds it from input already decoded at the edge — and decoding it through
 * the Schema costs more than the rest of the decision. So a valid event is recognised here, with plain checks, and
 * only an event these checks do not accept goes through the Schema, which then names every problem, or accepts it
 * after all (the way storage-sql's `summary.ts` checks a summary).
 *
 * Why it is safe: every check is the Schema's own rule, written with the same constants and functions (the instant
 * pattern and `instantProblem`, the dossier code's shape and `parseDossierCode`, the literals of `Role`, `Channel`,
 * `ReturnMethod`), and accepts a subset of what the Schema accepts; anything unusual (a key present with `undefined`,
 * an object that is not plain, an event type without a check) is left to the Schema. What a check returns is what the
 * Schema's decoding returns: a fresh object (and fresh arrays) with the Schema's fields only, in the Schema's order,
 * optional fields only when present. `plain-events.test.ts` checks both on generated events and mutations of them.
 */
import { INSTANT_PATTERN } from "../calendar/local-date.ts"
import { Channel } from "../catalogue/schema.ts"
import { DOSSIER_CODE_SHAPE, parseDossierCode } from "../dossier-code/code.ts"
import {
  array,
  boolean,
  type Check,
  type Field,
  isPlainObject,
  NO,
  oneOf,
  optional,
  pattern,
  required,
  struct,
  text,
} from "../shared/plain-check.ts"
import {
  Applicant,
  ApplicantVerification,
  type DossierEvent,
  type DossierEventType,
  type FileDossier,
  instantProblem,
  ReturnMethod,
  Role,
} from "./events.ts"

const nonEmpty = text(1)
const anyString = text()
/** `Positive.check(Schema.isInt())`. */
const positiveInt: Check<number> = (n) => (typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : NO)
/** `Dong`: a safe integer ≥ 0. */
const dong: Check<number> = (n) => (typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : NO)
/** `StrictInstant`: the calendar's instant pattern, then `instantProblem`. */
const instant: Check<string> = (s) =>
  typeof s === "string" && INSTANT_PATTERN.test(s) && instantProblem(s) === undefined ? s : NO
/** `DossierCode`: its shape, then `parseDossierCode`. */
const dossierCode: Check<string> = (s) =>
  typeof s === "string" && DOSSIER_CODE_SHAPE.test(s) && parseDossierCode(s)._tag === "Success" ? s : NO
const literal =
  <L extends string | boolean>(value: L): Check<L> =>
  (s) =>
    s === value ? value : NO
const sha256Hex = pattern(/^[0-9a-f]{64}$/)

const actor = struct({
  id: required(nonEmpty),
  role: required(oneOf(Role.literals)),
  agencyCodes: required(array(nonEmpty)),
  unitCodes: required(array(nonEmpty)),
  intakePointIds: required(array(nonEmpty)),
})
const common = { actor: required(actor), at: required(instant) }
/** `DocumentPresent`'s fields as plain checks (the API's filing body checks its documents with them too). */
export const PLAIN_DOCUMENT_PRESENT_FIELDS: Readonly<Record<string, Field>> = {
  id: required(nonEmpty),
  fromEWallet: optional(boolean),
  digitised: optional(boolean),
  reused: optional(boolean),
}
/** `Applicant`'s fields as plain checks (the API's filing body checks its applicant with them too). */
export const PLAIN_APPLICANT_FIELDS: Readonly<Record<string, Field>> = {
  id: required(nonEmpty),
  name: required(nonEmpty),
  kind: required(oneOf(Applicant.fields.kind.literals)),
  address: optional(nonEmpty),
  phone: optional(nonEmpty),
  email: optional(nonEmpty),
}
const documentPresent = struct(PLAIN_DOCUMENT_PRESENT_FIELDS)
const signedResultFile = struct({
  documentId: required(nonEmpty),
  sha256: required(sha256Hex),
  verificationId: required(nonEmpty),
  certificateSerial: optional(nonEmpty),
})
const event = (type: DossierEventType, fields: Readonly<Record<string, Field>>) =>
  struct({ type: required(literal(type)), ...common, ...fields })

/** One check per event type; `undefined`: none (the Schema decodes every such event). */
const checks: Readonly<Record<DossierEventType, Check | undefined>> = {
  accept: event("accept", { documents: optional(array(documentPresent)) }),
  refuse: event("refuse", { reasons: required(array(nonEmpty, { min: 1 })) }),
  requestSupplementation: event("requestSupplementation", {
    missing: required(array(struct({ documentId: optional(nonEmpty), description: required(nonEmpty) }), { min: 1 })),
    applicantDeadline: required(instant),
  }),
  supplementReceived: event("supplementReceived", { documents: required(array(documentPresent)) }),
  supplementationDeadlinePassed: event("supplementationDeadlinePassed", {}),
  requestFinancialObligation: event("requestFinancialObligation", {
    items: required(array(struct({ name: required(nonEmpty), amount: required(positiveInt) }), { min: 1 })),
  }),
  paymentConfirmed: event("paymentConfirmed", { paymentId: required(nonEmpty), amount: required(positiveInt) }),
  completeStep: event("completeStep", { note: optional(nonEmpty), assigneeId: optional(nonEmpty) }),
  transfer: event("transfer", { agencyCode: required(nonEmpty), note: optional(nonEmpty) }),
  approve: event("approve", { note: optional(nonEmpty) }),
  reject: event("reject", { reasons: required(array(nonEmpty, { min: 1 })) }),
  sign: event("sign", { signatureId: required(nonEmpty), document: optional(signedResultFile) }),
  replaceResult: event("replaceResult", {
    signatureId: required(nonEmpty),
    document: optional(signedResultFile),
    reason: required(nonEmpty),
  }),
  resultReady: event("resultReady", { resultDocumentIds: optional(array(nonEmpty)) }),
  returnResult: event("returnResult", { method: required(oneOf(ReturnMethod.literals)) }),
  withdraw: event("withdraw", { reason: optional(nonEmpty) }),
  stop: event("stop", { reasons: required(array(nonEmpty, { min: 1 })) }),
  extendWithApology: event("extendWithApology", { newAppointment: required(instant), reason: required(nonEmpty) }),
  correct: event("correct", {
    changes: required(
      array(struct({ field: required(nonEmpty), from: optional(anyString), to: required(anyString) }), { min: 1 }),
    ),
    reason: required(nonEmpty),
  }),
}

const filing = struct<FileDossier>({
  type: required(literal("file")),
  ...common,
  dossierCode: required(dossierCode),
  channel: required(oneOf(Channel.literals)),
  intakePointId: optional(nonEmpty),
  agencyCode: required(nonEmpty),
  unitCode: optional(nonEmpty),
  applicant: required(struct(PLAIN_APPLICANT_FIELDS)),
  representative: optional(
    struct({ id: required(nonEmpty), name: optional(nonEmpty), relationship: required(nonEmpty) }),
  ),
  summary: optional(nonEmpty),
  documents: required(array(documentPresent)),
  fees: optional(array(struct({ feeId: required(nonEmpty), amount: required(dong) }))),
  exemptions: optional(
    array(struct({ category: required(nonEmpty), documentId: optional(nonEmpty), confirmedBy: optional(nonEmpty) })),
  ),
  simulated: optional(literal(true)),
  portal: optional(
    struct({ dossierId: required(nonEmpty), applicantId: optional(nonEmpty), vneidVerified: required(boolean) }),
  ),
  applicantVerification: optional(
    struct({
      source: required(literal("population-db")),
      at: required(instant),
      by: required(nonEmpty),
      consent: required(oneOf(ApplicantVerification.fields.consent.literals)),
      reference: optional(nonEmpty),
    }),
  ),
})

/** The event as its Schema would decode it, when the plain checks accept it; otherwise undefined (ask the Schema). */
export function plainlyValidEvent(input: unknown): DossierEvent | undefined {
  if (!isPlainObject(input)) return undefined
  const type = input.type
  if (typeof type !== "string" || !Object.hasOwn(checks, type)) return undefined
  const check = checks[type as DossierEventType]
  const out = check === undefined ? NO : check(input)
  return out === NO ? undefined : (out as DossierEvent)
}

/** The filing as `FileDossier` would decode it, when the plain checks accept it; otherwise undefined. */
export function plainlyValidFiling(input: unknown): FileDossier | undefined {
  const out = filing(input)
  return out === NO ? undefined : out
}
