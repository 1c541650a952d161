// The plain checks in front of the events' Schemas (plain-events.ts): whatever they accept, the Schema accepts too and
// decodes to the same value (same fields, same order: the JSON text is compared), on generated events built from the
// Schemas' own field lists — each field a valid value most of the time, else a value near or past one of its rules —
// and on hand-picked broken events. And they do accept the ordinary valid events, so the Schema is skipped for them.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeAll } from "../shared/decode.ts"
import * as Events from "./events.ts"
import { plainlyValidEvent, plainlyValidFiling } from "./plain-events.ts"

const bySchema = (schema: Events.DossierEvent extends never ? never : typeof Events.FileDossier | AnyEventSchema) => {
  return (input: unknown): unknown => {
    const decoded = decodeAll(schema, input, "event")
    return decoded._tag === "Success" ? decoded.success : undefined
  }
}
type AnyEventSchema = (typeof Events.DossierEvent.members)[number]

// Values of the wrong type or just past a rule: one of them replaces one field (at any depth) of a valid event.
const badValue = fc.oneof(
  fc.constantFrom(null, undefined, "", "x", 0, 1, -1, 1.5, Number.NaN, 2 ** 53, true, false, [], {}, [""], { id: "" }),
  fc.constantFrom(
    "2025-10-06T08:00:00+07:00",
    "2025-02-30T08:00:00Z",
    "1899-12-31T23:00:00Z",
    "2025-10-06T24:00:00Z",
    "2025-10-06T08:00:00+19:00",
    "2025-10-06 08:00:00Z",
    "000.22.06.H49-251006-0000",
    "a".repeat(64),
  ),
)
/** A struct of valid values: optional fields sometimes left out, sometimes a field the Schema does not name. */
const record = (fields: Record<string, fc.Arbitrary<unknown>>, optional: ReadonlyArray<string> = []) => {
  const model: Record<string, fc.Arbitrary<unknown>> = { ...fields, extra: fc.string() }
  return fc
    .record(model, { requiredKeys: Object.keys(fields).filter((k) => !optional.includes(k)) })
    .map((r) => r as Record<string, unknown>)
}
const list = (item: fc.Arbitrary<unknown>, minLength = 0) => fc.array(item, { minLength, maxLength: 3 })

type Path = ReadonlyArray<string | number>
const pathsOf = (value: unknown, at: Path = []): Path[] =>
  Array.isArray(value)
    ? [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))]
    : typeof value === "object" && value !== null
      ? [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))]
      : [at]
const DELETE = Symbol("delete")
/** A copy of generated data (arrays, plain objects, primitives); the domain's sources have no DOM or Node types. */
const deepCopy = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(deepCopy)
    : typeof value === "object" && value !== null
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)]))
      : value
/** `value` with the field at `path` replaced by `bad` (or removed). */
const withField = (value: unknown, path: Path, bad: unknown): unknown => {
  if (path.length === 0) return bad === DELETE ? undefined : bad
  const copy = deepCopy(value) as Record<string | number, unknown>
  let at = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  if (bad === DELETE) delete at[last]
  else at[last] = bad
  return copy
}
/** Valid values, and valid values with one field broken (or removed). */
const validOrBroken = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof(
    valid,
    valid.chain((v) =>
      fc
        .tuple(fc.constantFrom(...pathsOf(v)), fc.oneof(badValue, fc.constant(DELETE)))
        .map(([path, bad]) => withField(v, path, bad)),
    ),
  )

const text = fc.string({ minLength: 1, maxLength: 8 })
const instant = fc
  .integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 })
  .chain((ms) =>
    fc
      .constantFrom("Z", "+07:00", "-05:30")
      .map((offset) => new Date(ms).toISOString().replace("Z", offset === "Z" ? "Z" : offset)),
  )
