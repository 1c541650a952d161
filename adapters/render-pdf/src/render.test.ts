// The documents read back by tools we did not write: pdftotext finds the Vietnamese text exactly (diacritics
// included), pdffonts sees every font embedded, zbarimg decodes the QR code of each page rendered by pdftoppm.
import { execFileSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { DocumentRenderer } from "@motcua/application"
import { vietnamDateTime } from "@motcua/domain"
import { Effect } from "effect"
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib"
import { describe, expect, it } from "vitest"
import { appendVerificationPage, MOTTO, NATION, renderFormPdf, renderResultPdf } from "./documents.ts"
import {
  forms,
  frame,
  pdffonts,
  pdftotext,
  qrCodesIn,
  resultDocument,
  verificationMark,
} from "./fixtures.test-support.ts"
import { PdfRenderer } from "./layer.ts"

/** Text as compared: pdftotext breaks lines where we wrapped them; join them with single spaces. */
const flat = (text: string) => text.normalize("NFC").replace(/\s+/g, " ")

describe("the seven standard forms", () => {
  for (const [i, form] of forms.entries()) {
    it(`${form.title}: header, number, date, every label and value, the QR code to the lookup page`, async () => {
      const pdf = await renderFormPdf(form, frame(i + 1))
      const text = flat(pdftotext(pdf))
      for (const expected of [
        NATION,
        MOTTO,
        "CÔNG AN PHƯỜNG HỒNG GAI",
        `Số: ${i + 1}/PTN-CAP`,
        "Quảng Ninh, ngày 06 tháng 10 năm 2025",
        form.title,
      ])
        expect(text).toContain(expected)
      if ("dossierCode" in form) {
        expect(text).toContain(`Mã hồ sơ: ${form.dossierCode}`)
        expect(text).toContain("Tên thủ tục hành chính: Đăng ký thường trú")
        expect(text).toContain("Họ và tên / Tên tổ chức: Nguyễn Thị Hường")
      }
      expect(qrCodesIn(pdf)).toEqual([frame(i + 1).qrUrl])
      expect(pdffonts(pdf)).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/m) // every font embedded ("emb" yes)
    })
  }

  it("dates are printed as in Vietnam (dd/MM/yyyy HH:mm), lists numbered, yes/no as Có/Không, labels not keys", async () => {
    const receipt = forms[0]
    const control = forms[5]
    if (receipt?.form !== "receipt" || control?.form !== "process-control") throw new Error("fixtures")
    const text = flat(pdftotext(await renderFormPdf(receipt, frame(1))))
    expect(text).toContain(`Thời điểm hẹn trả kết quả: ${vietnamDateTime(receipt.appointment)}`)
    expect(text).toContain("13/10/2025 08:30")
    expect(text).toContain("Thành phần hồ sơ: 1. Tên giấy tờ: Tờ khai thay đổi thông tin cư trú (CT01)")
    expect(text).toContain("Khai thác từ kho dữ liệu / ví điện tử: Có")
    expect(text).not.toContain("dossierCode")
    const slip = flat(pdftotext(await renderFormPdf(control, frame(6))))
    expect(slip).toContain("Kết quả giải quyết (trước hạn / đúng hạn / quá hạn): Trước hạn")
    expect(slip).not.toContain("early")
  })

  it("text given decomposed (NFD) is printed composed", async () => {
    const receipt = forms[0]
    if (receipt?.form !== "receipt") throw new Error("fixtures")
    const decomposed = { ...receipt, applicant: { ...receipt.applicant, name: "Nguyễn Thị Hường".normalize("NFD") } }
    expect(flat(pdftotext(await renderFormPdf(decomposed, frame(1))))).toContain("Nguyễn Thị Hường")
  })
})

const result = resultDocument

describe("the result document", () => {
  it("has the citizen-facing title, the dossier code, the decision, the signer and a QR code to its verification page", async () => {
    const pdf = await renderResultPdf(result)
    const text = flat(pdftotext(pdf))
    for (const expected of [
      NATION,
      "XÁC NHẬN ĐĂNG KÝ THƯỜNG TRÚ",
      "Mã hồ sơ: 000.11.50.H49-251006-0001",
      "Người nộp hồ sơ: Nguyễn Thị Hường",
      "Kết quả: Chấp thuận. Đồng ý đăng ký thường trú tại Tổ 5, khu 3.",
      "TRƯỞNG CÔNG AN PHƯỜNG",
      "Trần Văn Lãnh Đạo",
      "Quét mã QR để kiểm tra kết quả",
    ])
      expect(text).toContain(expected)
    expect(qrCodesIn(pdf)).toEqual([result.frame.qrUrl])
    const doc = await PDFDocument.load(pdf)
    expect(doc.getTitle()).toBe("Xác nhận đăng ký thường trú")
  })

  it("a refusal lists its reasons", async () => {
    const text = flat(
      pdftotext(await renderResultPdf({ ...result, decision: "rejected", reasons: ["Chỗ ở không hợp pháp"] })),
    )
    expect(text).toContain("Kết quả: Không chấp thuận, vì các lý do sau: 1. Chỗ ở không hợp pháp")
  })
})

describe("an uploaded result", () => {
  const upload = async () => {
    const doc = await PDFDocument.create()
    const page = doc.addPage()
    page.drawText("Quyet dinh so 15", { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) })
    return doc.save()
  }
  const mark = verificationMark

  it("keeps its pages and gains a last page with the title, the dossier code and the QR code", async () => {
    const marked = await appendVerificationPage(await upload(), mark)
    const doc = await PDFDocument.load(marked)
    expect(doc.getPageCount()).toBe(2)
    const text = flat(pdftotext(marked))
    expect(text).toContain("Quyet dinh so 15")
    expect(text).toContain("TRANG XÁC THỰC KẾT QUẢ ĐIỆN TỬ")
    expect(text).toContain("Kết quả: Xác nhận đăng ký thường trú")
    expect(text).toContain(`Mã hồ sơ: ${mark.dossierCode}`)
    expect(qrCodesIn(marked)).toEqual([mark.url])
  })

  it("the port refuses a non-PDF, an encrypted PDF and a PDF with JavaScript, saying which", async () => {
    const reasonFor = (bytes: Uint8Array) =>
      Effect.runPromise(
        DocumentRenderer.use((r) => r.markForVerification(bytes, mark)).pipe(
          Effect.map(() => "accepted"),
          Effect.catchTag("SigningRefused", (e) => Effect.succeed(e.reason)),
          Effect.provide(PdfRenderer.layer),
        ),
      )
    expect(await reasonFor(new Uint8Array(Buffer.from("GIF89a not a pdf")))).toBe("not-pdf")
    const withScript = await PDFDocument.load(await upload())
    withScript.catalog.set(PDFName.of("OpenAction"), withScript.context.obj({ S: "JavaScript", JS: PDFString.of("1") }))
    expect(await reasonFor(await withScript.save())).toBe("javascript")
    const dir = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim()
    writeFileSync(join(dir, "a.pdf"), await upload())
    execFileSync("qpdf", ["--encrypt", "", "owner", "256", "--", join(dir, "a.pdf"), join(dir, "b.pdf")])
    const encrypted = new Uint8Array(execFileSync("cat", [join(dir, "b.pdf")]))
    execFileSync("rm", ["-rf", dir])
    expect(await reasonFor(encrypted)).toBe("encrypted")
    expect(await reasonFor(await upload())).toBe("accepted")
  })
})
