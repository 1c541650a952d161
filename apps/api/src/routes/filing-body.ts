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
import {
  PLAIN_APPLICANT_FIELDS,
  PLAIN_DOCUMENT_PRESENT_FIELDS,
  PlainCheck,
  PROCEDURE_CODE_PATTERN,
} from "@motcua/domain"

const { array, NO, optional, pattern, required, text } = PlainCheck
/** `FilingBody` is decoded with excess properties refused: a body with another key is left to the Schema. */
const struct = (fields: Parameters<typeof PlainCheck.struct>[0]) => PlainCheck.struct(fields, { excess: "refuse" })

// FilingBody's rules (dossiers.ts and the domain's Schemas it uses)
const id = text(1, 200) // Id
const unitCode = pattern(/^\d{5}$/u)

// the applicant and its documents as the domain's Schemas (and its events' plain checks) have them
const applicant = struct(PLAIN_APPLICANT_FIELDS)
const documentPresent = struct(PLAIN_DOCUMENT_PRESENT_FIELDS)

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

const filing = struct({
  procedureCode: required(pattern(PROCEDURE_CODE_PATTERN)),
  variantId: optional(id),
  applicant: required(applicant),
  residence: required(struct({ provinceCode: required(pattern(/^\d{2}$/u)), unitCode: optional(unitCode) })),
  subjectUnitCode: optional(unitCode),
  summary: optional(text(1, 2000)), // Text
  documents: required(array(documentPresent, { max: 100 })),
  attachmentIds: optional(array(id, { max: 100 })), // Ids
  intakePointId: optional(id),
})

/** The body as `FilingBody` would decode it, when the plain checks accept it; otherwise undefined (ask the Schema). */
export function plainFilingBody(input: unknown): unknown {
  const out = filing(input)
  return out === NO ? undefined : out
}
