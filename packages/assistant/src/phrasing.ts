// The optional language model (docs/assistant.md): a port that rephrases an answer's facts in friendlier words, and
// the check that keeps it to them. The model never decides: retrieval has already found the procedure, and the facts
// (documents, fees, time, place) come from the catalogue. Its text is used only if it keeps every fact exactly: it
// names the procedure code, every document by its catalogue name, and every amount of money it writes is one the
// quote holds, with both totals written; otherwise — or if the model fails or is slow — the plain answer stands.
import { formatDong } from "@motcua/domain"
import type { Answer, ProcedureAnswer } from "./answer.ts"

export interface PhrasingRequest {
  /** The citizen's question, untrusted: a model must treat it as data, never as instructions. */
  readonly question: string
  readonly facts: ProcedureAnswer
  /** The plain answer, which the model rewrites. */
  readonly plainText: string
}

/** A language model behind any API: given the facts, answers a text in Vietnamese. Rejects on any failure. */
export interface Phraser {
  readonly phrase: (request: PhrasingRequest, signal: AbortSignal) => Promise<string>
}

/** Why a model's text was not used, or undefined when it keeps every fact. */
export function factProblems(text: string, facts: ProcedureAnswer): string | undefined {
  if (!text.includes(facts.code)) return `the procedure code ${facts.code} is missing`
  for (const d of facts.documents) if (!text.includes(d.name)) return `the document "${d.name}" is missing`
  const quotes = [facts.fees.counter, facts.fees.online].filter((q) => q !== undefined)
  const allowed = new Set<number>([0, facts.fees.onlineSaving])
  for (const q of quotes) {
    allowed.add(q.total)
    // The amount without the exemptions applied, which the plain answer names ("không thuộc diện này thì …").
    allowed.add(q.lines.reduce((sum, l) => sum + l.gross, 0))
    for (const line of q.lines) {
      allowed.add(line.amount)
      allowed.add(line.gross)
      if (line.unitAmount !== undefined) allowed.add(line.unitAmount)
    }
  }
  for (const q of quotes)
    if (q.total > 0 && !text.includes(formatDong(q.total).replace(" đồng", "")))
      return `the total ${formatDong(q.total)} is missing`
  // Every amount of money written ("15.000 đồng", "15000đ", "15,000 VND") must be one of the quote's.
  for (const m of text.matchAll(/(\d[\d.,\s]*\d|\d)\s*(đồng|đ\b|vnd|VND|VNĐ)/gu)) {
    const amount = Number((m[1] ?? "").replace(/[.,\s]/gu, ""))
    if (!allowed.has(amount)) return `the amount ${m[0]} is not in the quote`
  }
  return undefined
}

export interface PhrasingOptions {
  /** Give up on the model after this long and keep the plain answer (default 8 s). */
  readonly timeoutMs?: number
}

/**
 * The answer with its text rephrased by the model when the model keeps every fact; otherwise the plain answer with
 * a notice saying the model's text was not used. Only found procedures are rephrased: a "không tìm thấy" or a
 * follow-up question stays as the assistant wrote it.
 */
export async function phraseChecked(
  answer: Answer,
  question: string,
  phraser: Phraser,
  options: PhrasingOptions = {},
): Promise<Answer> {
  if (answer.kind !== "answer" || answer.procedure === undefined) return answer
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8_000)
  try {
    const text = await phraser.phrase({ question, facts: answer.procedure, plainText: answer.text }, controller.signal)
    const problem = factProblems(text, answer.procedure)
    if (problem !== undefined) return { ...answer, notices: [...answer.notices, `model text not used: ${problem}`] }
    return { ...answer, text, phrasedBy: "model" }
  } catch {
    return { ...answer, notices: [...answer.notices, "model text not used: the model did not answer"] }
  } finally {
    clearTimeout(timer)
  }
}
