// Dossiers: filing (online by the citizen, or at an intake point's counter), reading one, each officer action of
// the lifecycle, and the work queues. Every route calls one use case of @motcua/application, which checks the
// authorisation policy, the machine and the version; errors are mapped once in errors.ts (409, 422 with the typed
// reason, 403, 404). Filing and payment confirmation take an Idempotency-Key, scoped by the caller (the use cases'
// `onceFor`): a retry gets the first answer, the same key with another body is 422.
import {
  accept,
  appRoles,
  approve,
  completeStep,
  confirmPayment,
  correct,
  DocumentNotFound,
  DossierSummary,
  digitisePaper,
  dossierDocument,
  dossierDocumentPreview,
  dossierFormPdf,
  dossierForms,
  dossierPapers,
  extendWithApology,
  fileOnline,
  getDossier,
  intakeAtCounter,
  intakePointDossiers,
  markResultReady,
  myDossiers,
  type Principal,
  receiveSupplement,
  refuse,
  reject,
  replaceResult,
  requestPayment,
  requestSupplementation,
  returnResult,
  sign,
  stop,
  transfer,
  withdraw,
  workQueue,
} from "@motcua/application"
import {
  Applicant,
  AssessedFee,
  CorrectionChange,
  DocumentPresent,
  DossierCode,
  type DossierEventType,
  FeeQuoteRequest,
  lifecycleRules,
  MissingItem,
  ObligationItem,
  ProcedureCode,
  ReturnMethod,
  StrictInstant,
} from "@motcua/domain"
import { type Effect, Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation, type Operation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import type { AppServices } from "../runtime.ts"
import { plainFilingBody } from "./filing-body.ts"
import { runUseCase } from "./run.ts"
import { listOf, Version } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Text = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000))
const Id = Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200))
const Ids = Schema.Array(Id).check(Schema.isMaxLength(100))
const NonEmptyList = <S extends Schema.Top>(item: S) =>
  Schema.Array(item).check(Schema.isMinLength(1), Schema.isMaxLength(100))

const CodeParams = Schema.Struct({
  code: DossierCode.annotate({ description: "Mã hồ sơ, vd. 000.11.50.H49-251006-0001" }),
})

/**
 * The version the caller saw, required on every lifecycle action over HTTP: a client acting on a stale screen is
 * refused (409, nothing written) rather than silently applied to a dossier that moved on; a body without it is 400
 * at body.expectedVersion. The use cases keep it optional for internal callers (the relay's deadline checks).
 */
const expectedVersion = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(1)).annotate({
  description:
    "Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, " +
    "không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency).",
})

export const DossierView = Schema.Struct({
  code: Schema.String,
  version: Version,
  summary: DossierSummary.annotate({ identifier: "DossierSummary" }),
}).annotate({ identifier: "DossierView", description: "Hồ sơ sau thay đổi: mã, phiên bản, tóm tắt trạng thái" })

/** A scanned or uploaded paper: which required document it is and the staged bytes (filing's papers, the papers route). */
const PaperFields = {
  documentId: Id.annotate({ description: "The procedure's required document the paper is (RequiredDocument.id)" }),
  attachmentId: Id.annotate({ description: "The staged document with the bytes (POST /api/v1/documents)" }),
  pages: Schema.optionalKey(Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 10_000 }))),
  sha256: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[0-9a-fA-F]{64}$/))),
}

