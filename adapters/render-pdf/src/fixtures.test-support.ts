// The seven standard forms filled in for one dossier of permanent residence registration in Hồng Gai (typed with
// the domain's form types, so a changed form fails the type check here), and PDF tools for the tests.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { DocumentFrame, ResultDocument, StandardForm, VerificationMark } from "@motcua/application"

const header = {
  dossierCode: "000.11.50.H49-251006-0001",
  procedureCode: "1.004222",
  procedureName: "Đăng ký thường trú",
  agencyCode: "000.11.50.H49",
  applicant: {
    name: "Nguyễn Thị Hường",
    idNumber: "022190001234",
    address: "Tổ 5, khu 3, phường Hồng Gai, tỉnh Quảng Ninh",
    phone: "0912345678",
  },
}
const counter = { id: "cb-hg-01", role: "counter-officer" }
const specialist = { id: "cv-hg-01", role: "specialist" }

export const forms: ReadonlyArray<StandardForm> = [
  {
    form: "receipt",
    title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    ...header,
    channel: "Trực tuyến",
    documents: [
      {
        name: "Tờ khai thay đổi thông tin cư trú (CT01)",
        originals: 1,
        copies: 0,
        fromEWallet: false,
        digitised: true,
      },
      { name: "Giấy tờ chứng minh chỗ ở hợp pháp", originals: 0, copies: 1, fromEWallet: true, digitised: true },
    ],
    receivedAt: "2025-10-06T08:00:00.000+07:00",
    acceptedAt: "2025-10-06T08:30:00.000+07:00",
    appointment: "2025-10-13T08:30:00.000+07:00",
    receivedBy: counter,
  },
  {
    form: "supplementation-request",
    title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    ...header,
    sequence: 1,
    items: [{ document: "Giấy tờ chứng minh chỗ ở hợp pháp", description: "Hợp đồng thuê nhà chưa công chứng" }],
    requestedAt: "2025-10-07T10:00:00.000+07:00",
    requestedBy: specialist,
    applicantDeadline: "2025-10-17T17:00:00.000+07:00",
    countsAsLate: false,
  },
  {
    form: "refusal",
    title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    ...header,
    receivedAt: "2025-10-06T08:00:00.000+07:00",
    refusedAt: "2025-10-06T09:00:00.000+07:00",
    refusedBy: counter,
    reasons: ["Thủ tục không thuộc thẩm quyền của phường Hồng Gai", "Thiếu tờ khai CT01"],
  },
  {
    form: "apology",
    title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    ...header,
    acceptedAt: "2025-10-06T08:30:00.000+07:00",
    previousAppointment: "2025-10-13T08:30:00.000+07:00",
    newAppointment: "2025-10-15T08:30:00.000+07:00",
    reason: "Cần xác minh thêm thông tin nơi ở",
    issuedAt: "2025-10-12T15:00:00.000+07:00",
    issuedBy: specialist,
  },
  {
    form: "stop-notice",
    title: "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ",
    ...header,
    acceptedAt: "2025-10-06T08:30:00.000+07:00",
    stoppedAt: "2025-10-20T09:00:00.000+07:00",
    stoppedBy: specialist,
    reasons: ["Quá thời hạn bổ sung hồ sơ mà người nộp không bổ sung"],
  },
  {
    form: "process-control",
    title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    ...header,
    acceptedAt: "2025-10-06T08:30:00.000+07:00",
    appointment: "2025-10-13T08:30:00.000+07:00",
    rows: [
      {
        order: 1,
        stepName: "Tiếp nhận hồ sơ",
        unit: "Bộ phận Một cửa phường Hồng Gai",
        handedBy: counter,
        holder: counter,
        receivedAt: "2025-10-06T08:30:00.000+07:00",
        dueAt: "2025-10-06T16:30:00.000+07:00",
        endedAt: "2025-10-06T09:30:00.000+07:00",
        timeliness: "early",
        timelinessLabel: "Trước hạn",
      },
      {
        order: 2,
        stepName: "Thẩm định hồ sơ",
        unit: "Công an phường Hồng Gai",
        handedBy: counter,
        holder: specialist,
        receivedAt: "2025-10-06T09:30:00.000+07:00",
        dueAt: "2025-10-09T09:30:00.000+07:00",
        timeliness: "pending",
        timelinessLabel: "Đang giải quyết",
      },
    ],
    dossierTimeliness: "pending",
    dossierTimelinessLabel: "Đang giải quyết",
  },
  {
    form: "tracking-log",
    title: "SỔ THEO DÕI HỒ SƠ",
    entries: [
      {
        dossierCode: header.dossierCode,
        procedureName: header.procedureName,
        applicantName: header.applicant.name,
        applicantAddress: "Tổ 5, khu 3, phường Hồng Gai",
        receivedAt: "2025-10-06T08:00:00.000+07:00",
        appointment: "2025-10-13T08:30:00.000+07:00",
        status: 4,
        statusLabel: "Đang xử lý",
        timeliness: "pending",
        notes: ["Đã yêu cầu bổ sung một lần"],
      },
    ],
  },
]

