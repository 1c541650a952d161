// What the national public service portal (DVCQG) is told about a dossier, as of one commit: the dossier record
// view and the progress view, written into the outbox row with the change (plan.ts) so that each push says what was
// true when it happened, and the pushes of a dossier replay its history in order. Adapters map these views to the
// portal's own format (adapters/portal-dvcqg: `toDossierRecord`, `toProgressItems`); the Schemas here decode a
// stored payload before it is mapped, so a row written by an older version fails with the path of each problem.
import {
  type DossierContext,
  type DossierStateName,
  type Jurisdiction,
  type NationalStatusCode,
  nationalStatusLabels,
  type Procedure,
  roleTitle,
  statusOfState,
} from "@motcua/domain"
import { Schema } from "effect"

const Text = Schema.String
const Maybe = Schema.NullOr(Schema.String)
const Status = Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 10 }))

/** The dossier record as the portal keeps it (one per dossier, created then updated). */
export const PortalRecordView = Schema.Struct({
  dossierCode: Text,
  procedureCode: Text,
  procedureName: Text,
  fieldCode: Text,
  fieldName: Text,
  channel: Schema.Literals(["online", "counter", "post"]),
  owner: Schema.Struct({
    kind: Schema.Literals(["citizen", "business"]),
    /** CCCD (12 digits), old ID (9 digits) or enterprise code. */
    id: Text,
    name: Text,
    phone: Maybe,
    email: Maybe,
    address: Maybe,
  }),
  /** Filed on the national portal: its dossier id and its id of the applicant's account. */
  portalDossierId: Maybe,
  portalApplicantId: Maybe,
  /**
   * The applicant is verified: their portal account with VNeID (a dossier filed on the portal), or their identity
   * against the national population database at filing here.
   */
  vneidVerified: Schema.Boolean,
  summary: Text,
  /** When the dossier was filed (handed in online, at a counter or a post office). */
  filedAt: Text,
  /** When it was accepted as complete (the clock starts). */
  acceptedAt: Maybe,
  appointmentAt: Maybe,
  status: Status,
  statusLabel: Text,
  refusedAt: Maybe,
  /** When processing ended: processed, else stopped, withdrawn or refused. */
  endedAt: Maybe,
  returnedAt: Maybe,
  returnMethod: Schema.NullOr(Schema.Literals(["counter", "post", "e-wallet"])),
  handlingAgencyCode: Text,
  handlingAgencyName: Maybe,
  /** Where it was filed: the intake point's name, or the national portal for online filings. */
  filedWhere: Maybe,
  /** Refusal, stop or withdrawal reasons, as the note of the record. */
  note: Maybe,
  documents: Schema.Array(
    Schema.Struct({
      /** The procedure's required-document id (the component code). */
      code: Text,
      name: Text,
      digitised: Schema.Boolean,
      reused: Schema.Boolean,
      fromDataStore: Schema.Boolean,
    }),
  ),
  results: Schema.Array(Schema.Struct({ documentId: Text, name: Text })),
  fees: Schema.Array(
    Schema.Struct({ feeId: Text, name: Text, kind: Schema.Literals(["fee", "charge"]), amount: Schema.Number }),
  ),
  /** Every payment was confirmed by the payment gateway (not at a counter), and there was at least one. */
  paidOnline: Schema.Boolean,
  supplementations: Schema.Array(
    Schema.Struct({
      round: Schema.Number,
      requestedAt: Text,
      requestedBy: Text,
      missing: Schema.Array(Text),
      applicantDeadline: Text,
      receivedAt: Maybe,
    }),
  ),
})
export type PortalRecordView = typeof PortalRecordView.Type

/** One progress update: what was done, by whom, and the statuses it entered. */
export const PortalProgressView = Schema.Struct({
  dossierCode: Text,
  at: Text,
  /** The event (the machine's), e.g. `accept`. */
  event: Text,
  /** What was done, in Vietnamese ("Tiếp nhận hồ sơ"). */
  content: Text,
  /** The statuses the event entered, in order (none when the status did not change: a hand-over between steps). */
  entered: Schema.Array(Status),
  /** The status after the event. */
  status: Status,
  handlerId: Text,
  handlerName: Maybe,
  /** The handler's title ("Công chức Bộ phận Một cửa"). */
  handlerTitle: Text,
  /** The department holding the dossier after the event (the open step's unit). */
  department: Maybe,
  stepStartedAt: Maybe,
  stepDueAt: Maybe,
})
export type PortalProgressView = typeof PortalProgressView.Type

/** The portal sync row's payload (topic `portal.sync`). */
export const PortalSyncPayload = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("record"), record: PortalRecordView }),
  Schema.Struct({ kind: Schema.Literal("progress"), progress: PortalProgressView }),
])
export type PortalSyncPayload = typeof PortalSyncPayload.Type

/** What each event did, as the progress update says it. */
export const eventContents: Readonly<Record<string, string>> = {
  file: "Nộp hồ sơ",
  accept: "Tiếp nhận hồ sơ",
  refuse: "Từ chối tiếp nhận hồ sơ",
  requestSupplementation: "Yêu cầu bổ sung hồ sơ",
  supplementReceived: "Tiếp nhận hồ sơ bổ sung",
  supplementationDeadlinePassed: "Quá hạn bổ sung hồ sơ, dừng xử lý",
  requestFinancialObligation: "Yêu cầu thực hiện nghĩa vụ tài chính",
  paymentConfirmed: "Xác nhận hoàn thành nghĩa vụ tài chính",
  completeStep: "Chuyển bước xử lý",
  transfer: "Chuyển hồ sơ liên thông",
  approve: "Phê duyệt kết quả",
  reject: "Không phê duyệt, trả lại bước trước",
  sign: "Ký duyệt kết quả",
  replaceResult: "Thay thế kết quả đã ký bằng kết quả đính chính",
  resultReady: "Đã có kết quả giải quyết",
  returnResult: "Trả kết quả",
  withdraw: "Công dân rút hồ sơ",
  stop: "Dừng xử lý hồ sơ",
  extendWithApology: "Gia hạn giải quyết, gửi phiếu xin lỗi",
  correct: "Đính chính kết quả",
}