export const FilingBody = Schema.Struct({
  procedureCode: ProcedureCode.annotate({ description: "Mã thủ tục quốc gia, vd. 1.004222" }),
  variantId: Schema.optionalKey(Id),
  applicant: Applicant.annotate({ identifier: "Applicant" }),
  residence: Schema.Struct({
    provinceCode: Schema.String.check(Schema.isPattern(/^\d{2}$/u)),
    unitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\d{5}$/u))),
  }),
  subjectUnitCode: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\d{5}$/u))),
  summary: Schema.optionalKey(Text),
  documents: Schema.Array(DocumentPresent.annotate({ identifier: "DocumentPresent" }))
    .check(Schema.isMaxLength(100))
    .annotate({
      description:
        "Thành phần hồ sơ nộp. Cờ digitised / fromEWallet khai ở đây không được tính: giấy tờ chỉ là đã số hóa khi " +
        "có bản được ghi nhận (papers, hoặc POST /api/v1/dossiers/{code}/papers) và chỉ là lấy từ kho dữ liệu khi " +
        "lấy bằng fromWallet. The documents filed; a digitised or fromEWallet flag declared here is ignored: only a " +
        "recorded paper (papers) or a wallet paper taken (fromWallet) flags a document.",
    }),
  // The facts the procedure's fee rules depend on: the amounts are quoted from the catalogue with them.
  applicantCategories: FeeQuoteRequest.fields.applicantCategories.annotate({
    description: "Đối tượng miễn, giảm phí mà người nộp thuộc về, vd. poor-household",
  }),
  quantities: FeeQuoteRequest.fields.quantities.annotate({
    description: "Số bản, số trang, ... cho khoản phí tính theo đơn vị",
  }),
  declaredValue: FeeQuoteRequest.fields.declaredValue.annotate({ description: "Giá trị kê khai (đồng)" }),
  area: FeeQuoteRequest.fields.area.annotate({ description: "Diện tích (m²)" }),
  exemptionProofs: Schema.optionalKey(
    Schema.Array(
      Schema.Struct({
        category: Id,
        attachmentId: Schema.optionalKey(Id),
        confirmed: Schema.optionalKey(Schema.Literal(true)),
      }).annotate({ identifier: "ExemptionProof" }),
    )
      .check(Schema.isMaxLength(20))
      .annotate({
        description:
          "Chứng minh từng đối tượng miễn, giảm trong applicantCategories: attachmentId (giấy tờ trong attachmentIds), " +
          "hoặc confirmed: true khi cán bộ tiếp nhận/bưu điện đã xem bản chính (không dùng khi nộp trực tuyến). " +
          "Thiếu → 422 exemption-unproven. The proof of each category claimed: an attached document, or the intake " +
          "officer's confirmation.",
      }),
  ),
  // Kept in the schema only so that a caller sending amounts is told so (422), not silently ignored.
  fees: Schema.optionalKey(
    Schema.Array(AssessedFee)
      .check(Schema.isMaxLength(100))
      .annotate({
        description:
          "KHÔNG NHẬN: số tiền phí, lệ phí do hệ thống tính theo danh mục; gửi trường này → 422 " +
          "(FilingRefused fee-amounts-not-accepted). Refused: amounts come from the catalogue, not the caller.",
      }),
  ),
  attachmentIds: Schema.optionalKey(Ids),
  onBehalfOf: Schema.optionalKey(
    Schema.Struct({ relationship: Text }).annotate({
      description:
        "Nộp thay người khác (trực tuyến): quan hệ với người đứng tên, vd. cha, người được ủy quyền. Thiếu trường này " +
        "mà người đứng tên không phải chủ tài khoản → 422 applicant-not-caller. Filing for someone else online.",
    }),
  ),
  papers: Schema.optionalKey(
    Schema.Array(Schema.Struct(PaperFields).annotate({ identifier: "FiledPaper" }))
      .check(Schema.isMaxLength(100))
      .annotate({
        description:
          "Giấy tờ quét hoặc tải lên kèm hồ sơ: mỗi bản là giấy tờ nào của thủ tục (documentId) và tệp đã tải lên " +
          "(attachmentId, POST /api/v1/documents); được ghi nhận là giấy tờ đã số hóa (số trang, SHA-256, ai, khi " +
          "nào) và đính kèm hồ sơ. Sai → 422 chỉ rõ trường papers[i]. Scanned or uploaded papers, each recorded as the " +
          "required document it is (digitised) and attached.",
      }),
  ),
  fromWallet: Schema.optionalKey(
    Schema.Array(Schema.Struct({ documentId: Id, walletEntryId: Id }))
      .check(Schema.isMaxLength(50))
      .annotate({
        description:
          "Trực tuyến: giấy tờ lấy từ kho dữ liệu của chính người nộp thay cho tải lên (được ghi là lấy từ kho dữ " +
          "liệu). Online: required documents taken from the signed-in citizen's e-wallet instead of uploaded.",
      }),
  ),
  intakePointId: Schema.optionalKey(
    Id.annotate({
      description: "Điểm tiếp nhận khi cán bộ tiếp nhận tại quầy / bưu điện; bỏ trống khi nộp trực tuyến",
    }),
  ),
  verifyApplicant: Schema.optionalKey(
    Schema.Struct({ consent: Schema.Literals(["signed-at-counter", "e-id", "declared-online"]) }).annotate({
      description:
        "Xác thực người đứng tên (công dân) với Cơ sở dữ liệu quốc gia về dân cư, khi người đó đã đồng ý (ký tại " +
        "quầy, qua tài khoản định danh, khai khi nộp trực tuyến): hồ sơ ghi nhận đã xác thực (chỉ số 4.5, cờ xác " +
        "thực gửi Cổng DVCQG). Không có trong CSDL → 422 applicant-not-in-population-db; họ tên không khớp → 422 " +
        "applicant-mismatch; CSDL không trả lời → 503. Check the applicant against the population database.",
    }),
  ),
}).annotate({ identifier: "Filing" })

const Dong = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))

const PaymentRequestShown = Schema.Struct({
  requestId: Schema.String.annotate({
    description: "Mã yêu cầu thanh toán trong sổ thanh toán (the ledger's request id, as in /payment-requests)",
  }),
  reference: Schema.String.annotate({ description: "Mã thanh toán (MC…): nội dung chuyển khoản phải có mã này" }),
  channel: Schema.Literals(["vietqr", "gateway"]).annotate({
    description: "vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán",
  }),
  status: Schema.Literals(["pending", "paid", "expired", "failed", "cancelled"]),
  amount: Dong,
  items: Schema.Array(Schema.Struct({ name: Schema.String, amount: Dong })),
  payUrl: Schema.optionalKey(Schema.String.annotate({ description: "Đường dẫn thanh toán của cổng thanh toán" })),
  qrPayload: Schema.optionalKey(
    Schema.String.annotate({
      description: "Nội dung mã VietQR (EMVCo): tài khoản của trung tâm, số tiền, mã thanh toán",
    }),
  ),
  createdAt: Schema.String,
  expiresAt: Schema.String.annotate({ description: "Hết hạn lúc (after this, an unpaid request is closed)" }),
  paidAt: Schema.optionalKey(Schema.String),
  closedReason: Schema.optionalKey(Schema.String),
  supersededBy: Schema.optionalKey(
    Schema.String.annotate({
      description:
        "Khoản thanh toán đã trả đủ hồ sơ khi yêu cầu này còn chờ: yêu cầu bị đóng (cancelled) / the payment that settled the dossier and closed this request",
    }),
  ),
  open: Schema.Boolean.annotate({
    description:
      "Thanh toán được ngay: đang chờ, chưa hết hạn và đúng số còn phải nộp (pending, not expired, and exactly what " +
      "is still owed)",
  }),
}).annotate({ identifier: "DossierPaymentRequest" })

