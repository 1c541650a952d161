// Signed results: the public verification behind the QR code (JSON, an upload check, and an HTML page that works
// without JavaScript), a dossier's results and the signed file for those who may read the dossier, and revocation.
import {
  checkResultFile,
  dossierResults,
  type ResultFileCheck,
  type ResultVerification,
  resultFile,
  revokeResult,
  verifyResult,
} from "@motcua/application"
import { DossierCode } from "@motcua/domain"
import { Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"

const operation = defineOperation<ApiDeps>()

const VerificationId = Schema.String.check(Schema.isPattern(/^[A-Z0-9]{1,32}$/)).annotate({
  description: "Mã xác thực in trong mã QR của kết quả (16 ký tự)",
})

const ResultLink = Schema.Struct({ verificationId: Schema.String, url: Schema.String })

const Certificate = Schema.Struct({ commonName: Schema.String, serialNumber: Schema.String, issuer: Schema.String })

export const ResultVerificationSchema = Schema.Struct({
  verificationId: Schema.String,
  url: Schema.String,
  status: Schema.Literals(["valid", "revoked", "replaced"]),
  statusLabel: Schema.String,
  title: Schema.String,
  dossierCode: Schema.String,
  procedureCode: Schema.String,
  procedureName: Schema.String,
  agency: Schema.Struct({ code: Schema.String, name: Schema.String }),
  signedAt: Schema.String,
  signer: Schema.optionalKey(Certificate),
  algorithm: Schema.String,
  sha256: Schema.String,
  revokedAt: Schema.optionalKey(Schema.String),
  revocationReason: Schema.optionalKey(Schema.String),
  replacedBy: Schema.optionalKey(
    Schema.Struct({ ...ResultLink.fields, at: Schema.String, reason: Schema.String }).annotate({
      description: "Kết quả đính chính đã thay thế kết quả này / the corrected result that replaced this one",
    }),
  ),
  replaces: Schema.optionalKey(
    ResultLink.annotate({ description: "Kết quả mà kết quả này thay thế / the result this one replaced" }),
  ),
}).annotate({
  identifier: "ResultVerification",
  description:
    "Kết quả đã cấp: ai ký, khi nào, cho hồ sơ và thủ tục nào, còn hiệu lực, đã thu hồi hay đã được thay thế — không có thông tin cá nhân",
})

const ResultFileCheckSchema = Schema.Struct({
  result: ResultVerificationSchema,
  matchesIssued: Schema.Boolean,
  sha256: Schema.String,
  signature: Schema.Struct({
    checked: Schema.Boolean,
    valid: Schema.Boolean,
    problems: Schema.Array(Schema.String),
    messages: Schema.Array(Schema.String),
    signer: Schema.optionalKey(Schema.Struct({ commonName: Schema.String, serialNumber: Schema.String })),
    signedAt: Schema.optionalKey(Schema.String),
  }),
  authentic: Schema.Boolean,
  verdict: Schema.String,
}).annotate({ identifier: "ResultFileCheck", description: "Đối chiếu tệp tải lên với kết quả đã cấp" })

const IssuedResultSchema = Schema.Struct({
  ...ResultVerificationSchema.fields,
  documentId: Schema.String,
}).annotate({ identifier: "IssuedResult" })

const checkView = (check: ResultFileCheck) => ({
  ...check,
  signature: {
    ...check.signature,
    ...(check.signature.signer === undefined
      ? {}
      : {
          signer: { commonName: check.signature.signer.commonName, serialNumber: check.signature.signer.serialNumber },
        }),
  },
})

export const resultOperations = [
  operation({
    method: "get",
    path: "/api/v1/verify/{id}",
    operationId: "verifyResult",
    tag: "results",
    summary: "Kiểm tra kết quả theo mã xác thực (công khai)",
    description:
      "What the QR code on a signed result stands for: the title, dossier, procedure, authority, who signed and " +
      "when, and whether it is valid, revoked or replaced by a corrected result (with a link to it). Nothing personal.",
    params: Schema.Struct({ id: VerificationId }),
    response: { status: 200, description: "Kết quả đã cấp", schema: ResultVerificationSchema },
    problems: ["not-found"],
    handle: ({ params }, deps) => runUseCase(deps, verifyResult(params.id)),
  }),
  operation({
    method: "post",
    path: "/api/v1/verify/{id}",
    operationId: "checkResultFile",
    tag: "results",
    summary: "Đối chiếu tệp PDF với kết quả đã cấp (công khai)",
    description:
      "Upload a PDF (Content-Type application/pdf): is it byte for byte the result issued under this code, still " +
      "valid, and does its own digital signature verify (intact, whole document, trusted certificate)?",
    params: Schema.Struct({ id: VerificationId }),
    upload: true,
    response: { status: 200, description: "Kết quả đối chiếu", schema: ResultFileCheckSchema },
    problems: ["not-found", "unsupported-media-type", "payload-too-large"],
    handle: async ({ params, upload }, deps) =>
      Result.map(await runUseCase(deps, checkResultFile(params.id, upload?.bytes ?? new Uint8Array())), checkView),
  }),
  operation({
    method: "get",
    path: "/api/v1/dossiers/{code}/results",
    operationId: "dossierResults",
    tag: "results",
    summary: "Các kết quả đã ký của hồ sơ",
    description: "The signed results issued for a dossier, newest first (who may read the dossier).",
    params: Schema.Struct({ code: DossierCode }),
    auth: "required",
    response: {
      status: 200,
      description: "Kết quả đã ký",
      schema: Schema.Struct({ items: Schema.Array(IssuedResultSchema) }),
    },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, dossierResults(principal, params.code)), (items) => ({ items })),
  }),
  operation({
    method: "get",
    path: "/api/v1/results/{id}/pdf",
    operationId: "resultPdf",
    tag: "results",
    summary: "Tải tệp PDF kết quả đã ký",
    description: "The signed result file (PDF with its embedded signature), for who may read the dossier.",
    params: Schema.Struct({ id: VerificationId }),
    auth: "required",
    response: { status: 200, description: "PDF đã ký", mediaType: "application/pdf" },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.map(
        await runUseCase(deps, resultFile(principal, params.id)),
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
    method: "post",
    path: "/api/v1/results/{id}/revoke",
    operationId: "revokeResult",
    tag: "results",
    summary: "Thu hồi kết quả đã cấp",
    description:
      "An officer who may sign for the dossier's authority revokes a result; its verification page says so from " +
      "then on, with the date and the reason.",
    params: Schema.Struct({ id: VerificationId }),
    body: Schema.Struct({ reason: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(2000)) }),
    auth: "required",
    response: { status: 200, description: "Kết quả sau khi thu hồi", schema: ResultVerificationSchema },
    problems: ["unauthenticated", "forbidden", "not-found", "invalid-input"],
    handle: ({ principal, params, body }, deps) => runUseCase(deps, revokeResult(principal, params.id, body.reason)),
  }),
]

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const vnTime = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000)
    .toISOString()
    .replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*$/, "$3/$2/$1 $4:$5")

