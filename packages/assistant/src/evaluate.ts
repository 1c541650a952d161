// The evaluation (eval/questions.json, docs/assistant.md): each question is asked in a new conversation; when the
// assistant asks back (two procedures fit, or which case), the citizen's reply is the expected option, as a person
// would answer. Scored: the expected procedure first (top-1) or among the first three (top-3), the variant, and —
// when the procedure is right — whether the fee total, the document list and the authority are exactly the
// catalogue's. Questions the catalogue cannot answer must get "không tìm thấy".
import { applyVariant, type Procedure } from "@motcua/domain"
import { Result, Schema } from "effect"
import type { Answer } from "./answer.ts"
import { type Assistant, CONVERSATION_ID } from "./assistant.ts"

export const EvalQuestion = Schema.Union([
  Schema.Struct({
    question: Schema.String,
    code: Schema.String,
    variant: Schema.optionalKey(Schema.String),
    unit: Schema.optionalKey(Schema.String),
    authority: Schema.String,
    fee: Schema.Struct({ channel: Schema.Literals(["counter", "online"]), total: Schema.Number }),
    tags: Schema.Array(Schema.String),
  }),
  Schema.Struct({ question: Schema.String, expected: Schema.Literal("not-found"), tags: Schema.Array(Schema.String) }),
])
export type EvalQuestion = typeof EvalQuestion.Type

export interface EvalResult {
  readonly question: string
  readonly tags: ReadonlyArray<string>
  readonly expected: string
  readonly ranked: ReadonlyArray<string>
  readonly top1: boolean
  readonly top3: boolean
  /** Only for questions the catalogue answers and whose procedure came out right. */
  readonly variantRight?: boolean
  readonly feeExact?: boolean
  readonly documentsExact?: boolean
  readonly authorityRight?: boolean
  readonly got?: { readonly code?: string; readonly variant?: string; readonly fee?: number; readonly kind: string }
}

export interface EvalSummary {
  readonly questions: number
  readonly answerable: number
  readonly top1: number
  readonly top3: number
  readonly variant: number
  readonly feeExact: number
  readonly documentsExact: number
  readonly authority: number
  /** Share of the unanswerable questions that got "không tìm thấy". */
  readonly notFoundRight: number
  readonly failures: ReadonlyArray<EvalResult>
}

const rankedCodes = (a: Answer): string[] => {
  if (a.kind === "answer" && a.procedure !== undefined)
    return [a.procedure.code, ...a.candidates.map((c) => c.code).filter((c) => c !== a.procedure?.code)]
  if (a.kind === "clarify") return (a.followUp?.options ?? []).map((o) => o.code)
  return []
}

export function evaluateOne(assistant: Assistant, q: EvalQuestion, now: string, id: string): EvalResult {
  // With an id the assistant does not keep, the reply to a follow-up would start a new conversation and be
  // measured as a question of its own.
  if (!CONVERSATION_ID.test(id))
    throw new Error(`evaluateOne: conversation id "${id}" must be 1–64 letters, digits, "-" or "_"`)
  let answer = assistant.ask({ question: q.question, conversationId: id, now })
  const ranked = rankedCodes(answer)
  if ("expected" in q) {
    const right = answer.kind === "not-found"
    return {
      question: q.question,
      tags: q.tags,
      expected: "not-found",
      ranked,
      top1: right,
      top3: right,
      got: { kind: answer.kind },
    }
  }
  const top1 = ranked[0] === q.code
  const top3 = ranked.slice(0, 3).includes(q.code)
  // The citizen answers the follow-up: the procedure they meant, then their case.
  if (answer.kind === "clarify") {
    const option = answer.followUp?.options.find((o) => o.code === q.code)
    if (option !== undefined) answer = assistant.ask({ question: option.id, conversationId: id, now })
  }
  const got = answer.procedure
  if (got !== undefined && got.code === q.code && (got.variant?.id ?? undefined) !== q.variant && answer.followUp) {
    const option = answer.followUp.options.find((o) => o.code === q.code && o.variantId === q.variant)
    if (option !== undefined) answer = assistant.ask({ question: option.id, conversationId: id, now })
  }
  const final = answer.procedure
  const base = { question: q.question, tags: q.tags, expected: q.code, ranked, top1, top3 }
  const gotSummary = {
    kind: answer.kind,
    ...(final?.code === undefined ? {} : { code: final.code }),
    ...(final?.variant === undefined ? {} : { variant: final.variant.id }),
    ...(final === undefined
      ? {}
      : { fee: (q.fee.channel === "counter" ? final.fees.counter : final.fees.online)?.total ?? -1 }),
  }
  if (final === undefined || final.code !== q.code) return { ...base, got: gotSummary }
  const procedure = assistant.procedure(q.code) as Procedure
  const expectedDocuments = Result.getOrThrow(applyVariant(procedure, q.variant)).documents
  const quote = q.fee.channel === "counter" ? final.fees.counter : final.fees.online
  const authorityRight =
    q.unit !== undefined
      ? final.place.unit?.code === q.unit &&
        (procedure.authority.agencyCode === undefined || final.place.authority.code === procedure.authority.agencyCode)
      : procedure.authority.agencyCode !== undefined
        ? final.place.authority.code === q.authority
        : final.place.authority.title === procedure.authority.title
  return {
    ...base,
    variantRight: (final.variant?.id ?? undefined) === q.variant,
    feeExact: quote?.total === q.fee.total,
    documentsExact: JSON.stringify(final.documents) === JSON.stringify(expectedDocuments),
    authorityRight,
    got: gotSummary,
  }
}

export function summarise(results: ReadonlyArray<EvalResult>): EvalSummary {
  const answerable = results.filter((r) => r.expected !== "not-found")
  const unanswerable = results.filter((r) => r.expected === "not-found")
  const right = answerable.filter((r) => r.feeExact !== undefined)
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of)
  return {
    questions: results.length,
    answerable: answerable.length,
    top1: share(answerable.filter((r) => r.top1).length, answerable.length),
    top3: share(answerable.filter((r) => r.top3).length, answerable.length),
    variant: share(right.filter((r) => r.variantRight).length, right.length),
    feeExact: share(right.filter((r) => r.feeExact).length, right.length),
    documentsExact: share(right.filter((r) => r.documentsExact).length, right.length),
    authority: share(right.filter((r) => r.authorityRight).length, right.length),
    notFoundRight: share(unanswerable.filter((r) => r.top1).length, unanswerable.length),
    failures: results.filter(
      (r) =>
        !r.top1 ||
        r.variantRight === false ||
        r.feeExact === false ||
        r.documentsExact === false ||
        r.authorityRight === false,
    ),
  }
}

/**
 * Asks every question in its own conversation, named `prefix-i`: give each set its own prefix when one assistant
 * answers several, or a question would be read as the reply to another set's follow-up.
 */
export function evaluate(
  assistant: Assistant,
  questions: ReadonlyArray<EvalQuestion>,
  now: string,
  prefix = "eval",
): EvalSummary {
  return summarise(questions.map((q, i) => evaluateOne(assistant, q, now, `${prefix}-${i}`)))
}

/** Decodes an evaluation file (throws with the path of the first bad entry). */
export const decodeEvalQuestions = (json: unknown): ReadonlyArray<EvalQuestion> =>
  Schema.decodeUnknownSync(Schema.Array(EvalQuestion))(json)
