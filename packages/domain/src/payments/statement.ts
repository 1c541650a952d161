// A bank statement (sao kê) as CSV, the form every Vietnamese bank exports: the lines credited to (or debited from)
// the centres' accounts, which daily reconciliation compares with what motcua confirmed. A statement is untrusted
// input: every problem is reported with its line and column, and nothing of a statement with problems is used.
//
// Format (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, UTF-8, optional BOM):
// a header line naming the columns, in any order, in English or Vietnamese without diacritics —
//   transaction_id (ma_giao_dich)  the bank's (or gateway's) id of the transaction, unique in the statement
//   booked_at (thoi_gian)          `2025-10-08T10:15:00+07:00`, `2025-10-08 10:15:00` or `08/10/2025 10:15:00`
//                                  (the last two in Vietnam time)
//   account (so_tai_khoan)         the centre's account number credited or debited
//   amount (so_tien)               whole đồng, positive for money in, negative for money out; `10000`, `10.000`
//                                  or `10,000` (groups of three); no decimals
//   description (noi_dung)         the transfer's description (where the payment reference is)
//   bank_bin (ma_ngan_hang)        optional: the BIN of the account's bank
import type { Problem } from "../shared/decode.ts"

export interface StatementLine {
  /** The line of the file (the header is line 1). */
  readonly line: number
  readonly transactionId: string
  /** ISO instant with offset, `+07:00`. */
  readonly bookedAt: string
  readonly accountNumber: string
  readonly bankBin?: string
  /** Whole đồng; negative for money out. */
  readonly amount: number
  readonly description: string
}

export type StatementProblem = Problem

const COLUMNS = {
  transactionId: ["transaction_id", "ma_giao_dich"],
  bookedAt: ["booked_at", "thoi_gian"],
  accountNumber: ["account", "so_tai_khoan"],
  amount: ["amount", "so_tien"],
  description: ["description", "noi_dung"],
  bankBin: ["bank_bin", "ma_ngan_hang"],
} as const
type Column = keyof typeof COLUMNS
const REQUIRED: ReadonlyArray<Column> = ["transactionId", "bookedAt", "accountNumber", "amount", "description"]

/** Most lines read from one statement (a centre's day is a few hundred). */
export const MAX_STATEMENT_LINES = 200_000

/** Splits CSV text into records of fields, each with the line it starts on; or the first syntax problem. */
function records(text: string): { rows: Array<{ line: number; fields: string[] }> } | { problem: Problem } {
  const rows: Array<{ line: number; fields: string[] }> = []
  let fields: string[] = []
  let field = ""
  let line = 1
  let rowLine = 1
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRow = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line: rowLine, fields })
    fields = []
    field = ""
  }
  for (; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === "\n") line++
        field += c
      }
      continue
    }
    if (c === '"') {
      if (field !== "")
        return {
          problem: { path: `dòng ${line}`, message: "dấu ngoặc kép giữa trường (a quote inside an unquoted field)" },
        }
      quoted = true
    } else if (c === ",") {
      fields.push(field)
      field = ""
    } else if (c === "\r" && text[i + 1] === "\n") {
      // CRLF: the \n ends the row
    } else if (c === "\n") {
      endRow()
      line++
      rowLine = line
    } else field += c
  }
  if (quoted) return { problem: { path: `dòng ${rowLine}`, message: "thiếu dấu ngoặc kép đóng (unterminated quote)" } }
  endRow()
  return { rows }
}

const pad = (n: string) => n.padStart(2, "0")

/** A statement time as an ISO instant in +07:00, or undefined when it is not one of the accepted forms. */
export function statementInstant(text: string): string | undefined {
  const t = text.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/.exec(t)
  let parts: [string, string, string, string, string, string, string | undefined] | undefined
  if (m !== null) parts = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "00", m[7]] as typeof parts
  else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t)
    if (m !== null)
      parts = [
        m[3],
        pad(m[2] as string),
        pad(m[1] as string),
        pad(m[4] as string),
        m[5],
        m[6] ?? "00",
        undefined,
      ] as typeof parts
  }
  if (parts === undefined) return undefined
  const [y, mo, d, h, mi, s, zone] = parts
  const offset = zone === undefined ? "+07:00" : zone === "Z" ? "+00:00" : zone
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
  if (Number.isNaN(ms)) return undefined
  // the date must exist as written (Date.parse rolls 31/02 over to March)
  const local = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s))
  if (local.getUTCDate() !== +d || local.getUTCMonth() !== +mo - 1 || +h > 23) return undefined
  const vn = new Date(ms + 7 * 3_600_000).toISOString()
  return `${vn.slice(0, 19)}+07:00`
}