export const frame = (n: number): DocumentFrame => ({
  issuer: "Công an phường Hồng Gai",
  number: `${n}/PTN-CAP`,
  place: "Quảng Ninh",
  date: "2025-10-06",
  qrUrl: "https://dichvucong.quangninh.gov.vn/lookup/000.11.50.H49-251006-0001",
})

/** The result document of the same dossier, as the leader signs it. */
export const resultDocument: ResultDocument = {
  frame: {
    ...frame(12),
    number: "000.11.50.H49-251006-0001/KQ",
    qrUrl: "https://dichvucong.quangninh.gov.vn/verify/Q7XK2M9PZ4ABCDEF",
  },
  title: "Xác nhận đăng ký thường trú",
  dossierCode: "000.11.50.H49-251006-0001",
  procedureCode: "1.004222",
  procedureName: "Đăng ký thường trú",
  applicantName: "Nguyễn Thị Hường",
  decision: "approved",
  note: "Đồng ý đăng ký thường trú tại Tổ 5, khu 3.",
  validity: "Không thời hạn",
  signerTitle: "Trưởng Công an phường",
  signerName: "Trần Văn Lãnh Đạo",
}

/** What the verification page added to an uploaded result of that dossier says. */
export const verificationMark: VerificationMark = {
  url: "https://dichvucong.quangninh.gov.vn/verify/Q7XK2M9PZ4ABCDEF",
  verificationId: "Q7XK2M9PZ4ABCDEF",
  dossierCode: "000.11.50.H49-251006-0001",
  title: "Xác nhận đăng ký thường trú",
}

function inTemp<T>(pdf: Uint8Array, body: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "motcua-render-"))
  try {
    const file = join(dir, "doc.pdf")
    writeFileSync(file, pdf)
    return body(dir, file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of the PDF as pdftotext (poppler) reads it, in reading order. */
export const pdftotext = (pdf: Uint8Array): string =>
  inTemp(pdf, (_, file) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }))

/** Every QR code zbarimg finds on the PDF's pages rendered by pdftoppm at 150 dpi. */
export const qrCodesIn = (pdf: Uint8Array): string[] =>
  inTemp(pdf, (dir, file) => {
    execFileSync("pdftoppm", ["-r", "150", "-png", file, join(dir, "page")])
    const pages = execFileSync("ls", [dir], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f.startsWith("page") && f.endsWith(".png"))
    return pages.flatMap((page) => {
      const result = spawnSync("zbarimg", ["-q", "--raw", "-Sbinary", join(dir, page)])
      return result.status === 0 ? [result.stdout.toString("utf8").trim()] : []
    })
  })

/** pdffonts' table: every font embedded? */
export const pdffonts = (pdf: Uint8Array): string =>
  inTemp(pdf, (_, file) => execFileSync("pdffonts", [file], { encoding: "utf8" }))

/** One page (the first by default, -1 for the last) as PNG at `dpi`, drawn by pdftoppm (for the docs). */
export const pagePng = (pdf: Uint8Array, page = 1, dpi = 60): Uint8Array =>
  inTemp(pdf, (dir, file) => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? 1)
    const n = String(page < 0 ? pages + 1 + page : page)
    execFileSync("pdftoppm", ["-r", String(dpi), "-png", "-f", n, "-l", n, "-singlefile", file, join(dir, "page")])
    return new Uint8Array(readFileSync(join(dir, "page.png")))
  })
