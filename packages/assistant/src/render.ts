// The plain answer, written from the facts alone: what the assistant says when no language model is configured, and
// what it falls back to when a model's wording does not keep the facts.
import { formatDong, formatDongEn } from "@motcua/domain"
import type { FollowUp, ProcedureAnswer } from "./answer.ts"

const UNIT_VI: Record<string, string> = { "working-days": "ngày làm việc", "working-hours": "giờ làm việc" }
const UNIT_EN: Record<string, string> = { "working-days": "working days", "working-hours": "working hours" }
const ONLINE_VI = {
  full: "làm trực tuyến toàn trình",
  partial: "trực tuyến một phần",
  none: "không có dịch vụ trực tuyến",
}
const ONLINE_EN = { full: "fully online", partial: "partly online", none: "not online" }

// The catalogue's categories of applicant, as the answer names them.
export const CATEGORY_VI: Record<string, string> = {
  "poor-household": "hộ nghèo",
  "person-with-disability": "người khuyết tật",
  "person-with-revolutionary-merit-and-relatives": "người có công với cách mạng và thân nhân",
  "person-with-revolutionary-merit-family": "gia đình người có công với cách mạng",
  "orphan-under-18": "trẻ mồ côi dưới 18 tuổi",
  child: "trẻ em",
  elderly: "người cao tuổi",
  "hardship-area": "vùng khó khăn, miền núi, hải đảo, vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
  "ethnic-minority-hardship-area": "người dân tộc thiểu số ở vùng đặc biệt khó khăn",
  "student-or-person-with-merit": "học sinh, sinh viên, người có công với cách mạng",
  "border-or-island-resident": "người thường trú ở xã biên giới, huyện đảo (nay là đặc khu)",
}
export const CATEGORY_EN: Record<string, string> = {
  "poor-household": "poor household",
  "person-with-disability": "person with a disability",
  "person-with-revolutionary-merit-and-relatives": "person with revolutionary merit or relative",
  "person-with-revolutionary-merit-family": "family of a person with revolutionary merit",
  "orphan-under-18": "orphan under 18",
  child: "child",
  elderly: "elderly person",
  "hardship-area": "area of hardship, mountains, islands or special hardship",
  "ethnic-minority-hardship-area": "ethnic minority in an area of special hardship",
  "student-or-person-with-merit": "pupil, student or person with revolutionary merit",
  "border-or-island-resident": "permanent resident of a border commune or island district (now a special zone)",
}
// What a counted unit is called in the answer ("tính cho 1 bản").
const UNIT_COUNT_VI: Record<string, string> = {
  copy: "bản",
  page: "trang",
  person: "người",
  certificate: "phiếu",
  item: "mục",
  vehicle: "phương tiện",
}

/** `2026-12-07T09:30:00+07:00` → `09:30 ngày 07/12/2026`. */
const slipDate = (instant: string) =>
  `${instant.slice(11, 16)} ngày ${instant.slice(8, 10)}/${instant.slice(5, 7)}/${instant.slice(0, 4)}`

const documentLine = (d: ProcedureAnswer["documents"][number]) => {
  const counts = [d.originals > 0 ? `${d.originals} bản chính` : "", d.copies > 0 ? `${d.copies} bản sao` : ""]
    .filter((c) => c !== "")
    .join(", ")
  return `- ${d.name}${counts === "" ? "" : ` (${counts})`}${d.mandatory ? "" : " — nếu có"}${d.fromEWallet ? " — có thể lấy từ kho dữ liệu điện tử" : ""}`
}

