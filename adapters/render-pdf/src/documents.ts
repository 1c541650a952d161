// The documents: the seven standard forms (one layout for all, labels from the domain schemas' `title`
// annotations, so a field added to a form is printed without touching this file), the result document, and the
// verification page added to a result PDF an officer uploaded. Each has the national header (no emblem), a number, a
// date in Vietnamese and a QR code to its public page.

import type {
  DocumentFrame,
  ReceiptDocument,
  ResultDocument,
  StandardForm,
  VerificationMark,
} from "@motcua/application"
import {
  ApologySlip,
  formatDong,
  formatReceiptNumber,
  ProcessControlSlip,
  ReceiptSlip,
  RefusalSlip,
  StopNotice,
  SupplementationRequestSlip,
  TrackingLog,
  vietnamDateTime,
} from "@motcua/domain"
import { SchemaAST } from "effect"
import { PDFDocument } from "pdf-lib"
import {
  A4,
  clean,
  columns,
  ensure,
  newWriter,
  placeAndDate,
  qr,
  rule,
  text,
  twoColumns,
  type Writer,
} from "./layout.ts"

export const NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
export const MOTTO = "Độc lập - Tự do - Hạnh phúc"

/** The header of every document: issuer and number on the left, the nation and motto on the right, then the date. */
function header(w: Writer, frame: DocumentFrame): void {
  twoColumns(
    w,
    [
      { text: frame.issuer.toLocaleUpperCase("vi"), font: "bold", size: 11 },
      { text: `Số: ${frame.number}`, size: 11 },
    ],
    [
      { text: NATION, font: "bold", size: 11 },
      { text: MOTTO, font: "bold", size: 12 },
    ],
  )
  rule(w, columns.rightCentre, 150)
  w.y -= 6
  text(w, placeAndDate(frame.place, frame.date), {
    font: "italic",
    size: 11,
    x: columns.leftCentre * 2 - columns.left,
    width: columns.right - (columns.leftCentre * 2 - columns.left),
    align: "center",
    gapAfter: 14,
  })
}