/** The public verification page (Vietnamese first, English second), served without JavaScript. */
export function verificationPage(
  id: string,
  outcome: { readonly result?: ResultVerification; readonly check?: ResultFileCheck; readonly missing?: boolean },
): string {
  const r = outcome.result ?? outcome.check?.result
  const link = (to: { readonly verificationId: string; readonly url: string }) =>
    `<a href="${escapeHtml(to.url)}">${escapeHtml(to.verificationId)}</a>`
  const replacement =
    r?.replacedBy === undefined
      ? ""
      : `<p class="bad"><strong>Đã được thay thế bởi kết quả ${link(r.replacedBy)} lúc ${escapeHtml(vnTime(r.replacedBy.at))} / Replaced by ${link(r.replacedBy)}</strong> — ${escapeHtml(r.replacedBy.reason)}</p>`
  const replaces =
    r?.replaces === undefined
      ? ""
      : `<p>Kết quả này thay thế kết quả ${link(r.replaces)} / This result replaces ${link(r.replaces)}</p>`
  const rows =
    r === undefined
      ? ""
      : [
          ["Tình trạng / Status", r.statusLabel],
          ["Kết quả / Result", r.title],
          ["Mã hồ sơ / Dossier", r.dossierCode],
          ["Thủ tục / Procedure", `${r.procedureName} (${r.procedureCode})`],
          ["Cơ quan / Authority", r.agency.name],
          ["Người ký / Signed by", r.signer?.commonName ?? "(khóa phát triển / development key)"],
          ["Số sê-ri chứng thư / Certificate serial", r.signer?.serialNumber ?? "—"],
          ["Tổ chức cấp chứng thư / Issuer", r.signer?.issuer ?? "—"],
          ["Thời điểm ký / Signed at", `${vnTime(r.signedAt)} (giờ Việt Nam)`],
          ["SHA-256", r.sha256],
          ...(r.revokedAt === undefined
            ? []
            : [
                ["Thu hồi lúc / Revoked at", vnTime(r.revokedAt)],
                ["Lý do thu hồi / Reason", r.revocationReason ?? ""],
              ]),
        ]
          .map(([k, v]) => `<tr><th>${escapeHtml(k ?? "")}</th><td>${escapeHtml(v ?? "")}</td></tr>`)
          .join("")
  const verdict =
    outcome.check === undefined
      ? ""
      : `<p class="${outcome.check.authentic ? "ok" : "bad"}"><strong>${escapeHtml(outcome.check.verdict)}</strong></p>`
  const heading = outcome.missing
    ? `<p class="bad"><strong>Không có kết quả nào với mã xác thực này / No result was issued under this code: ${escapeHtml(id)}</strong></p>`
    : r?.status === "valid"
      ? `<p class="ok"><strong>${escapeHtml(r.statusLabel)}</strong></p>`
      : `<p class="bad"><strong>${escapeHtml(r?.statusLabel ?? "")}</strong></p>`
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra kết quả / Verify a result — ${escapeHtml(id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem;vertical-align:top}.ok{color:#075e12}.bad{color:#a40000}td{word-break:break-all}</style>
</head><body>
<h1>Kiểm tra kết quả giải quyết thủ tục hành chính</h1>
<p lang="en">Verify the result of an administrative procedure</p>
${heading}
${replacement}
${replaces}
${verdict}
${rows === "" ? "" : `<table>${rows}</table>`}
${
  outcome.missing
    ? ""
    : `<h2>Đối chiếu tệp / Check a file</h2>
<form method="post" enctype="multipart/form-data" action="/verify/${escapeHtml(id)}">
<label>Tệp PDF kết quả / The result PDF: <input type="file" name="file" accept="application/pdf" required></label>
<button type="submit">Kiểm tra / Check</button></form>`
}
</body></html>`
}

/** The HTML page's data: the result, or the check of a posted file; `missing` for an unknown code. */
export async function verificationOutcome(
  deps: ApiDeps,
  id: string,
  file?: Uint8Array,
): Promise<{ result?: ResultVerification; check?: ResultFileCheck; missing?: boolean }> {
  const answer: Result.Result<{ result?: ResultVerification; check?: ResultFileCheck }, unknown> =
    file === undefined
      ? Result.map(await runUseCase(deps, verifyResult(id)), (result) => ({ result }))
      : Result.map(await runUseCase(deps, checkResultFile(id, file)), (check) => ({ check }))
  if (Result.isSuccess(answer)) return answer.success
  if ((answer.failure as { _tag?: string })._tag === "ResultNotFound") return { missing: true }
  throw answer.failure
}