export function renderAnswer(a: ProcedureAnswer, followUp?: FollowUp): { text: string; textEn: string } {
  const vi: string[] = []
  const en: string[] = []
  const title = `${a.name}${a.variant === undefined ? "" : ` — ${a.variant.name}`} (mã ${a.code})`
  vi.push(`Thủ tục: ${title}.`)
  en.push(
    `Procedure: ${a.nameEn ?? a.name} (code ${a.code}${a.variant === undefined ? "" : `, case ${a.variant.id}`}).`,
  )
  vi.push(
    "Hồ sơ cần chuẩn bị:",
    ...(a.documents.length === 0 ? ["- Không yêu cầu giấy tờ."] : a.documents.map(documentLine)),
  )
  en.push(`Documents: ${a.documents.length} item(s), listed in the structured answer.`)
  const { counter, online, onlineSaving, assumed, missing, categories, exemptible } = a.fees
  const main = counter ?? online
  if (main !== undefined) {
    vi.push(
      main.total === 0
        ? "Phí, lệ phí: không mất phí."
        : `Phí, lệ phí: ${formatDong(main.total)}${counter === undefined ? " (nộp trực tuyến)" : " nếu nộp trực tiếp"}.`,
    )
    en.push(`Fees: ${formatDongEn(main.total)}${counter === undefined ? " online" : " at the counter"}.`)
    if (counter !== undefined && online !== undefined && onlineSaving > 0) {
      vi.push(`Nộp trực tuyến: ${formatDong(online.total)} (ít hơn ${formatDong(onlineSaving)}).`)
      en.push(`Online: ${formatDongEn(online.total)} (${formatDongEn(onlineSaving)} less).`)
    }
  }
  const reduced = main?.lines.filter((l) => l.exemption !== undefined) ?? []
  if (main !== undefined && reduced.length > 0) {
    const gross = main.lines.reduce((sum, l) => sum + l.gross, 0)
    const named = [...new Set(reduced.map((l) => l.exemption?.category ?? ""))]
    vi.push(
      `Đã tính miễn, giảm cho ${named.map((c) => CATEGORY_VI[c] ?? c).join(", ")}: khi nộp cần giấy tờ chứng minh; không thuộc diện này thì ${formatDong(gross)}.`,
    )
    en.push(
      `Exemption applied for ${named.map((c) => CATEGORY_EN[c] ?? c).join(", ")}: a proof is needed when filing; otherwise ${formatDongEn(gross)}.`,
    )
  } else if (main !== undefined && main.total > 0 && categories.length > 0) {
    vi.push(`Thủ tục này không miễn, giảm phí cho ${categories.map((c) => CATEGORY_VI[c] ?? c).join(", ")}.`)
    en.push(`This procedure's fees have no exemption for ${categories.map((c) => CATEGORY_EN[c] ?? c).join(", ")}.`)
  }
  if (main !== undefined && main.total > 0 && exemptible.length > 0) {
    vi.push(
      `Được miễn hoặc giảm nếu thuộc: ${exemptible.map((c) => CATEGORY_VI[c] ?? c).join("; ")} (cần giấy tờ chứng minh).`,
    )
    en.push(`Exempt or reduced for: ${exemptible.map((c) => CATEGORY_EN[c] ?? c).join("; ")} (with a proof).`)
  }
  for (const x of assumed) {
    const unit = x.input.replace("quantities.", "")
    vi.push(`(Tính cho ${x.value} ${UNIT_COUNT_VI[unit] ?? unit}; cho biết số lượng để tính đúng.)`)
  }
  if (missing.length > 0) {
    vi.push(`Chưa tính được một số khoản phí: cần biết ${missing.join(", ")}.`)
    en.push(`Some fees need: ${missing.join(", ")}.`)
  }
  const t = a.time.provincial
  vi.push(
    `Thời hạn giải quyết: ${t.amount} ${UNIT_VI[t.unit] ?? t.unit}; nếu nộp ngay bây giờ, hẹn trả kết quả lúc ${slipDate(a.time.appointmentIfFiledNow)}.`,
  )
  en.push(
    `Time: ${t.amount} ${UNIT_EN[t.unit] ?? t.unit}; filed now, the result is due ${a.time.appointmentIfFiledNow}.`,
  )
  const auth = a.place.authority
  vi.push(`Cơ quan giải quyết: ${auth.name ?? auth.title}.`)
  en.push(`Competent authority: ${auth.name ?? auth.title}.`)
  if (a.place.unit?.formerName !== undefined)
    vi.push(
      `${a.place.unit.formerName} nay thuộc ${a.place.unit.name}${a.place.unit.unverified === undefined ? "" : " (chưa xác minh)"}.`,
    )
  if (a.place.centres.length > 0) {
    vi.push(`Nơi nộp: ${a.place.centres.map((c) => `${c.name}, ${c.address}`).join("; ")}.`)
    en.push(`Where: ${a.place.centres.map((c) => c.name).join("; ")}.`)
  }
  vi.push(
    `Trực tuyến: ${ONLINE_VI[a.online.level]}.${a.online.filingLink === undefined ? "" : ` Nộp hồ sơ: ${a.online.filingLink}`}`,
  )
  en.push(
    `Online: ${ONLINE_EN[a.online.level]}.${a.online.filingLink === undefined ? "" : ` File: ${a.online.filingLink}`}`,
  )
  if (followUp !== undefined) {
    vi.push(followUp.question, ...followUp.options.map((o) => `${o.id}. ${o.label}`))
    en.push(followUp.questionEn)
  }
  vi.push(`Nguồn: thủ tục ${a.code}.`)
  en.push(`Source: procedure ${a.code}.`)
  return { text: vi.join("\n"), textEn: en.join("\n") }
}