function title(w: Writer, content: string): void {
  text(w, content.toLocaleUpperCase("vi"), { font: "bold", size: 14, align: "center", gapAfter: 12 })
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function printable(value: unknown): string {
  if (typeof value === "boolean") return value ? "Có" : "Không"
  if (typeof value === "number") return String(value)
  if (typeof value === "string") return ISO_INSTANT.test(value) ? vietnamDateTime(value) : value
  return ""
}

interface SchemaLike {
  readonly ast: SchemaAST.AST
  readonly fields?: Readonly<Record<string, SchemaLike>>
  readonly schema?: SchemaLike
  /** The item schema of an array schema. */
  readonly value?: SchemaLike
}

const labelOf = (schema: SchemaLike | undefined, key: string): string =>
  (schema === undefined ? undefined : SchemaAST.resolveTitle(schema.ast)) ??
  (schema?.schema === undefined ? undefined : SchemaAST.resolveTitle(schema.schema.ast)) ??
  key
const fieldsOf = (schema: SchemaLike | undefined): Readonly<Record<string, SchemaLike>> | undefined =>
  schema?.fields ?? schema?.schema?.fields
const itemOf = (schema: SchemaLike | undefined): SchemaLike | undefined => schema?.value ?? schema?.schema?.value

/** Every field of `value` as "label: value" lines, nested records indented, lists numbered. */
function fields(w: Writer, value: Record<string, unknown>, schema: SchemaLike | undefined, indent = 0): void {
  const known = fieldsOf(schema)
  for (const [key, field] of Object.entries(value)) {
    if (key === "form" || key === "title" || field === undefined) continue
    // an enumerated value printed by its label field (timeliness → timelinessLabel)
    if (`${key}Label` in value) continue
    const fieldSchema = known?.[key]
    const label = labelOf(fieldSchema, key)
    if (Array.isArray(field)) {
      text(w, `${label}:`, { font: "bold", indent, gapAfter: 1 })
      if (field.length === 0) text(w, "(không có)", { indent: indent + 14 })
      const item = itemOf(fieldSchema)
      field.forEach((entry, i) => {
        if (entry !== null && typeof entry === "object") {
          text(w, `${i + 1}.`, { indent: indent + 14, font: "bold" })
          fields(w, entry as Record<string, unknown>, item, indent + 28)
        } else text(w, `${i + 1}. ${printable(entry)}`, { indent: indent + 14 })
      })
      continue
    }
    if (field !== null && typeof field === "object") {
      text(w, `${label}:`, { font: "bold", indent })
      fields(w, field as Record<string, unknown>, fieldSchema, indent + 14)
      continue
    }
    text(w, `${label}: ${printable(field)}`, { indent })
  }
}

const schemas: Readonly<Record<StandardForm["form"], SchemaLike>> = {
  receipt: ReceiptSlip as unknown as SchemaLike,
  "supplementation-request": SupplementationRequestSlip as unknown as SchemaLike,
  refusal: RefusalSlip as unknown as SchemaLike,
  apology: ApologySlip as unknown as SchemaLike,
  "stop-notice": StopNotice as unknown as SchemaLike,
  "process-control": ProcessControlSlip as unknown as SchemaLike,
  "tracking-log": TrackingLog as unknown as SchemaLike,
}

const QR_CAPTION_FORM = (url: string) => `Quét mã QR để tra cứu hồ sơ / Scan the QR code to look the dossier up: ${url}`
const QR_CAPTION_RESULT = (url: string) =>
  `Quét mã QR để kiểm tra kết quả là bản gốc đã ký số / Scan the QR code to check that this result is the digitally signed original: ${url}`

/** One of the standard forms as PDF. */
export async function renderFormPdf(form: StandardForm, frame: DocumentFrame): Promise<Uint8Array> {
  const code = "dossierCode" in form ? form.dossierCode : ""
  const w = await newWriter(form.title, code === "" ? form.title : `${form.title} — ${code}`)
  header(w, frame)
  title(w, form.title)
  fields(w, form as unknown as Record<string, unknown>, schemas[form.form])
  await qr(w, frame.qrUrl, QR_CAPTION_FORM(frame.qrUrl))
  return w.doc.save()
}

/** The result document, signed later by the leader. */
export async function renderResultPdf(result: ResultDocument): Promise<Uint8Array> {
  const w = await newWriter(result.title, `${result.title} — ${result.dossierCode}`)
  header(w, result.frame)
  title(w, result.title)
  text(w, `Mã hồ sơ: ${result.dossierCode}`, { font: "bold" })
  text(w, `Thủ tục hành chính: ${result.procedureName} (${result.procedureCode})`)
  text(w, `Người nộp hồ sơ: ${result.applicantName}`, { gapAfter: 8 })
  if (result.decision === "approved") {
    text(w, `Kết quả: Chấp thuận. ${result.note ?? ""}`.trim())
    if (result.validity !== undefined) text(w, `Thời hạn có giá trị: ${result.validity}`)
  } else {
    text(w, "Kết quả: Không chấp thuận, vì các lý do sau:")
    for (const [i, reason] of (result.reasons ?? []).entries()) text(w, `${i + 1}. ${reason}`, { indent: 14 })
  }
  w.y -= 18
  ensure(w, 90)
  const x = columns.leftCentre * 2 - columns.left
  const width = columns.right - x
  text(w, result.signerTitle.toLocaleUpperCase("vi"), { font: "bold", x, width, align: "center" })
  text(w, "(Đã ký số)", { font: "italic", x, width, align: "center", gapAfter: 24 })
  text(w, result.signerName, { font: "bold", x, width, align: "center" })
  await qr(w, result.frame.qrUrl, QR_CAPTION_RESULT(result.frame.qrUrl))
  return w.doc.save()
}

/**
 * A result PDF the officer uploaded, with a verification page added at its end (the page's own text and QR, so the
 * officer's pages are not drawn over). The caller has checked that it may be signed.
 */
export async function appendVerificationPage(pdf: Uint8Array, mark: VerificationMark): Promise<Uint8Array> {
  const original = await PDFDocument.load(pdf, { updateMetadata: false })
  const w = await newWriter(mark.title, `${mark.title} — ${mark.dossierCode}`)
  const copied = await w.doc.copyPages(original, original.getPageIndices())
  // newWriter began with an empty page: the original pages go before it, the verification page stays last
  for (const [i, page] of copied.entries()) w.doc.insertPage(i, page)
  w.y = A4.height - 60
  text(w, "TRANG XÁC THỰC KẾT QUẢ ĐIỆN TỬ", { font: "bold", size: 14, align: "center" })
  text(w, "Electronic result verification page", { font: "italic", size: 10, align: "center", gapAfter: 14 })
  text(w, `Kết quả: ${clean(mark.title)}`, { font: "bold" })
  text(w, `Mã hồ sơ: ${mark.dossierCode}`)
  text(w, `Mã xác thực: ${mark.verificationId}`, { gapAfter: 8 })
  text(
    w,
    "Văn bản này được ký số. Quét mã QR hoặc mở địa chỉ dưới đây để kiểm tra văn bản là bản gốc đã cấp. / This document is digitally signed: scan the QR code or open the address below to check that it is the original issued.",
    { size: 10 },
  )
  await qr(w, mark.url, QR_CAPTION_RESULT(mark.url))
  return w.doc.save()
}

const QR_CAPTION_RECEIPT = (url: string) =>
  `Quét mã QR để tra cứu hồ sơ đã nộp phí, lệ phí / Scan the QR code to look up the dossier paid for: ${url}`

/** The civil date in Vietnam of an ISO instant, `YYYY-MM-DD`. */
const vietnamDate = (instant: string): string =>
  new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10)

