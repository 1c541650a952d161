// What an applicant reads in a notice: one subject and one text per kind of notice (the domain's NoticeKind),
// Vietnamese first and English second, built only from the notice's data (dossier code, procedure name, status,
// appointment). One place for the wording, used by every channel: e-mail (subject + text), SMS and Zalo (the short
// text). Nothing personal is put in a notice beyond the dossier it is about.
import { vietnamDateTime, withoutDiacritics } from "@motcua/domain"
import type { Notification } from "../ports/notifier.ts"

export interface NoticeText {
  readonly subject: string
  /** Plain text: the Vietnamese paragraph, then the English one. */
  readonly text: string
  /** One line for SMS: Vietnamese without diacritics (7-bit GSM, 160 characters a part, as brand-name SMS are sent). */
  readonly short: string
}

interface Wording {
  readonly vi: string
  readonly en: string
}

const WORDING: Readonly<Record<string, Wording>> = {
  filed: { vi: "đã được gửi và đang chờ tiếp nhận", en: "has been filed and awaits intake" },
  receipt: { vi: "đã được tiếp nhận", en: "has been accepted" },
  refusal: { vi: "không được tiếp nhận", en: "was not accepted" },
  "supplementation-request": { vi: "cần bổ sung giấy tờ", en: "needs more documents" },
  "stop-notice": { vi: "đã dừng xử lý", en: "is no longer being processed" },
  apology: {
    vi: "bị chậm so với ngày hẹn; cơ quan xin lỗi và hẹn lại",
    en: "is late; the authority apologises and sets a new date",
  },
  "payment-request": { vi: "cần nộp phí, lệ phí hoặc nghĩa vụ tài chính", en: "has fees or charges to pay" },
  "result-ready": { vi: "đã có kết quả", en: "has its result ready" },
  "result-returned": { vi: "đã trả kết quả", en: "has its result returned" },
  "withdrawal-confirmed": { vi: "đã được rút theo đề nghị", en: "was withdrawn as requested" },
  correction: { vi: "đã được đính chính thông tin", en: "had its details corrected" },
  "postal-delivery-failed": {
    vi: "chưa giao được qua bưu chính; kết quả đã chuyển về bộ phận một cửa",
    en: "could not be delivered by post; the result is back at the one-stop counter",
  },
}

const field = (data: Notification["data"], key: string): string | undefined => {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined
  const value = (data as Record<string, unknown>)[key]
  return typeof value === "string" && value !== "" ? value : undefined
}

export function noticeText(notification: Notification): NoticeText {
  const wording = WORDING[notification.about] ?? { vi: "có cập nhật mới", en: "has an update" }
  const procedure = field(notification.data, "procedureName")
  const appointment = field(notification.data, "appointmentAt")
  const code = notification.dossierCode
  const when = appointment === undefined ? undefined : vietnamDateTime(appointment)
  const vi = [
    `Hồ sơ ${code}${procedure === undefined ? "" : ` (${procedure})`} ${wording.vi}.`,
    when === undefined ? "" : ` Ngày hẹn trả kết quả: ${when}.`,
    ` Tra cứu tại Cổng dịch vụ công hoặc bộ phận một cửa với mã ${code}.`,
  ].join("")
  const en = [
    `Dossier ${code} ${wording.en}.`,
    when === undefined ? "" : ` Appointment: ${when} (Vietnam time).`,
    ` Track it with the code ${code}.`,
  ].join("")
  return {
    subject: `Hồ sơ ${code} ${wording.vi} / Dossier ${code} ${wording.en}`,
    text: `${vi}\n\n${en}\n`,
    short: withoutDiacritics(`Hồ sơ ${code}: ${wording.vi}.${when === undefined ? "" : ` Hẹn trả: ${when}.`}`),
  }
}