const DossierPayment = Schema.Struct({
  outstanding: Dong.annotate({
    description: "Số còn phải nộp (đồng): phí, lệ phí và nghĩa vụ tài chính trừ số đã nộp",
  }),
  paid: Dong.annotate({ description: "Số đã nộp (đồng), mọi kênh" }),
  requests: Schema.Array(PaymentRequestShown),
}).annotate({
  identifier: "DossierPayment",
  description: "Còn phải nộp bao nhiêu và nộp ở đâu (how much is owed, how to pay)",
})

const OfferedAction = Schema.Struct({
  action: Schema.String.annotate({
    description: "Đoạn đường dẫn của thao tác: POST /api/v1/dossiers/{code}/<action> (the action's path segment)",
  }),
  event: Schema.String.annotate({ description: "Sự kiện của máy trạng thái (the machine's event)" }),
  allowed: Schema.Boolean.annotate({
    description:
      "true: người gọi thực hiện được ngay; false: quy tắc của máy trạng thái đang chặn, lý do ở reason " +
      "(true: the caller may take it now; false: a rule of the machine blocks it, reason says which)",
  }),
  reason: Schema.optionalKey(Schema.String.annotate({ description: "Lý do bị chặn, tiếng Việt rồi tiếng Anh" })),
  refusal: Schema.optionalKey(Schema.String.annotate({ description: "Loại lý do (the refusal's tag)" })),
  methods: Schema.optionalKey(
    Schema.Array(ReturnMethod).annotate({ description: "Trả kết quả: các cách người gọi được dùng" }),
  ),
}).annotate({ identifier: "OfferedAction" })

const DossierDetail = Schema.Struct({
  code: Schema.String,
  version: Version,
  summary: DossierSummary,
  procedureName: Schema.String,
  context: Schema.Record(Schema.String, Schema.Unknown).annotate({ description: "Toàn bộ ngữ cảnh hồ sơ" }),
  documentIds: Schema.Array(Schema.String),
  payment: DossierPayment,
  actions: Schema.Array(OfferedAction).annotate({
    description:
      "Các thao tác người gọi được thực hiện với hồ sơ lúc này theo phân quyền và máy trạng thái (đúng như khi gửi " +
      "thao tác), kèm thao tác đang bị quy tắc chặn và lý do. The lifecycle actions the policy and the machine " +
      "allow the caller now (as sending them would be decided), and those a rule blocks, with the reason.",
  }),
}).annotate({ identifier: "DossierDetail" })

const Count = Schema.Number.check(Schema.isInt(), Schema.isGreaterThanOrEqualTo(0))

/** One version of a digitised paper (DigitisedPaperStore). */
const DigitisedPaperView = Schema.Struct({
  documentId: Schema.String.annotate({ description: "Thành phần hồ sơ (RequiredDocument.id)" }),
  version: Version.annotate({ description: "1 for the first digitisation; each replacement the next" }),
  fileId: Schema.String.annotate({
    description: "The attached document: GET /api/v1/dossiers/{code}/documents/{fileId}",
  }),
  pages: Schema.NullOr(Count),
  sha256: Schema.String,
  mediaType: Schema.String,
  size: Count,
  source: Schema.Literals(["officer", "citizen", "e-wallet"]),
  digitisedBy: Schema.String,
  digitisedAt: Schema.String,
  intakePointId: Schema.NullOr(Schema.String),
  unitCode: Schema.NullOr(Schema.String),
  agencyCode: Schema.String,
  walletEntryId: Schema.NullOr(Schema.String),
}).annotate({ identifier: "DigitisedPaper" })

const PaperHistoryView = Schema.Struct({
  documentId: Schema.String,
  name: Schema.String,
  current: DigitisedPaperView,
  versions: Schema.Array(DigitisedPaperView).annotate({ description: "Every version, oldest first" }),
}).annotate({ identifier: "PaperHistory" })

const DigitisePaperBody = Schema.Struct({
  ...PaperFields,
  intakePointId: Schema.optionalKey(Id),
  expectedVersion: Schema.optionalKey(expectedVersion),
}).annotate({ identifier: "DigitisePaperRequest" })