const actor = record({
  id: text,
  role: fc.constantFrom(...Events.Role.literals),
  agencyCodes: list(text),
  unitCodes: list(text),
  intakePointIds: list(text),
})
const documentPresent = record({ id: text, fromEWallet: fc.boolean(), digitised: fc.boolean(), reused: fc.boolean() }, [
  "fromEWallet",
  "digitised",
  "reused",
])
const sha256 = fc.stringMatching(/^[0-9a-f]{64}$/)
const dossierCode = fc
  .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 9999 }))
  .map(([d, n]) => `000.22.06.H49-2510${String(d).padStart(2, "0")}-${String(n).padStart(4, "0")}`)

/** A valid value for each field name the events' Schemas use. */
const generatorOf: Record<string, fc.Arbitrary<unknown>> = {
  actor,
  at: instant,
  documents: list(documentPresent),
  reasons: list(text, 1),
  missing: list(record({ documentId: text, description: text }, ["documentId"]), 1),
  applicantDeadline: instant,
  items: list(record({ name: text, amount: fc.integer({ min: 1, max: 10_000_000 }) }), 1),
  paymentId: text,
  amount: fc.integer({ min: 1, max: 10_000_000 }),
  note: text,
  assigneeId: text,
  agencyCode: text,
  signatureId: text,
  document: record({ documentId: text, sha256, verificationId: text, certificateSerial: text }, ["certificateSerial"]),
  resultDocumentIds: list(text),
  method: fc.constantFrom(...Events.ReturnMethod.literals),
  reason: text,
  newAppointment: instant,
  changes: list(record({ field: text, from: fc.string(), to: fc.string() }, ["from"]), 1),
  // filing
  dossierCode,
  channel: fc.constantFrom(...Events.FileDossier.fields.channel.literals),
  intakePointId: text,
  unitCode: text,
  applicant: record(
    {
      id: text,
      name: text,
      kind: fc.constantFrom(...Events.Applicant.fields.kind.literals),
      address: text,
      phone: text,
      email: text,
    },
    ["address", "phone", "email"],
  ),
  representative: record({ id: text, name: text, relationship: text }, ["name"]),
  summary: text,
  fees: list(record({ feeId: text, amount: fc.integer({ min: 0, max: 10_000_000 }) })),
  exemptions: list(record({ category: text, documentId: text, confirmedBy: text }, ["documentId", "confirmedBy"])),
  simulated: fc.constant(true),
  portal: record({ dossierId: text, applicantId: text, vneidVerified: fc.boolean() }, ["applicantId"]),
  applicantVerification: record(
    {
      source: fc.constant("population-db"),
      at: instant,
      by: text,
      consent: fc.constantFrom(...Events.ApplicantVerification.fields.consent.literals),
      reference: text,
    },
    ["reference"],
  ),
}

/** Candidate inputs for a Schema.Struct, from its own fields (a field this test has no generator for fails it). */
const candidatesOf = (schema: { readonly fields: Record<string, unknown> }, type: string) => {
  const fields: Record<string, fc.Arbitrary<unknown>> = {}
  const optional: string[] = []
  for (const [name, field] of Object.entries(schema.fields)) {
    if (name === "type") continue
    const arbitrary = generatorOf[name]
    if (arbitrary === undefined) throw new Error(`no generator for the field ${name} of ${type}`)
    fields[name] = arbitrary
    if ((field as { ast: { context?: { isOptional?: boolean } } }).ast.context?.isOptional === true) optional.push(name)
  }
  return validOrBroken(record(fields, optional).map((r) => ({ type, ...r })))
}

/** Whatever the plain check accepts, the Schema accepts and decodes to the same JSON. */
const agrees = (plain: unknown, schema: unknown) => {
  if (plain === undefined) return
  expect(schema).not.toBeUndefined()
  expect(JSON.stringify(plain)).toBe(JSON.stringify(schema))
}

