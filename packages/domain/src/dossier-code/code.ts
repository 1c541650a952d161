// Dossier codes (mã hồ sơ): `<agency code>-<yymmdd>-<4-digit daily sequence>`, e.g. `000.17.22.H56-210531-0001`
// (Circular 01/2018/TT-VPCP, succeeded by Circular 03/2025/TT-VPCP). The domain only formats and checks codes: the
// daily sequence is counted by the caller (the dossier store), since the domain has no state and no clock.
//
// Agency code: the electronic identifier of the receiving agency under QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT,
// amended by Circular 01/2022/TT-BTTTT). It is 13 characters, four groups separated by dots and written from the
// lowest level to the highest: level 4 (3 characters) . level 3 (2) . level 2 (2) . level 1 (3), each character a
// digit or an upper-case Latin letter, `0` filling the levels an agency does not use. The level-1 group is a letter
// for the kind of top-level body and two digits (`G22` Văn phòng Chính phủ, `H..` provinces), e.g. `000.00.00.G22`,
// `000.00.35.H05`, `000.17.22.H56`. That the level-1 group is always one letter and two digits is taken from the
// published codes seen, not from the standard's text (which could not be consulted here): relax AGENCY_GROUPS if a
// real code is refused.
//
// Date: `yymmdd` of the day the dossier was received. Two digits cannot say the century: yy is read as 20yy, so
// codes cover 2000-01-01 to 2099-12-31, and formatting a date outside that range is an error rather than a code that
// would read back as another century.
import { Data, Result, Schema } from "effect"
import { daysInMonth } from "../calendar/local-date.ts"

/** Each agency-code group: its length and the character class of each of its positions. */
const AGENCY_GROUPS: ReadonlyArray<ReadonlyArray<"alnum" | "letter" | "digit">> = [
  ["alnum", "alnum", "alnum"], // level 4
  ["alnum", "alnum"], // level 3
  ["alnum", "alnum"], // level 2
  ["letter", "digit", "digit"], // level 1
]
const AGENCY_CODE_LENGTH = 13
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/

/** Length of a dossier code: 13 + `-` + 6 + `-` + 4. */
export const DOSSIER_CODE_LENGTH = 25
const DATE_AT = 14
const SEQUENCE_AT = 21
export const MAX_DAILY_SEQUENCE = 9999

/** The century a code's `yymmdd` names (yy read as 20yy), and its first and last day. */
const CODE_YEARS = { first: 2000, last: 2099 } as const
export const DOSSIER_CODE_DAYS = { first: `${CODE_YEARS.first}-01-01`, last: `${CODE_YEARS.last}-12-31` } as const

/** Which part of a dossier code is wrong. */
export type DossierCodePart = "whitespace" | "agency-code" | "separator" | "date" | "sequence" | "trailing"

const PART_NAMES: Record<DossierCodePart, string> = {
  whitespace: "khoảng trắng / whitespace",
  "agency-code": "mã cơ quan / agency code",
  separator: "dấu phân cách / separator",
  date: "ngày / date",
  sequence: "số thứ tự / sequence",
  trailing: "ký tự thừa / trailing characters",
}

/** Text that is not a dossier code: which part is wrong, at which character (0-based `index`), and why. */
export class InvalidDossierCode extends Data.TaggedError("InvalidDossierCode")<{
  readonly input: string
  readonly part: DossierCodePart
  /** 0-based index of the first offending character (the length of the input when it ends too early). */
  readonly index: number
  readonly reason: string
}> {
  override get message(): string {
    return `"${this.input}" is not a dossier code: ${PART_NAMES[this.part]} at character ${this.index + 1}: ${this.reason}`
  }
}

/** Parts that cannot make a dossier code. */
export class InvalidDossierCodeParts extends Data.TaggedError("InvalidDossierCodeParts")<{
  readonly field: "agencyCode" | "date" | "sequence"
  readonly value: string | number
  readonly reason: string
}> {
  override get message(): string {
    return `cannot make a dossier code: ${this.field} ${JSON.stringify(this.value)} ${this.reason}`
  }
}