/** One lifecycle action: its path segment, body Schema, use case and what the OpenAPI says. */
interface ActionSpec<B extends Schema.Top> {
  readonly segment: string
  /** The machine's event it sends: the states and roles in its description come from the machine's tables. */
  readonly event: DossierEventType
  readonly operationId: string
  readonly summary: string
  readonly description: string
  readonly body: B
  readonly idempotent?: true
  // biome-ignore lint/suspicious/noExplicitAny: each action's use case is typed where it is listed below.
  readonly run: (principal: any, code: string, body: B["Type"], idempotencyKey: string | undefined) => any
}

const action = <B extends Schema.Top>(spec: ActionSpec<B>) => spec

/** An action's use case once its body is decoded by its own Schema (the table pairs them). */
type UseCaseOf = (
  principal: Principal,
  code: string,
  body: unknown,
  idempotencyKey: string | undefined,
) => Effect.Effect<unknown, unknown, AppServices>

const actions = [
  action({
    segment: "accept",
    event: "accept",
    operationId: "acceptDossier",
    summary: "Tiếp nhận hồ sơ (đủ, hợp lệ): bắt đầu tính thời hạn",
    description:
      "The counter officer accepts the dossier as complete and valid (status 2). A documents[i].digitised or " +
      "fromEWallet flag that no digitised paper of the dossier backs is 422 PaperRefused declared-without-record at " +
      "body.documents[i].digitised (record the scan first: POST /api/v1/dossiers/{code}/papers).",
    body: Schema.Struct({
      expectedVersion,
      documents: Schema.optionalKey(
        Schema.Array(DocumentPresent)
          .check(Schema.isMaxLength(100))
          .annotate({
            description:
              "Giấy tờ bổ sung tại quầy, gộp với giấy tờ đã nộp. Cờ digitised / fromEWallet phải đúng với bản số hóa " +
              "đã ghi nhận, nếu không → 422. Documents added at the counter; a flag must match a recorded paper.",
          }),
      ),
      attachmentIds: Schema.optionalKey(Ids),
    }),
    run: (p, code, b) => accept(p, code, b),
  }),
  action({
    segment: "refuse",
    event: "refuse",
    operationId: "refuseDossier",
    summary: "Từ chối tiếp nhận hồ sơ, nêu lý do",
    description: "The counter officer refuses the dossier at intake with reasons (status 3).",
    body: Schema.Struct({ expectedVersion, reasons: NonEmptyList(Text) }),
    run: (p, code, b) => refuse(p, code, b),
  }),
  action({
    segment: "request-supplementation",
    event: "requestSupplementation",
    operationId: "requestSupplementation",
    summary: "Yêu cầu bổ sung hồ sơ",
    description: "The holder of the current step asks for missing documents (status 5); the clock pauses.",
    body: Schema.Struct({
      expectedVersion,
      missing: NonEmptyList(MissingItem),
      applicantDeadline: StrictInstant.annotate({ description: "Hạn bổ sung (ISO-8601 có múi giờ)" }),
    }),
    run: (p, code, b) => requestSupplementation(p, code, b),
  }),
  action({
    segment: "receive-supplement",
    event: "supplementReceived",
    operationId: "receiveSupplement",
    summary: "Nhận hồ sơ bổ sung",
    description:
      "The supplement arrives (online from the applicant, or at the counter): back to processing. Digitised / " +
      "fromEWallet flags on its documents are ignored: a paper is digitised by recording it (…/papers).",
    body: Schema.Struct({
      expectedVersion,
      documents: Schema.Array(DocumentPresent).check(Schema.isMaxLength(100)),
      attachmentIds: Schema.optionalKey(Ids),
    }),
    run: (p, code, b) => receiveSupplement(p, code, b),
  }),
  action({
    segment: "request-payment",
    event: "requestFinancialObligation",
    operationId: "requestPayment",
    summary: "Yêu cầu thực hiện nghĩa vụ tài chính",
    description: "The holder of the current step asks for a financial obligation (status 6).",
    body: Schema.Struct({ expectedVersion, items: NonEmptyList(ObligationItem) }),
    run: (p, code, b) => requestPayment(p, code, b),
  }),
  action({
    segment: "confirm-payment",
    event: "paymentConfirmed",
    operationId: "confirmPayment",
    summary: "Xác nhận đã nộp phí, lệ phí (Idempotency-Key bắt buộc)",
    description:
      "A payment recorded at the counter (cash) by an officer; idempotent by the Idempotency-Key. An integration " +
      "client (API key) gets 403 here: systems confirm payments only with the gateway's signed callback " +
      "(POST /api/v1/payments/callback).",
    body: Schema.Struct({
      expectedVersion,
      paymentId: Id,
      amount: Schema.Number.check(Schema.isInt(), Schema.isGreaterThan(0)),
    }),
    idempotent: true,
    run: (p, code, b, key) => confirmPayment(p, code, b, key ?? ""),
  }),
  action({
    segment: "complete-step",
    event: "completeStep",
    operationId: "completeStep",
    summary: "Chuyển bước xử lý tiếp theo",
    description: "The holder of the current step hands the dossier to the next step.",
    body: Schema.Struct({ expectedVersion, note: Schema.optionalKey(Text), assigneeId: Schema.optionalKey(Id) }),
    run: (p, code, b) => completeStep(p, code, b),
  }),
  action({
    segment: "transfer",
    event: "transfer",
    operationId: "transferDossier",
    summary: "Chuyển hồ sơ liên thông sang cơ quan khác",
    description: "The holder of the current step transfers the dossier to another authority (inter-agency step).",
    body: Schema.Struct({ expectedVersion, agencyCode: Id, note: Schema.optionalKey(Text) }),
    run: (p, code, b) => transfer(p, code, b),
  }),
  action({
    segment: "approve",
    event: "approve",
    operationId: "approveDossier",
    summary: "Phê duyệt kết quả",
    description: "The leader holding the dossier approves it.",
    body: Schema.Struct({ expectedVersion, note: Schema.optionalKey(Text) }),
    run: (p, code, b) => approve(p, code, b),
  }),
  action({
    segment: "reject",
    event: "reject",
    operationId: "rejectDossier",
    summary: "Không phê duyệt, nêu lý do",
    description: "The leader holding the dossier rejects it with reasons.",
    body: Schema.Struct({ expectedVersion, reasons: NonEmptyList(Text) }),
    run: (p, code, b) => reject(p, code, b),
  }),
  action({
    segment: "sign",
    event: "sign",
    operationId: "signResult",
    summary: "Ký số văn bản kết quả",
    description:
      "The leader signs the result: the PDF uploaded first with POST /api/v1/documents (a verification page with " +
      "its QR code is added to it), or, without documentId, the result document rendered from the dossier. The " +
      "signed PDF is stored and registered for verification (GET /api/v1/dossiers/{code}/results). A file that is " +
      "not a PDF, is encrypted or contains JavaScript, and a certificate expired or not yet valid, are 422 " +
      "SigningRefused with the reason.",
    body: Schema.Struct({ expectedVersion, documentId: Schema.optionalKey(Id) }),
    run: (p, code, b) => sign(p, code, b),
  }),
  action({
    segment: "replace-result",
    event: "replaceResult",
    operationId: "replaceResult",
    summary: "Thay thế kết quả đã ký bằng kết quả đính chính",
    description:
      "A leader of the dossier's authority issues a corrected result in place of the signed one (valid, or revoked " +
      "already): signed like the first (documentId as for sign, or rendered from the dossier), it becomes the " +
      "dossier's result and names the one it replaces; the old result's verification says 'đã được thay thế bởi … / " +
      "replaced by …' with a link to the new one. A result already returned to the citizen's e-wallet is marked " +
      "replaced there and the corrected one added. Refusals as for sign; 422 SignatureRequired when nothing was " +
      "signed yet.",
    body: Schema.Struct({ expectedVersion, documentId: Schema.optionalKey(Id), reason: Text }),
    run: (p, code, b) => replaceResult(p, code, b),
  }),
  action({
    segment: "mark-result-ready",
    event: "resultReady",
    operationId: "markResultReady",
    summary: "Có kết quả, chờ trả",
    description: "The holder of the last step declares the result ready (status 9), attaching the result documents.",
    body: Schema.Struct({ expectedVersion, resultDocumentIds: Schema.optionalKey(Ids) }),
    run: (p, code, b) => markResultReady(p, code, b),
  }),
  action({
    segment: "return-result",
    event: "returnResult",
    operationId: "returnResult",
    summary: "Trả kết quả",
    description: "The result is handed over (status 10): at the counter, by post or to the e-wallet.",
    body: Schema.Struct({ expectedVersion, method: ReturnMethod }),
    run: (p, code, b) => returnResult(p, code, b),
  }),
  action({
    segment: "withdraw",
    event: "withdraw",
    operationId: "withdrawDossier",
    summary: "Rút hồ sơ",
    description: "The applicant withdraws the dossier (status 7).",
    body: Schema.Struct({ expectedVersion, reason: Schema.optionalKey(Text) }),
    run: (p, code, b) => withdraw(p, code, b),
  }),
  action({
    segment: "stop",
    event: "stop",
    operationId: "stopDossier",
    summary: "Dừng xử lý hồ sơ",
    description: "The holder of the current step stops processing with a notice (status 8).",
    body: Schema.Struct({ expectedVersion, reasons: NonEmptyList(Text) }),
    run: (p, code, b) => stop(p, code, b),
  }),
  action({
    segment: "extend-with-apology",
    event: "extendWithApology",
    operationId: "extendWithApology",
    summary: "Gia hạn kèm thư xin lỗi",
    description: "A new appointment with an apology slip (the dossier counts as late).",
    body: Schema.Struct({ expectedVersion, newAppointment: StrictInstant, reason: Text }),
    run: (p, code, b) => extendWithApology(p, code, b),
  }),
  action({
    segment: "correct",
    event: "correct",
    operationId: "correctDossier",
    summary: "Đính chính hồ sơ đã trả kết quả",
    description: "A returned dossier's record is corrected (recorded as a correction).",
    body: Schema.Struct({ expectedVersion, changes: NonEmptyList(CorrectionChange), reason: Text }),
    run: (p, code, b) => correct(p, code, b),
  }),
]