/** One line of a table: each cell's text in its column (left, or right for amounts), the row as tall as its tallest cell. */
function row(
  w: Writer,
  cells: ReadonlyArray<{ readonly text: string; readonly x: number; readonly width: number; readonly right?: boolean }>,
  font: "regular" | "bold" = "regular",
): void {
  ensure(w, 16)
  const top = w.y
  let bottom = top
  for (const cell of cells) {
    w.y = top
    text(w, cell.text, { x: cell.x, width: cell.width, font, size: 10.5, ...(cell.right ? { align: "right" } : {}) })
    bottom = Math.min(bottom, w.y)
  }
  w.y = bottom - 2
}

/**
 * An e-receipt (biên lai điện tử, Decree 11/2020/NĐ-CP, Circular 78/2021/TT-BTC): the collecting organisation and
 * centre with the form symbol, series and number; the payer; what was paid, line by line; the total in figures and
 * in Vietnamese words; how it was paid; a cancelled receipt says so and names its replacement, a replacement names
 * the receipt it replaces. The QR code leads to the dossier's public lookup page.
 */
export async function renderReceiptPdf(document: ReceiptDocument): Promise<Uint8Array> {
  const r = document.receipt
  const number = formatReceiptNumber(r.number)
  const w = await newWriter(
    `Biên lai thu tiền phí, lệ phí ${r.series} số ${number}`,
    `Biên lai ${r.series} số ${number} — hồ sơ ${r.dossierCode}`,
  )
  twoColumns(
    w,
    [
      { text: r.collector.toLocaleUpperCase("vi"), font: "bold", size: 10.5 },
      { text: r.centreName, size: 10.5 },
    ],
    [
      { text: `Mẫu số: ${r.form}`, size: 10.5 },
      { text: `Ký hiệu: ${r.series}`, size: 10.5 },
      { text: `Số: ${number}`, font: "bold", size: 11 },
    ],
  )
  w.y -= 10
  title(w, "Biên lai thu tiền phí, lệ phí")
  text(w, "(Biên lai điện tử / Electronic receipt)", { font: "italic", size: 10, align: "center", gapAfter: 4 })
  text(w, placeAndDate(document.place, vietnamDate(r.issuedAt)), {
    font: "italic",
    size: 11,
    align: "center",
    gapAfter: 10,
  })
  if (r.status === "cancelled") {
    text(w, "BIÊN LAI ĐÃ HỦY / CANCELLED", { font: "bold", size: 13, align: "center" })
    if (r.cancelled !== undefined)
      text(w, `Hủy lúc ${vietnamDateTime(r.cancelled.at)}, lý do: ${r.cancelled.reason}`, { align: "center" })
    if (r.replacedBy !== undefined)
      text(
        w,
        document.replacedBy === undefined
          ? `Được thay thế bởi biên lai ${r.replacedBy}`
          : `Được thay thế bởi biên lai ký hiệu ${document.replacedBy.series} số ${formatReceiptNumber(document.replacedBy.number)}`,
        { align: "center" },
      )
    w.y -= 8
  }
  if (r.replaces !== undefined)
    text(
      w,
      document.replaces === undefined
        ? `Thay thế biên lai đã hủy: ${r.replaces}`
        : `Thay thế biên lai đã hủy ký hiệu ${document.replaces.series} số ${formatReceiptNumber(document.replaces.number)}`,
      { font: "italic", gapAfter: 4 },
    )
  text(w, `Họ và tên người nộp tiền: ${r.payer.name}`, { font: "bold" })
  if (r.payer.id !== undefined) text(w, `Số định danh cá nhân / mã số: ${r.payer.id}`)
  if (r.payer.address !== undefined) text(w, `Địa chỉ: ${r.payer.address}`)
  text(w, `Mã hồ sơ: ${r.dossierCode}`)
  text(w, `Thủ tục hành chính: ${r.procedureName}`, { gapAfter: 8 })

  const left = columns.left
  const amountWidth = 120
  const amountX = columns.right - amountWidth
  const nameX = left + 30
  const nameWidth = amountX - nameX - 10
  rule(w, (left + columns.right) / 2, columns.right - left)
  w.y -= 4
  row(
    w,
    [
      { text: "STT", x: left, width: 28 },
      { text: "Nội dung thu", x: nameX, width: nameWidth },
      { text: "Số tiền (đồng)", x: amountX, width: amountWidth, right: true },
    ],
    "bold",
  )
  for (const [i, item] of r.items.entries())
    row(w, [
      { text: `${i + 1}`, x: left, width: 28 },
      { text: item.name, x: nameX, width: nameWidth },
      { text: formatDong(item.amount).replace(/\s*(đ|đồng)$/u, ""), x: amountX, width: amountWidth, right: true },
    ])
  rule(w, (left + columns.right) / 2, columns.right - left)
  w.y -= 4
  row(
    w,
    [
      { text: "Tổng cộng", x: nameX, width: nameWidth },
      { text: formatDong(r.total), x: amountX, width: amountWidth, right: true },
    ],
    "bold",
  )
  w.y -= 4
  text(w, `Số tiền bằng chữ: ${r.totalInWords}`, { font: "italic" })
  text(w, `Hình thức thanh toán: ${r.method}`)
  text(w, `Mã giao dịch: ${r.paymentId}`)
  text(w, `Thời điểm lập: ${vietnamDateTime(r.issuedAt)}`, { gapAfter: 14 })
  ensure(w, 60)
  const x = columns.leftCentre * 2 - columns.left
  const width = columns.right - x
  text(w, "ĐƠN VỊ THU TIỀN", { font: "bold", x, width, align: "center" })
  text(w, "(Biên lai điện tử do hệ thống lập)", { font: "italic", x, width, align: "center", gapAfter: 6 })
  text(w, r.centreName, { font: "bold", x, width, align: "center" })
  await qr(w, document.qrUrl, QR_CAPTION_RECEIPT(document.qrUrl))
  return w.doc.save()
}