const or = (value: string | undefined): string | null => value ?? null

/** The dossier record view of a dossier after a commit. */
export function portalRecordView(
  context: DossierContext,
  state: DossierStateName,
  procedure: Procedure,
  jurisdiction?: Jurisdiction,
): PortalRecordView {
  const status: NationalStatusCode = statusOfState[state]
  const names = new Map(procedure.documents.map((d) => [d.id, d.name]))
  const agency = jurisdiction?.agencies.find((a) => a.code === context.agencyCode)
  const intake =
    context.intakePointId === undefined
      ? undefined
      : jurisdiction?.intakePoints.find((p) => p.id === context.intakePointId)
  const ended = context.processedAt ?? context.stop?.at ?? context.withdrawal?.at ?? context.refusal?.at
  const reasons =
    context.refusal?.reasons ?? context.stop?.reasons ?? (context.withdrawal?.reason ? [context.withdrawal.reason] : [])
  return {
    dossierCode: context.dossierCode,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    fieldCode: procedure.field.code,
    fieldName: procedure.field.name,
    channel: context.channel,
    owner: {
      kind: context.applicant.kind,
      id: context.applicant.id,
      name: context.applicant.name,
      phone: or(context.applicant.phone),
      email: or(context.applicant.email),
      address: or(context.applicant.address),
    },
    portalDossierId: or(context.portal?.dossierId),
    portalApplicantId: or(context.portal?.applicantId),
    // verified: the portal's own word for a filing made there, or the applicant checked against the national
    // population database here (the identity VNeID accounts are verified against)
    vneidVerified: context.portal?.vneidVerified === true || context.applicantVerification !== undefined,
    summary: context.summary ?? procedure.name,
    filedAt: context.receivedAt,
    acceptedAt: or(context.acceptedAt),
    appointmentAt: or(context.appointment),
    status,
    statusLabel: nationalStatusLabels[status],
    refusedAt: or(context.refusal?.at),
    endedAt: or(ended),
    returnedAt: or(context.returned?.at),
    returnMethod: context.returned?.method ?? null,
    handlingAgencyCode: context.agencyCode,
    handlingAgencyName: or(agency?.name),
    filedWhere: context.channel === "online" ? "Cổng Dịch vụ công quốc gia" : or(intake?.name),
    note: reasons.length === 0 ? null : reasons.join("; "),
    documents: context.documents.map((d) => ({
      code: d.id,
      name: names.get(d.id) ?? d.id,
      digitised: d.digitised === true,
      reused: d.reused === true,
      fromDataStore: d.fromEWallet === true,
    })),
    results: (context.resultDocumentIds ?? []).map((id) => ({ documentId: id, name: procedure.result.name })),
    fees: context.fees.map((f) => ({ feeId: f.feeId, name: f.name, kind: f.kind, amount: f.amount })),
    paidOnline: context.payments.length > 0 && context.payments.every((p) => p.confirmedBy.role === "system"),
    supplementations: context.supplementations.map((s, i) => ({
      round: i + 1,
      requestedAt: s.requestedAt,
      requestedBy: s.requestedBy.id,
      missing: s.missing.map((m) => m.description),
      applicantDeadline: s.applicantDeadline,
      receivedAt: or(s.receivedAt),
    })),
  }
}

export interface ProgressInput {
  readonly context: DossierContext
  readonly state: DossierStateName
  readonly procedure: Procedure
  readonly at: string
  readonly event: string
  readonly entered: ReadonlyArray<NationalStatusCode>
  readonly actor: { readonly id: string; readonly role: string; readonly name?: string | undefined }
  /** The step open after the event, if any. */
  readonly stepId?: string | undefined
}

/** The progress view of one event. */
export function portalProgressView(input: ProgressInput): PortalProgressView {
  const { context, procedure } = input
  const step =
    input.stepId === undefined
      ? undefined
      : context.steps.find((s) => s.stepId === input.stepId && s.endedAt === undefined)
  const stepName = step === undefined ? undefined : procedure.process.find((s) => s.id === step.stepId)?.name
  const base = eventContents[input.event] ?? input.event
  return {
    dossierCode: context.dossierCode,
    at: input.at,
    event: input.event,
    content: input.event === "completeStep" && stepName !== undefined ? `${base}: ${stepName}` : base,
    entered: [...input.entered],
    status: statusOfState[input.state],
    // a citizen's id number is personal data: the portal is told only that the citizen acted
    handlerId: input.actor.role === "citizen" ? "citizen" : input.actor.id,
    handlerName: input.actor.role === "citizen" ? null : or(input.actor.name),
    // the portal's progress shows who handled a step by the role's title (never a citizen's name)
    handlerTitle: roleTitle(input.actor.role),
    department: or(step?.unit),
    stepStartedAt: or(step?.startedAt),
    stepDueAt: or(step?.dueAt),
  }
}
