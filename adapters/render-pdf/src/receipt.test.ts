// The e-receipt read back by tools we did not write: pdftotext finds every part of it in Vietnamese (diacritics
// included, also when given decomposed), pdffonts sees the fonts embedded, zbarimg decodes its QR code.
import { DocumentRenderer } from "@motcua/application"
import { amountInWords, type ReceiptRecord } from "@motcua/domain"
import { Effect } from "effect"
import { PDFDocument } from "pdf-lib"
import { describe, expect, it } from "vitest"
import { renderReceiptPdf } from "./documents.ts"
import { pdffonts, pdftotext, qrCodesIn } from "./fixtures.test-support.ts"
import { PdfRenderer } from "./layer.ts"

const flat = (text: string) => text.normalize("NFC").replace(/\s+/g, " ")

const receipt: ReceiptRecord = {
  id: "receipt-12",
  centreId: "ttphcc-06685",
  centreName: "Trung tâm Phục vụ hành chính công phường Hồng Gai",
  collector: "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh",
  form: "01BLP0-001",
  series: "X06685-25E",
  number: 12,
  dossierCode: "000.11.50.H49-251006-0001",
  procedureName: "Đăng ký thường trú",
  paymentId: "vietqr:FT25279000001",
  payer: { name: "Nguyễn Thị Hường", id: "022090001234", address: "Tổ 5, khu 3, phường Hồng Gai" },
  items: [
    { name: "Lệ phí đăng ký cư trú", amount: 10_000 },
    { name: "Phí khai thác, sử dụng thông tin trong cơ sở dữ liệu quốc gia về dân cư", amount: 1_005_000 },
  ],
  total: 1_015_000,
  totalInWords: amountInWords(1_015_000),
  method: "Chuyển khoản (VietQR)",
  issuedAt: "2025-10-06T03:15:00.000Z",
  status: "issued",
}
const document = {
  receipt,
  place: "Quảng Ninh",
  qrUrl: "https://dichvucong.quangninh.gov.vn/tra-cuu/000.11.50.H49-251006-0001",
}

describe("the e-receipt as PDF", () => {
  it("has the form symbol, series and number, the payer, each item, the total in figures and words, the method and the QR code", async () => {
    const pdf = await renderReceiptPdf(document)
    const text = flat(pdftotext(pdf))
    for (const expected of [
      "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH QUẢNG NINH",
      "Trung tâm Phục vụ hành chính công phường Hồng Gai",
      "Mẫu số: 01BLP0-001",
      "Ký hiệu: X06685-25E",
      "Số: 0000012",
      "BIÊN LAI THU TIỀN PHÍ, LỆ PHÍ",
      "Quảng Ninh, ngày 06 tháng 10 năm 2025",
      "Họ và tên người nộp tiền: Nguyễn Thị Hường",
      "Số định danh cá nhân / mã số: 022090001234",
      "Địa chỉ: Tổ 5, khu 3, phường Hồng Gai",
      "Mã hồ sơ: 000.11.50.H49-251006-0001",
      "Thủ tục hành chính: Đăng ký thường trú",
      "STT Nội dung thu Số tiền (đồng)",
      "1 Lệ phí đăng ký cư trú 10.000",
      "2 Phí khai thác, sử dụng thông tin",
      "1.005.000",
      "Tổng cộng",
      "1.015.000 đồng",
      "Số tiền bằng chữ: Một triệu không trăm mười lăm nghìn đồng",
      "Hình thức thanh toán: Chuyển khoản (VietQR)",
      "Mã giao dịch: vietqr:FT25279000001",
      "Thời điểm lập: 06/10/2025 10:15",
    ])
      expect(text).toContain(expected)
    // the long item's name wraps in its column; every word of it is there
    expect(text).toContain("cơ sở dữ liệu quốc gia về dân cư")
    expect(text).not.toContain("ĐÃ HỦY")
    expect(qrCodesIn(pdf)).toEqual([document.qrUrl])
    expect(pdffonts(pdf)).not.toMatch(/\bno\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/m) // every font embedded
    const doc = await PDFDocument.load(pdf)
    expect(doc.getTitle()).toBe("Biên lai thu tiền phí, lệ phí X06685-25E số 0000012")
  })

  it("a cancelled receipt says so, why, and which replaced it; a replacement names the one it replaces", async () => {
    const cancelled = flat(
      pdftotext(
        await renderReceiptPdf({
          ...document,
          receipt: {
            ...receipt,
            status: "cancelled",
            cancelled: { at: "2025-10-07T02:00:00.000Z", by: "qt-hg-01", reason: "Sai tên người nộp" },
            replacedBy: "receipt-13",
          },
        }),
      ),
    )
    expect(cancelled).toContain("BIÊN LAI ĐÃ HỦY")
    expect(cancelled).toContain("Hủy lúc 07/10/2025 09:00, lý do: Sai tên người nộp")
    expect(cancelled).toContain("Được thay thế bởi biên lai receipt-13")
    const replacement = flat(
      pdftotext(await renderReceiptPdf({ ...document, receipt: { ...receipt, number: 13, replaces: "receipt-12" } })),
    )
    expect(replacement).toContain("Thay thế biên lai đã hủy: receipt-12")
    expect(replacement).toContain("Số: 0000013")
  })

  it("names the receipt replaced, and the replacement, by series and number when given them", async () => {
    const cancelled = flat(
      pdftotext(
        await renderReceiptPdf({
          ...document,
          receipt: { ...receipt, status: "cancelled", replacedBy: "receipt-13" },
          replacedBy: { series: receipt.series, number: 13 },
        }),
      ),
    )
    expect(cancelled).toContain(`Được thay thế bởi biên lai ký hiệu ${receipt.series} số 0000013`)
    const replacement = flat(
      pdftotext(
        await renderReceiptPdf({
          ...document,
          receipt: { ...receipt, number: 13, replaces: "receipt-12" },
          replaces: { series: receipt.series, number: receipt.number },
        }),
      ),
    )
    expect(replacement).toContain(
      `Thay thế biên lai đã hủy ký hiệu ${receipt.series} số ${String(receipt.number).padStart(7, "0")}`,
    )
    expect(replacement).not.toContain("receipt-12")
  })

  it("prints names given decomposed (NFD) composed, through the DocumentRenderer port", async () => {
    const pdf = await Effect.runPromise(
      DocumentRenderer.use((r) =>
        r.renderReceipt({
          ...document,
          receipt: { ...receipt, payer: { name: "Trần Thị Ánh Tuyết".normalize("NFD") } },
        }),
      ).pipe(Effect.provide(PdfRenderer.layer)),
    )
    const text = flat(pdftotext(pdf))
    expect(text).toContain("Họ và tên người nộp tiền: Trần Thị Ánh Tuyết")
    expect(text).not.toContain("Địa chỉ:")
  })
})
