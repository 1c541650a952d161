/**
 * The data of the standard one-stop forms (Circular 01/2018/TT-VPCP, succeeded by Circular 03/2025/TT-VPCP), built
 * from a dossier's snapshot and its procedure. Each form is an effect Schema whose fields carry their Vietnamese
 * label as the `title` annotation (what a renderer prints, and what the OpenAPI document shows); rendering to PDF
 * comes later. Instants stay ISO-8601 in +07:00; `vietnamDateTime` formats them as printed (`dd/MM/yyyy HH:mm`).
 *
 * | form | builder | applies when |
 * |---|---|---|
 * | Giấy tiếp nhận hồ sơ và hẹn trả kết quả | `receiptSlip` | accepted |
 * | Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ | `supplementationRequestSlip` | a supplementation was requested |
 * | Phiếu từ chối tiếp nhận giải quyết hồ sơ | `refusalSlip` | refused at intake |
 * | Phiếu xin lỗi và hẹn lại ngày trả kết quả | `apologySlip` | extended with apology |
 * | Thông báo dừng xử lý hồ sơ | `stopNotice` | processing stopped |
 * | Phiếu kiểm soát quá trình giải quyết hồ sơ | `processControlSlip` | accepted |
 * | Sổ theo dõi hồ sơ | `trackingLogEntry`, `trackingLog` | always (one row per dossier) |
 *
 * A builder asked for a form that does not apply yet returns `FormNotApplicable` (never a half-empty form).
 */
import { Data, Result, Schema } from "effect"
import { applyVariant } from "../catalogue/queries.ts"
import type { Procedure } from "../catalogue/schema.ts"
import { classifyDossier, type DossierTimeliness } from "./classification.ts"
import type { ActedBy, DossierContext, Timeliness } from "./context.ts"
import type { FormKind } from "./effects.ts"
import { roleTitle } from "./role-titles.ts"
import { type DossierStateName, type HasStateValue, nationalStatusLabels, stateOf, statusOfState } from "./status.ts"

const labelled = <S extends Schema.Top>(schema: S, title: string) => schema.annotate({ title })
const Text = (title: string) => labelled(Schema.String, title)
const OptionalText = (title: string) => Schema.optionalKey(Text(title))
const Count = (title: string) => labelled(Schema.Number, title)

/** Labels of timeliness as printed on the process-control slip. */
export const timelinessLabels: Readonly<Record<DossierTimeliness, string>> = {
  early: "Trước hạn",
  "on-time": "Đúng hạn",
  late: "Quá hạn",
  pending: "Đang giải quyết",
  "not-counted": "Không tính",
}

const Officer = labelled(Schema.Struct({ id: Text("Mã cán bộ"), role: Text("Chức danh") }), "Cán bộ")
const Applicant = labelled(
  Schema.Struct({
    name: Text("Họ và tên / Tên tổ chức"),
    idNumber: Text("Số định danh / Mã số doanh nghiệp"),
    address: OptionalText("Địa chỉ"),
    phone: OptionalText("Số điện thoại"),
    email: OptionalText("Thư điện tử"),
  }),
  "Người nộp hồ sơ",
)

/** What every form starts with: which dossier, which procedure, whose. */
const header = {
  dossierCode: Text("Mã hồ sơ"),
  procedureCode: Text("Mã thủ tục"),
  procedureName: Text("Tên thủ tục hành chính"),
  agencyCode: Text("Cơ quan giải quyết"),
  applicant: Applicant,
}