export interface DossierCodeParts {
  /** QCVN 102 agency code, e.g. `000.17.22.H56`. */
  readonly agencyCode: string
  /** Day of receipt, `YYYY-MM-DD`, 2000-01-01 … 2099-12-31. */
  readonly date: string
  /** Daily sequence, 1 … 9999. */
  readonly sequence: number
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")
const isDigit = (c: string) => c >= "0" && c <= "9"
const isUpper = (c: string) => c >= "A" && c <= "Z"
const CLASS_NAMES = {
  alnum: "a digit or an upper-case letter",
  letter: "an upper-case letter",
  digit: "a digit",
} as const

/**
 * Checks the agency code starting at `from` in `text`; returns the first problem with its index, or undefined.
 * Shared by parsing (offsets within the whole code) and formatting (offset 0).
 */
function agencyCodeProblem(text: string, from: number): { index: number; reason: string } | undefined {
  let i = from
  for (const [g, group] of AGENCY_GROUPS.entries()) {
    if (g > 0) {
      const c = text[i]
      if (c === undefined) return { index: i, reason: "ends too early: expected `.` between groups" }
      if (c !== ".") return { index: i, reason: `expected \`.\` between groups, found \`${c}\`` }
      i++
    }
    for (const cls of group) {
      const c = text[i]
      if (c === undefined) return { index: i, reason: `ends too early: expected ${CLASS_NAMES[cls]}` }
      const fits = cls === "digit" ? isDigit(c) : cls === "letter" ? isUpper(c) : isDigit(c) || isUpper(c)
      if (!fits) {
        const hint = c.toUpperCase() !== c && isUpper(c.toUpperCase()) ? " (letters are upper case)" : ""
        return { index: i, reason: `expected ${CLASS_NAMES[cls]}, found \`${c}\`${hint}` }
      }
      i++
    }
  }
  return undefined
}

/** Whether `text` is a QCVN 102 agency code (shape only: not whether the agency exists). */
export const isAgencyCode = (text: string): boolean => AGENCY_CODE_PATTERN.test(text)

/** A QCVN 102 agency code, e.g. `000.17.22.H56`. */
export const AgencyCode = Schema.String.check(
  Schema.isPattern(AGENCY_CODE_PATTERN, { expected: "a QCVN 102 agency code such as 000.17.22.H56" }),
)

/** Checks a date's day and month and gives the problem at its index (`index` is where `yy` starts). */
function dateProblem(yy: number, mm: number, dd: number, index: number): { index: number; reason: string } | undefined {
  if (mm < 1 || mm > 12) return { index: index + 2, reason: `there is no month ${pad(mm, 2)}` }
  const year = CODE_YEARS.first + yy
  const last = daysInMonth(year, mm)
  if (dd < 1 || dd > last)
    return { index: index + 4, reason: `${year}-${pad(mm, 2)} has no day ${pad(dd, 2)} (it has ${last} days)` }
  return undefined
}

/** Reads `text` as a dossier code, or says what is wrong and where: the first problem from the left. */
export function parseDossierCode(text: string): Result.Result<DossierCodeParts, InvalidDossierCode> {
  const fail = (part: DossierCodePart, index: number, reason: string) =>
    Result.fail(new InvalidDossierCode({ input: text, part, index, reason }))

  const space = text.search(/\s/)
  if (space >= 0) return fail("whitespace", space, "a dossier code has no spaces, tabs or line breaks")

  const agency = agencyCodeProblem(text, 0)
  if (agency !== undefined) return fail("agency-code", agency.index, agency.reason)

  const separator = (at: number, before: string) => {
    const c = text[at]
    if (c === "-") return undefined
    return c === undefined
      ? fail("separator", at, `ends too early: expected \`-\` before the ${before}`)
      : fail("separator", at, `expected \`-\` before the ${before}, found \`${c}\``)
  }
  const digits = (part: "date" | "sequence", from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const c = text[i]
      if (c === undefined) return fail(part, i, `ends too early: expected ${count} digits`)
      if (!isDigit(c)) return fail(part, i, `expected a digit, found \`${c}\``)
    }
    return undefined
  }

  const beforeDate = separator(AGENCY_CODE_LENGTH, "date")
  if (beforeDate !== undefined) return beforeDate
  const dateDigits = digits("date", DATE_AT, 6)
  if (dateDigits !== undefined) return dateDigits
  const [yy, mm, dd] = [0, 2, 4].map((o) => Number(text.slice(DATE_AT + o, DATE_AT + o + 2))) as [
    number,
    number,
    number,
  ]
  const date = dateProblem(yy, mm, dd, DATE_AT)
  if (date !== undefined) return fail("date", date.index, date.reason)

