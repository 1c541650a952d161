// The filing body's common shape, recognised with plain checks in front of `FilingBody`'s Schema (dossiers.ts): an
// online or counter filing with its procedure, applicant, residence, documents and attachments. Decoding the body
// through the Schema (every field, every nested struct, excess properties refused) was ~3% of the API server's time
// under the filing load. Anything these checks do not accept — any other field (fee facts, papers, wallet picks, a
// representative, …), a key present with `undefined`, an object that is not plain, a value the Schema would refuse —
// is left to the Schema, which then names every problem or accepts it after all (as `open` does in the domain,
// plain-events.ts, and storage-sql's summary.ts).
//
// Why it is safe: each check is the Schema's own rule (the same patterns, length bounds and literals), so it accepts
// a subset of what the Schema accepts; and what it returns is what the Schema's decoding returns: fresh objects and
// arrays with the Schema's fields only, in the Schema's order, optional fields only when present.
// `filing-body.test.ts` checks both on generated bodies and mutations of them.
import { Applicant } from "@motcua/domain"

const NO: unique symbol = Symbol("not plainly valid")
type Check = (input: unknown) => unknown

const isPlainObject = (input: unknown): input is Record<string, unknown> => {
  if (typeof input !== "object" || input === null) return false
  const proto = Object.getPrototypeOf(input)
  return proto === Object.prototype || proto === null
}

/** `Schema.String` with `isMinLength(min)` and `isMaxLength(max)` (UTF-16 code units, as the Schema counts). */
const text =
  (min: number, max = Number.POSITIVE_INFINITY): Check =>
  (s) =>
    typeof s === "string" && s.length >= min && s.length <= max ? s : NO
const pattern =
  (re: RegExp): Check =>
  (s) =>
    typeof s === "string" && re.test(s) ? s : NO
const oneOf =
  (literals: ReadonlyArray<string>): Check =>
  (s) =>
    typeof s === "string" && literals.includes(s) ? s : NO
const boolean: Check = (b) => (typeof b === "boolean" ? b : NO)

/** `Schema.Array(item)` with `isMaxLength(max)`. */
const array =
  (item: Check, max: number): Check =>
  (input) => {
    if (!Array.isArray(input) || input.length > max) return NO
    const out = new Array<unknown>(input.length)
    for (let i = 0; i < input.length; i += 1) {
      const value = item(input[i])
      if (value === NO) return NO
      out[i] = value
    }
    return out
  }

/**
 * A `Schema.Struct` decoded with excess properties refused: the input's keys must all be fields (another key: the
 * Schema decides), each required one present; the output has the fields in the Schema's order.
 */
const struct = (fields: ReadonlyArray<readonly [key: string, check: Check, optional: boolean]>): Check => {
  const known = new Set(fields.map(([key]) => key))
  return (input) => {
    if (!isPlainObject(input)) return NO
    for (const key in input) if (!known.has(key)) return NO
    const out: Record<string, unknown> = {}
    for (const [key, check, optional] of fields) {
      if (!Object.hasOwn(input, key)) {
        if (optional) continue
        return NO
      }
      const value = check(input[key])
      if (value === NO) return NO
      out[key] = value
    }
    return out
  }
}

// FilingBody's rules (dossiers.ts and the domain's Schemas it uses)
const nonEmpty = text(1) // the domain's NonEmpty
const id = text(1, 200) // Id
const unitCode = pattern(/^\d{5}$/u)

const applicant = struct([
  ["id", nonEmpty, false],
  ["name", nonEmpty, false],
  ["kind", oneOf(Applicant.fields.kind.literals), false],
  ["address", nonEmpty, true],
  ["phone", nonEmpty, true],
  ["email", nonEmpty, true],
])
const documentPresent = struct([
  ["id", nonEmpty, false],
  ["fromEWallet", boolean, true],
  ["digitised", boolean, true],
  ["reused", boolean, true],
])

/** The fields this check knows, in `FilingBody`'s order (the test checks the order against the Schema's). */
export const PLAIN_FILING_FIELDS = [
  "procedureCode",
  "variantId",
  "applicant",
  "residence",
  "subjectUnitCode",
  "summary",
  "documents",
  "attachmentIds",
  "intakePointId",
] as const

const filing = struct([
  ["procedureCode", pattern(/^\d\.\d{6}$/u), false], // ProcedureCode
  ["variantId", id, true],
  ["applicant", applicant, false],
  [
    "residence",
    struct([
      ["provinceCode", pattern(/^\d{2}$/u), false],
      ["unitCode", unitCode, true],
    ]),
    false,
  ],
  ["subjectUnitCode", unitCode, true],
  ["summary", text(1, 2000), true], // Text
  ["documents", array(documentPresent, 100), false],
  ["attachmentIds", array(id, 100), true], // Ids
  ["intakePointId", id, true],
])

/** The body as `FilingBody` would decode it, when the plain checks accept it; otherwise undefined (ask the Schema). */
export function plainFilingBody(input: unknown): unknown {
  const out = filing(input)
  return out === NO ? undefined : out
}