/** The states that take an event and who may send it, from the machine's tables (docs/lifecycle-actions.md). */
function ruleText(event: DossierEventType): string {
  const rule = lifecycleRules().find((r) => r.event === event)
  if (rule === undefined) return ""
  const states = rule.states.map((s) => `${s.from} → ${s.to.join(" / ")}`).join("; ")
  return `Trạng thái nhận thao tác (states that take it): ${states}. Người được gửi (who may send it): ${rule.who}.`
}

/** The lifecycle actions' path segments, in the order above (tests and docs). */
export const actionSegments = actions.map((a) => a.segment)

const actionOperations: Operation<ApiDeps>[] = actions.map((a) =>
  operation({
    method: "post",
    path: `/api/v1/dossiers/{code}/${a.segment}`,
    operationId: a.operationId,
    tag: "dossiers",
    summary: a.summary,
    description:
      `${a.description} Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): ` +
      `without it 400, a stale one 409 and nothing is written. ${ruleText(a.event)}`,
    auth: "required",
    ...(a.idempotent === true ? { idempotencyKey: "required" as const } : {}),
    params: CodeParams,
    body: a.body.annotate({ identifier: `${a.operationId[0]?.toUpperCase()}${a.operationId.slice(1)}Request` }),
    response: { status: 200, description: "Hồ sơ sau thao tác", schema: DossierView },
    problems: [
      "unauthenticated",
      "forbidden",
      "not-found",
      "conflict",
      "unprocessable",
      "payload-too-large",
      "unsupported-media-type",
    ],
    handle: ({ principal, params, body, idempotencyKey }, deps) =>
      runUseCase(deps, (a.run as UseCaseOf)(principal, params.code, body, idempotencyKey)),
  }),
)