  const beforeSequence = separator(SEQUENCE_AT - 1, "sequence")
  if (beforeSequence !== undefined) return beforeSequence
  const sequenceDigits = digits("sequence", SEQUENCE_AT, 4)
  if (sequenceDigits !== undefined) return sequenceDigits
  const sequence = Number(text.slice(SEQUENCE_AT, SEQUENCE_AT + 4))
  if (sequence === 0) return fail("sequence", SEQUENCE_AT, "the daily sequence starts at 0001")

  if (text.length > DOSSIER_CODE_LENGTH)
    return fail(
      "trailing",
      DOSSIER_CODE_LENGTH,
      `the code ends after the 4-digit sequence, found \`${text.slice(DOSSIER_CODE_LENGTH)}\``,
    )

  return Result.succeed({
    agencyCode: text.slice(0, AGENCY_CODE_LENGTH),
    date: `${CODE_YEARS.first + yy}-${pad(mm, 2)}-${pad(dd, 2)}`,
    sequence,
  })
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Writes the dossier code for the `sequence`-th dossier received by `agencyCode` on `date`. */
export function formatDossierCode(parts: DossierCodeParts): Result.Result<string, InvalidDossierCodeParts> {
  const { agencyCode, date, sequence } = parts
  const agency = agencyCodeProblem(agencyCode, 0)
  if (agency !== undefined || agencyCode.length !== AGENCY_CODE_LENGTH)
    return Result.fail(
      new InvalidDossierCodeParts({
        field: "agencyCode",
        value: agencyCode,
        reason: `is not a QCVN 102 agency code: ${agency === undefined ? "it is longer than 13 characters" : `at character ${agency.index + 1}, ${agency.reason}`}`,
      }),
    )
  const [, y, m, d] = DATE_PATTERN.exec(date) ?? []
  if (y === undefined || m === undefined || d === undefined)
    return Result.fail(new InvalidDossierCodeParts({ field: "date", value: date, reason: "is not written YYYY-MM-DD" }))
  const year = Number(y)
  if (year < CODE_YEARS.first || year > CODE_YEARS.last)
    return Result.fail(
      new InvalidDossierCodeParts({
        field: "date",
        value: date,
        reason: "is outside 2000–2099, the only century a yymmdd code can name",
      }),
    )
  const problem = dateProblem(year - CODE_YEARS.first, Number(m), Number(d), 0)
  if (problem !== undefined)
    return Result.fail(
      new InvalidDossierCodeParts({ field: "date", value: date, reason: `is not a day: ${problem.reason}` }),
    )
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE)
    return Result.fail(
      new InvalidDossierCodeParts({
        field: "sequence",
        value: sequence,
        reason: `must be a whole number from 1 to ${MAX_DAILY_SEQUENCE}: the code has room for 4 digits a day`,
      }),
    )
  return Result.succeed(`${agencyCode}-${y.slice(2)}${m}${d}-${pad(sequence, 4)}`)
}

/** The shape of a dossier code, also published as the pattern of `{code}` parameters in the OpenAPI document. */
export const DOSSIER_CODE_SHAPE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}-\d{6}-\d{4,9}$/u

/** A dossier code as text, checked in full (shape, real date, sequence ≥ 1), for API input and output. */
export const DossierCode = Schema.String.check(
  Schema.isPattern(DOSSIER_CODE_SHAPE, { expected: "a dossier code such as 000.17.22.H56-210531-0001" }),
  Schema.makeFilter(
    (s: string) => {
      // a text of another shape is the pattern's to report, once; this says what is wrong inside the shape
      if (!DOSSIER_CODE_SHAPE.test(s)) return true
      const parsed = parseDossierCode(s)
      return Result.isSuccess(parsed) || parsed.failure.message
    },
    {
      title: "dossier code",
      expected: "a dossier code such as 000.17.22.H56-210531-0001",
      // its shape for JSON Schema (the OpenAPI document); the filter itself also checks the date and the sequence
      toJsonSchema: () => ({ pattern: `${AGENCY_CODE_PATTERN.source.slice(0, -1)}-[0-9]{6}-[0-9]{4}$` }),
    },
  ),
)
export type DossierCode = typeof DossierCode.Type
