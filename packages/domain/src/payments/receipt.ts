// E-receipts (biên lai điện tử) for fees and charges collected (Decree 11/2020/NĐ-CP on state-budget collection,
// Decree 123/2020/NĐ-CP and Circular 78/2021/TT-BTC on e-receipts): each carries the province's form symbol (ký hiệu
// mẫu), the centre's series symbol (ký hiệu) and a number that runs per centre and series from 1 without gaps. A
// receipt is never edited: a wrong one is cancelled and a replacement issued that names it. The amount is written in
// figures and in Vietnamese words.
//
// The number width (7 digits) follows the e-receipt form the province registers; *unverified*, change
// RECEIPT_NUMBER_DIGITS if the registered form differs.

export const RECEIPT_NUMBER_DIGITS = 7

export interface ReceiptItem {
  readonly name: string
  readonly amount: number
}

export interface ReceiptRecord {
  readonly id: string
  readonly centreId: string
  readonly centreName: string
  /** The collecting organisation. */
  readonly collector: string
  /** Ký hiệu mẫu biên lai. */
  readonly form: string
  /** Ký hiệu biên lai: the centre's series for the year (`HG-25E`). */
  readonly series: string
  /** 1, 2, 3, … per centre and series. */
  readonly number: number
  readonly dossierCode: string
  readonly procedureName: string
  readonly paymentId: string
  readonly payer: { readonly name: string; readonly id?: string; readonly address?: string }
  readonly items: ReadonlyArray<ReceiptItem>
  readonly total: number
  readonly totalInWords: string
  /** How it was paid: `Chuyển khoản (VietQR)`, `Cổng thanh toán`, … */
  readonly method: string
  readonly issuedAt: string
  readonly status: "issued" | "cancelled"
  readonly cancelled?: { readonly at: string; readonly by: string; readonly reason: string }
  /** The receipt this one replaces (cancelled because it was wrong). */
  readonly replaces?: string
  /** The receipt that replaced this one. */
  readonly replacedBy?: string
  /** What the tax authority's e-invoice system made of it (sent through the outbox after it is issued). */
  readonly einvoice?: ReceiptEInvoice
}

/**
 * A receipt as the tax authority's e-invoice system (through the province's provider) knows it: `accepted` with the
 * authority's code and the lookup code a payer checks it with; `cancelled` once its cancellation is accepted too;
 * `refused` when the system refused it or answered something that does not fit (the problem says what) — then an
 * officer must look at it: it is not sent again by itself.
 */
export interface ReceiptEInvoice {
  readonly status: "accepted" | "cancelled" | "refused"
  readonly at: string
  /** Mã của cơ quan thuế (the authority's code for it), when the answer gives one. */
  readonly taxAuthorityCode?: string
  /** Mã tra cứu: what the payer looks it up with on the provider's site. */
  readonly lookupCode?: string
  /** The number the e-invoice system records it under. */
  readonly invoiceNo?: string
  /** Why it was refused, Vietnamese then English. */
  readonly problem?: string
}

/** `12` → `0000012`. */
export const formatReceiptNumber = (n: number): string => String(n).padStart(RECEIPT_NUMBER_DIGITS, "0")

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
const GROUPS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]

/** Words for 0–999; `full` writes the hundreds (and `linh`) even when they are zero, as inside a larger number. */
function groupWords(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100)
  const t = Math.floor(n / 10) % 10
  const u = n % 10
  const words: string[] = []
  if (h > 0 || full) words.push(DIGITS[h] as string, "trăm")
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) words.push("linh")
  } else if (t === 1) words.push("mười")
  else words.push(DIGITS[t] as string, "mươi")
  if (u > 0) {
    if (u === 1 && t >= 2) words.push("mốt")
    else if (u === 5 && t >= 1) words.push("lăm")
    else words.push(DIGITS[u] as string)
  }
  return words
}

/**
 * A whole number of đồng in Vietnamese words, as written on receipts: `10000` → `Mười nghìn đồng`, `1005000` →
 * `Một triệu không trăm linh năm nghìn đồng`, `25` → `Hai mươi lăm đồng`, `0` → `Không đồng`.
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amountInWords: ${amount} is not whole đồng`)
  const groups: number[] = []
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000)
  const words: string[] = []
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i] as number
    if (g === 0) continue
    words.push(...groupWords(g, words.length > 0))
    if (GROUPS[i] !== "") words.push(GROUPS[i] as string)
  }
  const text = words.length === 0 ? "không" : words.join(" ")
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`
}

export const METHOD_LABELS: Readonly<Record<string, string>> = {
  vietqr: "Chuyển khoản (VietQR)",
  gateway: "Cổng thanh toán trực tuyến",
  callback: "Cổng thanh toán trực tuyến",
  counter: "Tại quầy (không dùng tiền mặt)",
}
