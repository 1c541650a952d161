// Queries over a decoded catalogue. A catalogue holds every published version of each procedure; most questions are
// asked "as of" a date, because a dossier is handled under the version in force on the day it was received.
import { Data, Result } from "effect"
import { DecodeError, decodeAll, type Problem } from "../shared/decode.ts"
import { Catalogue, type Level, type Procedure, type RequiredDocument } from "./schema.ts"

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

/**
 * The validity periods of a catalogue's versions, taken one procedure at a time, for the catalogue-wide rule (no two
 * versions of one code in force on the same day) without holding the procedures: per version 12 bytes (its first
 * and last day, the previous version of its code) and one map entry per code. `add` answers the indices (in the order
 * added) of the earlier versions of the same code whose period overlaps the new one's, oldest first.
 */
export class VersionPeriods {
  #from = new Int32Array(1024)
  #to = new Int32Array(1024)
  #previous = new Int32Array(1024)
  #latest = new Map<string, number>()
  #count = 0

  get count(): number {
    return this.#count
  }

  add(p: Pick<Procedure, "code" | "effectiveFrom" | "effectiveTo">): number[] {
    const i = this.#count
    if (i === this.#from.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2)
        b.set(a)
        return b
      }
      this.#from = grow(this.#from)
      this.#to = grow(this.#to)
      this.#previous = grow(this.#previous)
    }
    const from = dayNumber(p.effectiveFrom)
    const to = p.effectiveTo === undefined ? OPEN_END : dayNumber(p.effectiveTo)
    const overlapping: number[] = []
    const latest = this.#latest.get(p.code)
    for (let j = latest ?? -1; j >= 0; j = this.#previous[j] as number) {
      // two periods overlap unless one ends before the other begins
      if (!((this.#to[j] as number) < from || to < (this.#from[j] as number))) overlapping.push(j)
    }
    this.#from[i] = from
    this.#to[i] = to
    this.#previous[i] = latest ?? -1
    this.#latest.set(p.code, i)
    this.#count = i + 1
    return overlapping.reverse()
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
  return catalogue.flatMap((p, second) =>
    periods.add(p).map((first) => overlappingVersionProblem(p.code, first, second)),
  )
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
