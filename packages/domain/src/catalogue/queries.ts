// Queries over a decoded catalogue. A catalogue holds every published version of each procedure; most questions are
// asked "as of" a date, because a dossier is handled under the version in force on the day it was received.
import { Data, Result } from "effect"
import { DecodeError, decodeAll, type Problem } from "../shared/decode.ts"
import { Catalogue, type Level, PROCEDURE_CODE_PATTERN, type Procedure, type RequiredDocument } from "./schema.ts"

export class ProcedureNotFound extends Data.TaggedError("ProcedureNotFound")<{
  readonly code: string
  readonly on?: string
}> {
  override get message(): string {
    return this.on === undefined
      ? `no procedure with code ${this.code} in the catalogue`
      : `no version of procedure ${this.code} is in force on ${this.on}`
  }
}

/** Whether this version is in force on `date` (`YYYY-MM-DD`; both ends of the range included). */
export const isInForce = (p: Procedure, date: string): boolean =>
  p.effectiveFrom <= date && (p.effectiveTo === undefined || date <= p.effectiveTo)

/** A day as a number (`YYYY-MM-DD` → YYYYMMDD), ordered as the text; open-ended is after every day. */
const dayNumber = (date: string) =>
  Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10))
const OPEN_END = 99_999_999

/** A code written as the schema has it (`d.dddddd`, PROCEDURE_CODE_PATTERN) is its own number below 10⁷. */
const NUMBERED_CODES = 10_000_000
/** Versions are packed as code id × 2²³ + index into one float: exact below 2⁵³ (ids below 2³⁰). */
const INDEX_SPAN = 2 ** 23

/** Two versions of one code in force on a common day: indices in the order added. */
export interface OverlappingVersions {
  readonly code: string
  readonly first: number
  readonly second: number
}

/**
 * The validity periods of a catalogue's versions, taken one procedure at a time, for the catalogue-wide rule (no two
 * versions of one code in force on the same day) without holding the procedures: 16 bytes a version (its code and
 * index packed in one number, its first and last day), the code's text not kept — a code written as the schema has
 * it is its own number (a map names any other) — so that checking a catalogue of a million versions takes ~16 MB, not
 * the ~53 MB a map from each code's text took (docs/performance.md, "Memory"). `overlaps` answers the pairs.
 */
export class VersionPeriods {
  #keys = new Float64Array(1024)
  #from = new Int32Array(1024)
  #to = new Int32Array(1024)
  #count = 0
  /** Codes not written as the schema has them, numbered from NUMBERED_CODES on. */
  #otherIds = new Map<string, number>()
  #otherCodes: string[] = []

  get count(): number {
    return this.#count
  }

  add(p: Pick<Procedure, "code" | "effectiveFrom" | "effectiveTo">): void {
    const i = this.#count
    if (i >= INDEX_SPAN)
      throw new RangeError(
        `danh mục quá ${INDEX_SPAN} phiên bản thủ tục, không kiểm tra được (a catalogue of more than ${INDEX_SPAN} versions is not checked)`,
      )
    if (i === this.#from.length) {
      const grow = <A extends Float64Array | Int32Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2)
        b.set(a)
        return b
      }
      this.#keys = grow(this.#keys)
      this.#from = grow(this.#from)
      this.#to = grow(this.#to)
    }
    this.#keys[i] = this.#idOf(p.code) * INDEX_SPAN + i
    this.#from[i] = dayNumber(p.effectiveFrom)
    this.#to[i] = p.effectiveTo === undefined ? OPEN_END : dayNumber(p.effectiveTo)
    this.#count = i + 1
  }

  /** Every pair of versions of one code whose periods overlap, by the later version, then the earlier. */
  overlaps(): OverlappingVersions[] {
    // sorted, the packed numbers group each code's versions in the order added (the order of the keys does not
    // matter to `add`: each holds its index)
    const keys = this.#keys.subarray(0, this.#count).sort()
    const found: OverlappingVersions[] = []
    for (let start = 0; start < keys.length; ) {
      const id = Math.floor((keys[start] as number) / INDEX_SPAN)
      let end = start + 1
      while (end < keys.length && Math.floor((keys[end] as number) / INDEX_SPAN) === id) end++
      for (let b = start + 1; b < end; b++) {
        const second = (keys[b] as number) % INDEX_SPAN
        for (let a = start; a < b; a++) {
          const first = (keys[a] as number) % INDEX_SPAN
          // two periods overlap unless one ends before the other begins
          const apart =
            (this.#to[first] as number) < (this.#from[second] as number) ||
            (this.#to[second] as number) < (this.#from[first] as number)
          if (!apart) found.push({ code: this.#codeOf(id), first, second })
        }
      }
      start = end
    }
    return found.sort((x, y) => x.second - y.second || x.first - y.first)
  }

  #idOf(code: string): number {
    if (PROCEDURE_CODE_PATTERN.test(code)) return Number(code[0]) * 1_000_000 + Number(code.slice(2))
    let id = this.#otherIds.get(code)
    if (id === undefined) {
      id = NUMBERED_CODES + this.#otherCodes.length
      this.#otherIds.set(code, id)
      this.#otherCodes.push(code)
    }
    return id
  }

  #codeOf(id: number): string {
    if (id >= NUMBERED_CODES) return this.#otherCodes[id - NUMBERED_CODES] as string
    return `${Math.floor(id / 1_000_000)}.${String(id % 1_000_000).padStart(6, "0")}`
  }
}

/** The catalogue-wide rule's problem: version `second` of `code` is in force on days when version `first` is too. */
export const overlappingVersionProblem = (code: string, first: number, second: number): Problem => ({
  path: `procedures[${second}].effectiveFrom`,
  message: `this version of ${code} is in force on days when procedures[${first}] is too`,
})

/**
 * Decodes a catalogue from untrusted JSON. Every invalid entry is reported with its path
 * (`procedures[12].process[3].allowance.amount: …`), and so are two versions of one code in force on the same day.
 */
export function decodeCatalogue(input: unknown, what = "catalogue"): Result.Result<Catalogue, DecodeError> {
  const decoded = decodeAll(Catalogue, input, what, "procedures")
  if (Result.isFailure(decoded)) return decoded
  const problems = catalogueWideProblems(decoded.success)
  return problems.length === 0 ? decoded : Result.fail(new DecodeError({ what, problems }))
}

/**
 * The catalogue-wide rules, on procedures decoded already (decodeCatalogue's, for a catalogue decoded in parts: the
 * loader decodes file by file, then checks the whole once, without decoding it again): no two versions of one code
 * in force on the same day.
 */
export function catalogueWideProblems(catalogue: Catalogue): Problem[] {
  const periods = new VersionPeriods()
  for (const p of catalogue) periods.add(p)
  return periods.overlaps().map(({ code, first, second }) => overlappingVersionProblem(code, first, second))
}

/** The version of `code` in force on `date`. */
export function procedureInForce(
  catalogue: Catalogue,
  code: string,
  date: string,
): Result.Result<Procedure, ProcedureNotFound> {
  const versions = catalogue.filter((p) => p.code === code)
  if (versions.length === 0) return Result.fail(new ProcedureNotFound({ code }))
  const current = versions.find((p) => isInForce(p, date))
  return current === undefined ? Result.fail(new ProcedureNotFound({ code, on: date })) : Result.succeed(current)
}

/** Every version of `code`, oldest first. */
export const versionsOf = (catalogue: Catalogue, code: string): Procedure[] =>
  catalogue.filter((p) => p.code === code).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))