const schemaOf = Object.fromEntries(
  Events.DossierEvent.members.map((m) => [m.fields.type.literal, m] as const),
) as Record<Events.DossierEventType, AnyEventSchema>

describe("plainlyValidEvent / plainlyValidFiling (the plain checks before the Schema)", () => {
  it.each(Events.dossierEventTypes)("%s: accepts only what the Schema accepts, and gives the same value", (type) => {
    const schema = schemaOf[type]
    const decode = bySchema(schema)
    let plainlyAccepted = 0
    fc.assert(
      fc.property(candidatesOf(schema, type), (input) => {
        const plain = plainlyValidEvent(input)
        if (plain !== undefined) plainlyAccepted += 1
        agrees(plain, decode(input))
      }),
      { numRuns: 2000 },
    )
    // half the events generated are valid: the plain check must take many of them, or it skips nothing
    expect(plainlyAccepted).toBeGreaterThan(300)
  })

  it("filing: accepts only what the Schema accepts, and gives the same value", () => {
    const decode = bySchema(Events.FileDossier)
    let plainlyAccepted = 0
    fc.assert(
      fc.property(candidatesOf(Events.FileDossier, "file"), (input) => {
        const plain = plainlyValidFiling(input)
        if (plain !== undefined) plainlyAccepted += 1
        agrees(plain, decode(input))
      }),
      { numRuns: 4000 },
    )
    expect(plainlyAccepted).toBeGreaterThan(300)
  })

  const actorOk = { id: "cb-tn-01", role: "counter-officer", agencyCodes: [], unitCodes: ["06685"], intakePointIds: [] }
  const at = "2025-10-06T08:00:00+07:00"

  it("takes the ordinary events, without their extra fields, as the Schema decodes them", () => {
    const inputs = [
      { type: "accept", actor: actorOk, at, extra: 1 },
      { type: "completeStep", actor: actorOk, at, assigneeId: "cv-01" },
      { type: "paymentConfirmed", actor: actorOk, at, paymentId: "cash-1", amount: 10_000 },
      { type: "returnResult", actor: actorOk, at, method: "counter" },
    ]
    for (const input of inputs) {
      const plain = plainlyValidEvent(input)
      expect(plain).not.toBeUndefined()
      agrees(plain, bySchema(schemaOf[input.type as Events.DossierEventType])(input))
    }
  })

  it("leaves every broken rule to the Schema", () => {
    const broken: ReadonlyArray<Record<string, unknown>> = [
      { type: "accept", actor: actorOk, at: "2025-02-29T08:00:00+07:00" },
      { type: "accept", actor: actorOk, at: "2025-10-06T08:00:00" },
      { type: "accept", actor: { ...actorOk, role: "mayor" }, at },
      { type: "accept", actor: { ...actorOk, id: "" }, at },
      { type: "accept", actor: actorOk, at, documents: [{ id: "cccd", digitised: "yes" }] },
      { type: "completeStep", actor: actorOk, at, note: "" },
      { type: "completeStep", actor: actorOk, at, note: undefined },
      { type: "paymentConfirmed", actor: actorOk, at, paymentId: "p", amount: 0 },
      { type: "paymentConfirmed", actor: actorOk, at, paymentId: "p", amount: 1.5 },
      { type: "refuse", actor: actorOk, at, reasons: [] },
      {
        type: "sign",
        actor: actorOk,
        at,
        signatureId: "s",
        document: { documentId: "d", sha256: "AB", verificationId: "v" },
      },
      { type: "returnResult", actor: actorOk, at, method: "pigeon" },
      { type: "file", actor: actorOk, at },
      { type: "nothing", actor: actorOk, at },
      Object.assign(Object.create({ inherited: true }), { type: "accept", actor: actorOk, at }),
    ]
    for (const input of broken) expect(plainlyValidEvent(input)).toBeUndefined()
    expect(plainlyValidFiling({ type: "file", actor: actorOk, at })).toBeUndefined()
  })
})