export const dossierOperations: Operation<ApiDeps>[] = [
  operation({
    method: "post",
    path: "/api/v1/dossiers",
    operationId: "fileDossier",
    tag: "dossiers",
    summary: "Nộp hồ sơ (trực tuyến, hoặc cán bộ tiếp nhận tại quầy) — Idempotency-Key bắt buộc",
    description:
      "Files a dossier: online by the citizen (no intakePointId), or at an intake point's counter by its officer " +
      "(intakePointId). The competent authority is resolved and the code allocated from its daily sequence. " +
      "Fee amounts are quoted from the catalogue for the filing's channel, variant and fee facts " +
      "(applicantCategories, quantities, declaredValue, area; a missing one is 422 with its field); " +
      "a body with its own amounts (fees) is refused with 422. Each exemption category claimed needs its proof in " +
      "exemptionProofs (an attached document, or confirmed by the intake officer), else 422 exemption-unproven. " +
      "Idempotent by the Idempotency-Key header: a retry gets the first answer.",
    auth: "required",
    idempotencyKey: "required",
    body: FilingBody,
    plainBody: (input) => plainFilingBody(input) as typeof FilingBody.Type | undefined,
    response: { status: 201, description: "Hồ sơ đã nộp", schema: DossierView },
    problems: [
      "unauthenticated",
      "forbidden",
      "unprocessable",
      "payload-too-large",
      "unsupported-media-type",
      "unavailable",
    ],
    handle: ({ principal, body, idempotencyKey }, deps) => {
      const key = idempotencyKey ?? ""
      const { intakePointId, ...filing } = body
      return runUseCase(
        deps,
        intakePointId === undefined
          ? fileOnline(principal, filing, key)
          : intakeAtCounter(principal, { ...filing, intakePointId }, key),
      )
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}",
    operationId: "getDossier",
    tag: "dossiers",
    summary: "Xem hồ sơ (người xử lý, người nộp)",
    description: "A dossier as its handlers and its applicant see it.",
    auth: "required",
    params: CodeParams,
    response: { status: 200, description: "Hồ sơ", schema: DossierDetail },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, getDossier(principal, params.code)), (dossier) => ({
        ...dossier,
        actions: dossier.actions.flatMap((offered) => {
          const segment = actions.find((a) => a.event === offered.event)?.segment
          return segment === undefined ? [] : [{ ...offered, action: segment }]
        }),
      })),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers",
    operationId: "myDossiers",
    tag: "dossiers",
    summary: "Hồ sơ của tôi (công dân): hồ sơ đứng tên và hồ sơ đã nộp thay, mới nhất trước",
    description:
      "The signed-in citizen's dossiers: those they are the applicant of and those they filed for someone, newest " +
      "first. Officers use /api/v1/work-queue (403 here).",
    auth: "required",
    query: Schema.Struct({
      limit: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 })),
      ),
    }),
    response: {
      status: 200,
      description: "Hồ sơ của tôi",
      schema: listOf(
        Schema.Struct({ code: Schema.String, version: Schema.Number, summary: DossierSummary }),
        "MyDossiers",
      ),
    },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, query }, deps) =>
      Result.map(await runUseCase(deps, myDossiers(principal, query.limit)), (items) => ({
        total: items.length,
        items,
      })),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/documents/{documentId}",
    operationId: "dossierDocument",
    tag: "dossiers",
    summary: "Tải tài liệu của hồ sơ: kết quả, giấy tiếp nhận, giấy tờ đã nộp (người xử lý, người nộp)",
    description:
      "A document attached to the dossier (the result, forms, the papers filed), as its bytes with its media type, " +
      "for whoever may read the dossier. A document of another dossier is 404.",
    auth: "required",
    params: Schema.Struct({ code: CodeParams.fields.code, documentId: Id }),
    response: { status: 200, description: "Tài liệu", mediaType: "application/octet-stream" },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.mapError(
        Result.map(
          await runUseCase(deps, dossierDocument(principal, params.code, params.documentId)),
          ({ meta, bytes }) =>
            new Response(bytes as Uint8Array<ArrayBuffer>, {
              headers: {
                "content-type": meta.mediaType,
                "content-length": String(bytes.length),
                "content-disposition": `attachment; filename="${meta.id}.${meta.mediaType === "application/pdf" ? "pdf" : meta.mediaType === "image/png" ? "png" : "jpg"}"`,
                "x-content-type-options": "nosniff",
                "cache-control": "private, no-store",
              },
            }),
        ),
        // a document that is not this dossier's is simply not there (422 elsewhere: a filing naming one)
        (error) =>
          error instanceof DocumentNotFound
            ? new ApiProblem({
                kind: "not-found",
                detail: `Hồ sơ không có tài liệu ${params.documentId} (no such document).`,
              })
            : error,
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/papers",
    operationId: "dossierPapers",
    tag: "dossiers",
    summary: "Giấy tờ đã số hóa của hồ sơ, kèm các phiên bản (người xử lý, người nộp)",
    description:
      "The dossier's digitised papers: for each required document digitised, its current version and every " +
      "version, oldest first (a replacement never overwrites: each version's bytes stay readable with " +
      "GET /api/v1/dossiers/{code}/documents/{fileId}). For whoever may read the dossier; the read is audited.",
    auth: "required",
    params: CodeParams,
    response: {
      status: 200,
      description: "Giấy tờ số hóa",
      schema: Schema.Struct({ items: Schema.Array(PaperHistoryView) }).annotate({ identifier: "DossierPapers" }),
    },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, dossierPapers(principal, params.code)), (items) => ({ items })),
  }),
  operation({
    method: "post",
    path: "/api/v1/dossiers/{code}/papers",
    operationId: "digitisePaper",
    tag: "dossiers",
    summary: "Số hóa một giấy tờ của hồ sơ (quét tại quầy, tải lên), hoặc thay bằng phiên bản mới",
    description:
      "Records a paper of the dossier as the required document it is: the bytes uploaded first with " +
      "POST /api/v1/documents (a counter agent's scan, an upload), attached here. Pages are counted from the bytes " +
      "(a number given otherwise is 422 pages-mismatch); a sha256 given must be the stored document's " +
      "(422 hash-mismatch). A paper digitised again is the next version; the old one stays. The dossier's " +
      "documents[].digitised flag, the national portal's record and the digitisation indicators follow. Who may: " +
      "the dossier's applicant and the officers taking papers in for it (action dossier.digitise). An unknown " +
      "required document is 422 unknown-document; a file neither PDF nor JPEG/PNG is refused at upload (415).",
    auth: "required",
    params: CodeParams,
    body: DigitisePaperBody,
    response: {
      status: 201,
      description: "Giấy tờ đã ghi nhận",
      schema: Schema.Struct({
        paper: DigitisedPaperView,
        dossierVersion: Version,
        replacedVersion: Schema.NullOr(Version),
      }).annotate({ identifier: "DigitisedPaperRecorded" }),
    },
    problems: ["unauthenticated", "forbidden", "not-found", "conflict", "unprocessable"],
    handle: async ({ principal, params, body }, deps) => runUseCase(deps, digitisePaper(principal, params.code, body)),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/documents/{documentId}/preview",
    operationId: "dossierDocumentPreview",
    tag: "dossiers",
    summary: "Xem trước tài liệu của hồ sơ: một trang dạng ảnh (người xử lý, người nộp)",
    description:
      "One page of a dossier's document as an image, for the pages' preview (their content-security policy embeds " +
      "no PDF): a PDF's page `page` (from 1, default 1) drawn as PNG, an image as itself (its only page). The header " +
      "`x-page-count` says how many pages the document has. Read and audited like the download; a page the document " +
      "does not have, or a PDF that cannot be read, is 422; a document of another dossier is 404.",
    auth: "required",
    params: Schema.Struct({ code: CodeParams.fields.code, documentId: Id }),
    query: Schema.Struct({
      page: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 10_000 })),
      ),
    }),
    response: {
      status: 200,
      description: "Trang tài liệu dạng ảnh",
      mediaType: "image/png",
      alternatives: ["image/jpeg"],
    },
    problems: ["unauthenticated", "forbidden", "not-found", "unprocessable"],
    handle: async ({ principal, params, query }, deps) =>
      Result.mapError(
        Result.map(
          await runUseCase(deps, dossierDocumentPreview(principal, params.code, params.documentId, query.page ?? 1)),
          ({ mediaType, bytes, pages }) =>
            new Response(bytes as Uint8Array<ArrayBuffer>, {
              headers: {
                "content-type": mediaType,
                "content-length": String(bytes.length),
                "x-page-count": String(pages),
                "x-content-type-options": "nosniff",
                "cache-control": "private, no-store",
              },
            }),
        ),
        (error) =>
          error instanceof DocumentNotFound
            ? new ApiProblem({
                kind: "not-found",
                detail: `Hồ sơ không có tài liệu ${params.documentId} (no such document).`,
              })
            : error,
      ),
  }),
  ...actionOperations,
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/forms",
    operationId: "dossierForms",
    tag: "dossiers",
    summary:
      "Biểu mẫu của hồ sơ: giấy tiếp nhận, phiếu kiểm soát quá trình, phiếu bổ sung, từ chối, xin lỗi, dừng xử lý",
    description:
      "The standard one-stop forms (Circular 01/2018/TT-VPCP) that apply to the dossier now, for whoever may read " +
      "it: each with its data and its lines as printed (labels from the form's own schema, Vietnamese). A form that " +
      "does not apply yet is not listed.",
    auth: "required",
    params: CodeParams,
    response: {
      status: 200,
      description: "Biểu mẫu",
      schema: listOf(
        Schema.Struct({
          form: Schema.String,
          title: Schema.String,
          data: Schema.Record(Schema.String, Schema.Unknown),
          lines: Schema.Array(Schema.Struct({ label: Schema.String, value: Schema.String })),
        }).annotate({ identifier: "DossierForm" }),
        "DossierForms",
      ),
    },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, dossierForms(principal, params.code)), (items) => ({
        total: items.length,
        items: items.map((f) => ({ ...f, data: f.data as Record<string, unknown> })),
      })),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/forms/{form}/pdf",
    operationId: "dossierFormPdf",
    tag: "dossiers",
    summary: "Tải biểu mẫu của hồ sơ dạng PDF (để in, giao cho người nộp)",
    description:
      "One of the standard forms that apply to the dossier now, as PDF to print or hand over: issued by the " +
      "dossier's authority under the national header, numbered `<dossier code>/<short name>`, dated today, every " +
      "field labelled in Vietnamese, a QR code to the dossier's public lookup page. `form` is one of those " +
      "`GET …/forms` lists (`receipt`, `process-control`, `supplementation-request`, `refusal`, `apology`, " +
      "`stop-notice`, `tracking-log-entry` or `tracking-log`); one that does not apply now is 404, naming those that do.",
    auth: "required",
    params: Schema.Struct({
      code: DossierCode,
      form: Schema.String.check(Schema.isPattern(/^[a-z-]{1,40}$/)).annotate({
        description: "Biểu mẫu (form), e.g. receipt",
      }),
    }),
    response: { status: 200, description: "Biểu mẫu (PDF)", mediaType: "application/pdf" },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(
        await runUseCase(deps, dossierFormPdf(principal, params.code, params.form)),
        ({ bytes, fileName }) =>
          new Response(bytes as Uint8Array<ArrayBuffer>, {
            headers: {
              "content-type": "application/pdf",
              "content-length": String(bytes.length),
              "content-disposition": `attachment; filename="${fileName}"`,
            },
          }),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/intake-points/{intakePointId}/dossiers",
    operationId: "intakePointDossiers",
    tag: "dossiers",
    summary: "Hồ sơ điểm tiếp nhận đã nhận (quầy, bưu điện), mới nhất trước",
    description:
      "The dossiers an intake point took in (at a centre's counter, or a post office's), newest first, for an " +
      "account of that intake point: what it filed for citizens, what waits for a supplement, the results to hand " +
      "back (state processed). Another intake point's list is 403.",
    auth: "required",
    params: Schema.Struct({ intakePointId: Id }),
    query: Schema.Struct({
      limit: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 })),
      ),
    }),
    response: {
      status: 200,
      description: "Hồ sơ của điểm tiếp nhận",
      schema: listOf(
        Schema.Struct({ code: Schema.String, version: Version, summary: DossierSummary }),
        "IntakePointDossiers",
      ),
    },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, params, query }, deps) =>
      Result.map(
        await runUseCase(deps, intakePointDossiers(principal, params.intakePointId, query.limit)),
        (items) => ({ total: items.length, items }),
      ),
  }),
  operation({
    method: "get",
    path: "/api/v1/work-queue",
    operationId: "workQueue",
    tag: "dossiers",
    summary: "Hồ sơ chờ xử lý theo vai trò, hạn sớm nhất trước, kèm thời gian còn lại",
    description:
      "The dossiers waiting for one of the caller's roles within its scope, earliest due first (least working time " +
      "left first), each with the working minutes left before its step is due and its standing (on track, due soon " +
      "within the deployment's warning window, overdue).",
    auth: "required",
    query: Schema.Struct({
      role: Schema.Literals(appRoles),
      limit: Schema.optionalKey(
        Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 })),
      ),
    }),
    response: {
      status: 200,
      description: "Hàng đợi",
      schema: listOf(
        Schema.Struct({
          code: Schema.String,
          version: Version,
          summary: DossierSummary,
          /** Working time left before the step is due, on the centre's calendar (negative: overdue). */
          timeLeft: Schema.NullOr(
            Schema.Struct({
              minutes: Schema.Number.check(Schema.isInt()),
              standing: Schema.Literals(["on-track", "due-soon", "overdue"]),
            }),
          ),
        }),
        "WorkQueue",
      ),
    },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, query }, deps) => {
      const rows = await runUseCase(
        deps,
        workQueue(principal, { role: query.role, ...(query.limit === undefined ? {} : { limit: query.limit }) }),
      )
      return Result.map(rows, (items) => ({ total: items.length, items }))
    },
  }),
]