/** Criteria for `findProcedures`; every given criterion must hold. */
export interface ProcedureQuery {
  /** Only versions in force on this date (`YYYY-MM-DD`). */
  readonly inForceOn?: string
  readonly field?: string
  readonly level?: Level
  /** Agency code (province level) or agency kind (e.g. `commune-people-committee`). */
  readonly authority?: string
  /** Words to find in the Vietnamese or English name or the code, ignoring case and diacritics. */
  readonly text?: string
}

/** Vietnamese text without its diacritics (đ → d, Đ → D), case kept: for SMS and other 7-bit channels. */
export const withoutDiacritics = (s: string): string =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC")

/** Folds Vietnamese text for search: lower case, no diacritics, đ → d. */
export const foldText = (s: string): string => withoutDiacritics(s).toLowerCase()

export function findProcedures(catalogue: Catalogue, query: ProcedureQuery): Procedure[] {
  const words =
    query.text === undefined
      ? []
      : foldText(query.text)
          .split(/\s+/)
          .filter((w) => w !== "")
  return catalogue.filter((p) => {
    if (query.inForceOn !== undefined && !isInForce(p, query.inForceOn)) return false
    if (query.field !== undefined && p.field.code !== query.field) return false
    if (query.level !== undefined && !p.levels.includes(query.level)) return false
    if (
      query.authority !== undefined &&
      p.authority.agencyCode !== query.authority &&
      p.authority.agencyKind !== query.authority
    )
      return false
    if (words.length > 0) {
      const haystack = foldText(`${p.code} ${p.name} ${p.nameEn ?? ""}`)
      if (!words.every((w) => haystack.includes(w))) return false
    }
    return true
  })
}

/**
 * The procedure as it applies to one variant: the variant's time, documents, fees and process replace the base ones
 * where it has them. Without a variant id, the base procedure.
 */
export function applyVariant(procedure: Procedure, variantId?: string): Result.Result<Procedure, ProcedureNotFound> {
  if (variantId === undefined) return Result.succeed(procedure)
  const v = procedure.variants.find((x) => x.id === variantId)
  if (v === undefined) return Result.fail(new ProcedureNotFound({ code: `${procedure.code}#${variantId}` }))
  return Result.succeed({
    ...procedure,
    statutoryTime: v.statutoryTime ?? procedure.statutoryTime,
    provincialTime: v.provincialTime ?? procedure.provincialTime,
    documents: v.documents ?? procedure.documents,
    fees: v.fees ?? procedure.fees,
    process: v.process ?? procedure.process,
  })
}

/**
 * The mandatory documents of a procedure (as it applies to the variant) that the applicant must submit: those with
 * originals or copies to hand in. A document asked for 0 originals and 0 copies is only shown at the counter (xuất
 * trình: the identity paper checked and handed back), so it is not missing from an online filing.
 */
export function documentsToSubmit(procedure: Procedure): ReadonlyArray<RequiredDocument> {
  return procedure.documents.filter((d) => d.mandatory && d.originals + d.copies > 0)
}

/** The documents to submit (see `documentsToSubmit`) that `present` lacks, in the catalogue's order. */
export function missingDocumentsToSubmit(
  procedure: Procedure,
  present: ReadonlyArray<{ readonly id: string }>,
): ReadonlyArray<RequiredDocument> {
  const have = new Set(present.map((d) => d.id))
  return documentsToSubmit(procedure).filter((d) => !have.has(d.id))
}
