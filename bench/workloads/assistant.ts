// The workload of assistant.bench.ts: the citizen assistant answering the questions of its evaluation sets, against
// the catalogue's own substring filter (findProcedures) over the same questions as the floor — the cheapest lookup
// the catalogue offers, with no understanding at all. `assistantWorkload` reads the sets; `smoke` answers each
// question once and checks every answer is one the assistant may give, citing only procedures of the catalogue (the
// smoke test runs it; no timing there).
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { type Answer, decodeEvalQuestions, type EvalQuestion, makeAssistant } from "@motcua/assistant"
import { quangNinhAssistantData } from "@motcua/assistant/testing"
import { findProcedures } from "@motcua/domain"

export const NOW = "2026-12-04T09:00:00+07:00"
const EVAL = join(import.meta.dirname, "../../packages/assistant/eval")

export const EVAL_SETS = [
  { file: "questions.json", label: "evaluation set (tuned on)" },
  { file: "holdout.json", label: "set 1 (written after the first tuning; tuned on since 6 December 2026)" },
  {
    file: "holdout2.json",
    label: "set 2 (written before the retrieval changes of issue 12; tuned on since 6 December 2026)",
  },
  {
    file: "holdout3.json",
    label:
      "set 3 (written before the out-of-catalogue and vocabulary changes; tuned on since round 5, 6 December 2026)",
  },
  {
    file: "holdout4.json",
    label: "set 4 (written apart from the assistant's vocabulary and code; tuned on since round 6)",
  },
  {
    file: "holdout5.json",
    label: "set 5 (written apart from the assistant's vocabulary and code; tuned on since round 7)",
  },
  {
    file: "nearmiss.json",
    label: "near misses (written by the assistant's author to calibrate the out-of-catalogue detector; tuned on)",
  },
  {
    file: "holdout6.json",
    label: "set 6 (written apart from the assistant's vocabulary, code and the other sets; tuned on since round 8)",
  },
  {
    file: "holdout7.json",
    label: "set 7 (written apart from the assistant's vocabulary, code and the other sets; tuned on since round 9)",
  },
  {
    file: "holdout8.json",
    label: "set 8 (written apart from the assistant's vocabulary, code and the other sets; tuned on since round 10)",
  },
  {
    file: "holdout9.json",
    label: "set 9 (written apart from the assistant's vocabulary, code and the other sets; tuned on since round 11)",
  },
  {
    file: "holdout11.json",
    label:
      "set 11 (written apart from the assistant's vocabulary, code and the other sets; measured once in round 11, tuned on since round 12)",
  },
  {
    file: "holdout12.json",
    label:
      "held-out set 12 (written apart from the assistant's vocabulary, code and the other sets; measured once in round 12, then its fee mismatches read; procedure misses never read)",
  },
  {
    file: "holdout13.json",
    label:
      "held-out set 13 (written apart from the assistant's vocabulary, code and the other sets; weighted to fees; measured once in round 12, then its fee mismatches read; procedure misses never read)",
  },
] as const

export function assistantWorkload() {
  const data = quangNinhAssistantData()
  const built = performance.now()
  const assistant = makeAssistant(data)
  const buildMs = performance.now() - built
  const sets = EVAL_SETS.map((s) => ({
    ...s,
    questions: decodeEvalQuestions(JSON.parse(readFileSync(join(EVAL, s.file), "utf8"))) as ReadonlyArray<EvalQuestion>,
  }))
  const questions = sets.flatMap((s) => s.questions.map((q) => q.question))
  let conversation = 0
  const ask = (question: string): Answer => assistant.ask({ question, conversationId: `w-${conversation++}`, now: NOW })
  const floor = (question: string) => findProcedures(data.catalogue, { text: question, inForceOn: "2026-12-04" })
  const smoke = (): number => {
    const codes = new Set(data.catalogue.map((p) => p.code))
    let answered = 0
    for (const q of questions) {
      const a = ask(q)
      if (!["answer", "clarify", "not-found", "invalid"].includes(a.kind)) throw new Error(`${q}: kind ${a.kind}`)
      const unknown = a.citations.filter((c) => !codes.has(c))
      if (unknown.length > 0) throw new Error(`${q}: cites ${unknown.join(", ")}, not in the catalogue`)
      floor(q)
      answered++
    }
    return answered
  }
  return { assistant, buildMs, sets, questions, ask, floor, smoke }
}