export const ReceiptSlip = Schema.Struct({
  form: Schema.Literal("receipt"),
  title: Schema.Literal("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
  ...header,
  channel: Text("Hình thức nộp"),
  documents: labelled(
    Schema.Array(
      Schema.Struct({
        name: Text("Tên giấy tờ"),
        originals: Count("Số bản chính"),
        copies: Count("Số bản sao"),
        fromEWallet: labelled(Schema.Boolean, "Khai thác từ kho dữ liệu / ví điện tử"),
        digitised: labelled(Schema.Boolean, "Đã số hóa"),
      }),
    ),
    "Thành phần hồ sơ",
  ),
  receivedAt: Text("Thời điểm nộp hồ sơ"),
  acceptedAt: Text("Thời điểm tiếp nhận"),
  appointment: Text("Thời điểm hẹn trả kết quả"),
  receivedBy: Officer,
})
export type ReceiptSlip = typeof ReceiptSlip.Type

export const SupplementationRequestSlip = Schema.Struct({
  form: Schema.Literal("supplementation-request"),
  title: Schema.Literal("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
  ...header,
  /** 1 for the first request; a later one is printed with the late warning. */
  sequence: Count("Lần yêu cầu"),
  items: labelled(
    Schema.Array(
      Schema.Struct({ document: OptionalText("Giấy tờ"), description: Text("Nội dung cần bổ sung, hoàn thiện") }),
    ),
    "Hồ sơ cần bổ sung, hoàn thiện",
  ),
  requestedAt: Text("Thời điểm yêu cầu"),
  requestedBy: Officer,
  applicantDeadline: Text("Hạn bổ sung"),
  countsAsLate: labelled(Schema.Boolean, "Hồ sơ bị tính quá hạn (yêu cầu bổ sung lần thứ hai)"),
})
export type SupplementationRequestSlip = typeof SupplementationRequestSlip.Type

export const RefusalSlip = Schema.Struct({
  form: Schema.Literal("refusal"),
  title: Schema.Literal("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
  ...header,
  receivedAt: Text("Thời điểm nộp hồ sơ"),
  refusedAt: Text("Thời điểm từ chối"),
  refusedBy: Officer,
  reasons: labelled(Schema.Array(Schema.String), "Lý do từ chối"),
})
export type RefusalSlip = typeof RefusalSlip.Type

export const ApologySlip = Schema.Struct({
  form: Schema.Literal("apology"),
  title: Schema.Literal("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
  ...header,
  acceptedAt: Text("Thời điểm tiếp nhận"),
  previousAppointment: Text("Hẹn trả kết quả (lần trước)"),
  newAppointment: Text("Hẹn lại ngày trả kết quả"),
  reason: Text("Lý do quá hạn"),
  issuedAt: Text("Ngày lập phiếu"),
  issuedBy: Officer,
})
export type ApologySlip = typeof ApologySlip.Type

export const StopNotice = Schema.Struct({
  form: Schema.Literal("stop-notice"),
  title: Schema.Literal("THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ"),
  ...header,
  acceptedAt: OptionalText("Thời điểm tiếp nhận"),
  stoppedAt: Text("Thời điểm dừng xử lý"),
  stoppedBy: Officer,
  reasons: labelled(Schema.Array(Schema.String), "Lý do dừng xử lý"),
})
export type StopNotice = typeof StopNotice.Type

const TimelinessText = labelled(Schema.Literals(["early", "on-time", "late", "pending", "not-counted"]), "Kết quả")

export const ProcessControlSlip = Schema.Struct({
  form: Schema.Literal("process-control"),
  title: Schema.Literal("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
  ...header,
  acceptedAt: Text("Thời điểm tiếp nhận"),
  appointment: Text("Thời điểm hẹn trả kết quả"),
  rows: labelled(
    Schema.Array(
      Schema.Struct({
        order: Count("STT"),
        stepName: Text("Bước xử lý"),
        unit: Text("Tên cơ quan / bộ phận"),
        handedBy: labelled(Officer, "Bên giao"),
        holder: Schema.optionalKey(labelled(Officer, "Bên nhận (người xử lý)")),
        receivedAt: Text("Thời gian giao, nhận hồ sơ"),
        dueAt: Text("Hạn xử lý"),
        endedAt: OptionalText("Thời gian hoàn thành"),
        timeliness: TimelinessText,
        timelinessLabel: Text("Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)"),
      }),
    ),
    "Quá trình giải quyết",
  ),
  dossierTimeliness: TimelinessText,
  dossierTimelinessLabel: Text("Kết quả giải quyết hồ sơ"),
})
export type ProcessControlSlip = typeof ProcessControlSlip.Type

export const TrackingLogEntry = Schema.Struct({
  dossierCode: Text("Mã hồ sơ"),
  procedureName: Text("Tên thủ tục hành chính"),
  applicantName: Text("Tên cá nhân, tổ chức"),
  applicantAddress: OptionalText("Địa chỉ, số điện thoại"),
  receivedAt: Text("Ngày, giờ nhận hồ sơ"),
  appointment: OptionalText("Ngày, giờ hẹn trả kết quả"),
  transferredAt: OptionalText("Ngày chuyển hồ sơ đến cơ quan giải quyết"),
  processedAt: OptionalText("Ngày có kết quả"),
  returnedAt: OptionalText("Ngày trả kết quả"),
  returnMethod: OptionalText("Hình thức trả kết quả"),
  status: Count("Mã trạng thái"),
  statusLabel: Text("Trạng thái"),
  timeliness: TimelinessText,
  notes: labelled(Schema.Array(Schema.String), "Ghi chú"),
})
export type TrackingLogEntry = typeof TrackingLogEntry.Type

export const TrackingLog = Schema.Struct({
  form: Schema.Literal("tracking-log"),
  title: Schema.Literal("SỔ THEO DÕI HỒ SƠ"),
  entries: Schema.Array(TrackingLogEntry),
})
export type TrackingLog = typeof TrackingLog.Type

export class FormNotApplicable extends Data.TaggedError("FormNotApplicable")<{
  readonly form: FormKind | "process-control"
  readonly state: DossierStateName
  readonly message: string
}> {}

/** A dossier as the builders read it: a snapshot (live or JSON). */
export interface DossierView extends HasStateValue {
  readonly context: DossierContext
}

/** An officer as a form prints them: their account id and their role's title (not its key). */
const officer = (by: ActedBy) => ({ id: by.id, role: roleTitle(by.role) })
const channelLabels = { online: "Trực tuyến", counter: "Trực tiếp tại Bộ phận Một cửa", post: "Qua dịch vụ bưu chính" }
const returnLabels = { counter: "Trực tiếp", post: "Qua dịch vụ bưu chính", "e-wallet": "Trả kết quả điện tử" }

/** The procedure as it applied to this dossier's variant (the base procedure if the variant is gone). */
const procedureOf = (procedure: Procedure, context: DossierContext): Procedure =>
  Result.getOrElse(applyVariant(procedure, context.variantId), () => procedure)

function headerOf(procedure: Procedure, c: DossierContext) {
  const a = c.applicant
  return {
    dossierCode: c.dossierCode,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    agencyCode: c.agencyCode,
    applicant: {
      name: a.name,
      idNumber: a.id,
      ...(a.address === undefined ? {} : { address: a.address }),
      ...(a.phone === undefined ? {} : { phone: a.phone }),
      ...(a.email === undefined ? {} : { email: a.email }),
    },
  }
}

const notApplicable = (form: FormNotApplicable["form"], view: DossierView, why: string) =>
  Result.fail(new FormNotApplicable({ form, state: stateOf(view), message: `${form}: ${why}` }))

export function receiptSlip(view: DossierView, procedure: Procedure): Result.Result<ReceiptSlip, FormNotApplicable> {
  const c = view.context
  const p = procedureOf(procedure, c)
  if (c.acceptedAt === undefined || c.acceptedBy === undefined || c.initialAppointment === undefined) {
    return notApplicable("receipt", view, "hồ sơ chưa được tiếp nhận / not accepted")
  }
  const present = new Map(c.documents.map((d) => [d.id, d]))
  return Result.succeed({
    form: "receipt",
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    ...headerOf(p, c),
    channel: channelLabels[c.channel],
    documents: p.documents
      .filter((d) => present.has(d.id))
      .map((d) => ({
        name: d.name,
        originals: d.originals,
        copies: d.copies,
        fromEWallet: present.get(d.id)?.fromEWallet ?? false,
        digitised: present.get(d.id)?.digitised ?? false,
      })),
    receivedAt: c.receivedAt,
    acceptedAt: c.acceptedAt,
    appointment: c.initialAppointment,
    receivedBy: officer(c.acceptedBy),
  })
}

/** The slip of the `index`-th supplementation request (the last one by default). */
export function supplementationRequestSlip(
  view: DossierView,
  procedure: Procedure,
  index = view.context.supplementations.length - 1,
): Result.Result<SupplementationRequestSlip, FormNotApplicable> {
  const c = view.context
  const p = procedureOf(procedure, c)
  const request = c.supplementations[index]
  if (request === undefined)
    return notApplicable("supplementation-request", view, "không có yêu cầu bổ sung / no request")
  const names = new Map(p.documents.map((d) => [d.id, d.name]))
  return Result.succeed({
    form: "supplementation-request",
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    ...headerOf(p, c),
    sequence: index + 1,
    items: request.missing.map((m) => {
      const document = m.documentId === undefined ? undefined : (names.get(m.documentId) ?? m.documentId)
      return document === undefined ? { description: m.description } : { document, description: m.description }
    }),
    requestedAt: request.requestedAt,
    requestedBy: officer(request.requestedBy),
    applicantDeadline: request.applicantDeadline,
    countsAsLate: index > 0,
  })
}

export function refusalSlip(view: DossierView, procedure: Procedure): Result.Result<RefusalSlip, FormNotApplicable> {
  const c = view.context
  if (c.refusal === undefined) return notApplicable("refusal", view, "hồ sơ không bị từ chối / not refused")
  return Result.succeed({
    form: "refusal",
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    ...headerOf(procedureOf(procedure, c), c),
    receivedAt: c.receivedAt,
    refusedAt: c.refusal.at,
    refusedBy: officer(c.refusal.by),
    reasons: c.refusal.reasons,
  })
}

/** The apology slip of the `index`-th extension (the last one by default). */
export function apologySlip(
  view: DossierView,
  procedure: Procedure,
  index = view.context.extensions.length - 1,
): Result.Result<ApologySlip, FormNotApplicable> {
  const c = view.context
  const extension = c.extensions[index]
  if (extension === undefined || c.acceptedAt === undefined) {
    return notApplicable("apology", view, "không có gia hạn / no extension")
  }
  return Result.succeed({
    form: "apology",
    title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    ...headerOf(procedureOf(procedure, c), c),
    acceptedAt: c.acceptedAt,
    previousAppointment: extension.previousAppointment,
    newAppointment: extension.newAppointment,
    reason: extension.reason,
    issuedAt: extension.at,
    issuedBy: officer(extension.by),
  })
}

export function stopNotice(view: DossierView, procedure: Procedure): Result.Result<StopNotice, FormNotApplicable> {
  const c = view.context
  if (c.stop === undefined) return notApplicable("stop-notice", view, "hồ sơ không bị dừng xử lý / not stopped")
  return Result.succeed({
    form: "stop-notice",
    title: "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ",
    ...headerOf(procedureOf(procedure, c), c),
    ...(c.acceptedAt === undefined ? {} : { acceptedAt: c.acceptedAt }),
    stoppedAt: c.stop.at,
    stoppedBy: officer(c.stop.by),
    reasons: c.stop.reasons,
  })
}

export function processControlSlip(
  view: DossierView,
  procedure: Procedure,
): Result.Result<ProcessControlSlip, FormNotApplicable> {
  const c = view.context
  const p = procedureOf(procedure, c)
  if (c.acceptedAt === undefined || c.appointment === undefined) {
    return notApplicable("process-control", view, "hồ sơ chưa được tiếp nhận / not accepted")
  }
  const names = new Map(p.process.map((s) => [s.id, s.name]))
  const dossierTimeliness = classifyDossier(c)
  return Result.succeed({
    form: "process-control",
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    ...headerOf(p, c),
    acceptedAt: c.acceptedAt,
    appointment: c.appointment,
    rows: c.steps.map((s, i) => {
      const timeliness: Timeliness | "pending" = s.timeliness ?? "pending"
      const holder = s.endedBy ?? (s.assigneeId === undefined ? undefined : { id: s.assigneeId, role: s.role })
      return {
        order: i + 1,
        stepName: names.get(s.stepId) ?? s.stepId,
        unit: s.unit,
        handedBy: officer(s.handedBy),
        ...(holder === undefined ? {} : { holder: officer(holder) }),
        receivedAt: s.startedAt,
        dueAt: s.dueAt,
        ...(s.endedAt === undefined ? {} : { endedAt: s.endedAt }),
        timeliness,
        timelinessLabel: timelinessLabels[timeliness],
      }
    }),
    dossierTimeliness,
    dossierTimelinessLabel: timelinessLabels[dossierTimeliness],
  })
}

/** The dossier's row in the tracking log (sổ theo dõi hồ sơ). */
export function trackingLogEntry(view: DossierView, procedure: Procedure): TrackingLogEntry {
  const c = view.context
  const status = statusOfState[stateOf(view)]
  const handedOn = c.steps[0]?.endedAt
  const notes = [
    ...c.lateMarks.map((m) =>
      m.mark === "extended" ? "Gia hạn, có phiếu xin lỗi" : "Yêu cầu bổ sung lần thứ hai (tính quá hạn)",
    ),
    ...c.corrections.map((k) => `Đính chính: ${k.changes.map((x) => x.field).join(", ")} (${k.reason})`),
    ...(c.refusal === undefined ? [] : [`Từ chối: ${c.refusal.reasons.join("; ")}`]),
    ...(c.stop === undefined ? [] : [`Dừng xử lý: ${c.stop.reasons.join("; ")}`]),
    ...(c.withdrawal === undefined ? [] : ["Công dân rút hồ sơ"]),
  ]
  return {
    dossierCode: c.dossierCode,
    procedureName: procedureOf(procedure, c).name,
    applicantName: c.applicant.name,
    ...(c.applicant.address === undefined ? {} : { applicantAddress: c.applicant.address }),
    receivedAt: c.receivedAt,
    ...(c.appointment === undefined ? {} : { appointment: c.appointment }),
    ...(handedOn === undefined ? {} : { transferredAt: handedOn }),
    ...(c.processedAt === undefined ? {} : { processedAt: c.processedAt }),
    ...(c.returned === undefined ? {} : { returnedAt: c.returned.at, returnMethod: returnLabels[c.returned.method] }),
    status,
    statusLabel: nationalStatusLabels[status],
    timeliness: classifyDossier(c),
    notes,
  }
}

/** The tracking log of several dossiers, in the order they were received. */
export function trackingLog(entries: ReadonlyArray<TrackingLogEntry>): TrackingLog {
  const sorted = [...entries].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
  return { form: "tracking-log", title: "SỔ THEO DÕI HỒ SƠ", entries: sorted }
}

export type FormData = ReceiptSlip | SupplementationRequestSlip | RefusalSlip | ApologySlip | StopNotice

/** The form a `notifyApplicant` action names, built from the dossier after the transition. */
export function buildForm(
  kind: FormKind,
  view: DossierView,
  procedure: Procedure,
): Result.Result<FormData, FormNotApplicable> {
  switch (kind) {
    case "receipt":
      return receiptSlip(view, procedure)
    case "supplementation-request":
      return supplementationRequestSlip(view, procedure)
    case "refusal":
      return refusalSlip(view, procedure)
    case "apology":
      return apologySlip(view, procedure)
    case "stop-notice":
      return stopNotice(view, procedure)
  }
}