/** Whole đồng from statement text (`10000`, `-10.000`, `10,000`), or undefined. */
export function statementAmount(text: string): number | undefined {
  const t = text.trim()
  if (!/^[+-]?(\d+|\d{1,3}([.,]\d{3})+)$/.test(t)) return undefined
  const value = Number(t.replace(/[.,+]/g, ""))
  return Number.isSafeInteger(value) && value !== 0 ? value : undefined
}

/** Reads a statement: every line, or every problem (with `dòng N` and the column) when any line is wrong. */
export function parseStatementCsv(
  text: string,
): { readonly ok: true; readonly lines: StatementLine[] } | { readonly ok: false; readonly problems: Problem[] } {
  const read = records(text)
  if ("problem" in read) return { ok: false, problems: [read.problem] }
  const [header, ...rows] = read.rows
  if (header === undefined) return { ok: false, problems: [{ path: "dòng 1", message: "tệp rỗng (empty file)" }] }
  if (rows.length > MAX_STATEMENT_LINES)
    return { ok: false, problems: [{ path: "", message: `quá ${MAX_STATEMENT_LINES} dòng (too many lines)` }] }
  const names = header.fields.map((f) => f.trim().toLowerCase())
  const index: Partial<Record<Column, number>> = {}
  const problems: Problem[] = []
  for (const [column, aliases] of Object.entries(COLUMNS) as Array<[Column, ReadonlyArray<string>]>) {
    const at = names.findIndex((n) => aliases.includes(n))
    if (at >= 0) index[column] = at
    else if (REQUIRED.includes(column))
      problems.push({ path: "dòng 1", message: `thiếu cột ${aliases.join(" / ")} (missing column)` })
  }
  if (problems.length > 0) return { ok: false, problems }
  const lines: StatementLine[] = []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const where = (column: Column) => `dòng ${row.line}, cột ${COLUMNS[column][0]}`
    if (row.fields.length !== names.length) {
      problems.push({
        path: `dòng ${row.line}`,
        message: `có ${row.fields.length} trường, tiêu đề có ${names.length} (field count differs from the header)`,
      })
      continue
    }
    const get = (column: Column) => {
      const at = index[column]
      return at === undefined ? undefined : (row.fields[at] as string).trim()
    }
    const transactionId = get("transactionId") ?? ""
    const bookedText = get("bookedAt") ?? ""
    const accountNumber = get("accountNumber") ?? ""
    const amountText = get("amount") ?? ""
    const description = get("description") ?? ""
    const bankBin = get("bankBin")
    const before = problems.length
    if (!/^[\x21-\x7E]{1,100}$/.test(transactionId))
      problems.push({
        path: where("transactionId"),
        message: `mã giao dịch trống hoặc không hợp lệ: "${transactionId.slice(0, 40)}"`,
      })
    else if (seen.has(transactionId))
      problems.push({
        path: where("transactionId"),
        message: `mã giao dịch ${transactionId} trùng với dòng ${seen.get(transactionId)} (duplicate transaction)`,
      })
    const bookedAt = statementInstant(bookedText)
    if (bookedAt === undefined)
      problems.push({ path: where("bookedAt"), message: `thời gian không hợp lệ: "${bookedText.slice(0, 40)}"` })
    if (!/^[0-9A-Z]{1,19}$/.test(accountNumber))
      problems.push({
        path: where("accountNumber"),
        message: `số tài khoản không hợp lệ: "${accountNumber.slice(0, 40)}"`,
      })
    const amount = statementAmount(amountText)
    if (amount === undefined)
      problems.push({
        path: where("amount"),
        message: `số tiền phải là số đồng nguyên khác 0, không có phần lẻ: "${amountText.slice(0, 40)}"`,
      })
    if (bankBin !== undefined && bankBin !== "" && !/^\d{6}$/.test(bankBin))
      problems.push({
        path: where("bankBin"),
        message: `mã ngân hàng (BIN) phải có 6 chữ số: "${bankBin.slice(0, 40)}"`,
      })
    if (description.length > 1000)
      problems.push({ path: where("description"), message: "nội dung dài quá 1000 ký tự (too long)" })
    if (problems.length > before || bookedAt === undefined || amount === undefined) continue
    seen.set(transactionId, row.line)
    lines.push({
      line: row.line,
      transactionId,
      bookedAt,
      accountNumber,
      ...(bankBin === undefined || bankBin === "" ? {} : { bankBin }),
      amount,
      description,
    })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines }
}
