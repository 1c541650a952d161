// Benchmark: the citizen assistant over the evaluation set (packages/assistant/eval/questions.json), without a
// language model. Prints the accuracy the issue sets bars for (top-1, top-3 procedure; variant; fee, document and
// authority exactness when the procedure is right; "không tìm thấy" for unanswerable questions), then answers per
// second and the p50/p95 time of one answer. Timing is noisy on a shared machine: it is printed, with the time of
// the catalogue's own substring search (findProcedures) over the same questions as the floor measured in this
// run, and the ratio; only accuracy is asserted, in the test suite (packages/assistant/src/assistant.test.ts).
// Run: pnpm bench:assistant
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { decodeEvalQuestions, evaluateOne, makeAssistant, summarise } from "../packages/assistant/src/index.ts"
import { quangNinhAssistantData } from "../packages/assistant/src/quangninh.test-support.ts"
import { findProcedures } from "../packages/domain/src/index.ts"

const ROUNDS = 5
const now = "2026-12-04T09:00:00+07:00"
const questions = decodeEvalQuestions(
  JSON.parse(readFileSync(join(import.meta.dirname, "../packages/assistant/eval/questions.json"), "utf8")),
)
const data = quangNinhAssistantData()
const built = performance.now()
const assistant = makeAssistant(data)
const buildMs = performance.now() - built

const summary = summarise(questions.map((q, i) => evaluateOne(assistant, q, now, `bench-${i}`)))
const pct = (x: number) => `${(x * 100).toFixed(1)} %`
console.log(`questions: ${summary.questions} (${summary.answerable} answerable)`)
console.log(`top-1 procedure: ${pct(summary.top1)}   (bar ≥ 90 %)`)
console.log(`top-3 procedure: ${pct(summary.top3)}   (bar ≥ 98 %)`)
console.log(`variant right:   ${pct(summary.variant)}`)
console.log(`fees exact:      ${pct(summary.feeExact)}   (bar 100 % when the procedure is right)`)
console.log(`documents exact: ${pct(summary.documentsExact)}   (bar 100 % when the procedure is right)`)
console.log(`authority right: ${pct(summary.authority)}`)
console.log(`không tìm thấy:  ${pct(summary.notFoundRight)} of unanswerable questions`)
for (const f of summary.failures)
  console.log(`  miss: ${f.question} → expected ${f.expected}, ranked ${f.ranked.join(", ")}`)

// The held-out set (written after the vocabulary was tuned, never used to tune it): the honest figure for unseen
// questions. Printed, not held to the bars.
const holdout = summarise(
  decodeEvalQuestions(
    JSON.parse(readFileSync(join(import.meta.dirname, "../packages/assistant/eval/holdout.json"), "utf8")),
  ).map((q, i) => evaluateOne(assistant, q, now, `holdout-${i}`)),
)
console.log(
  `held-out (${holdout.questions}): top-1 ${pct(holdout.top1)}, top-3 ${pct(holdout.top3)}, fees exact ${pct(holdout.feeExact)}, documents exact ${pct(holdout.documentsExact)}, không tìm thấy ${pct(holdout.notFoundRight)}`,
)

const timings: number[] = []
let floorMs = 0
for (let round = 0; round < ROUNDS; round++) {
  questions.forEach((q, i) => {
    const t = performance.now()
    assistant.ask({ question: q.question, conversationId: `t-${round}-${i}`, now })
    timings.push(performance.now() - t)
  })
  const f = performance.now()
  for (const q of questions) findProcedures(data.catalogue, { text: q.question, inForceOn: "2026-12-04" })
  floorMs += performance.now() - f
}
timings.sort((a, b) => a - b)
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0
const total = timings.reduce((a, b) => a + b, 0)
const floorPerQuestion = floorMs / (ROUNDS * questions.length)
console.log(`index built in ${buildMs.toFixed(0)} ms`)
console.log(`answers/s: ${((1000 * timings.length) / total).toFixed(0)}`)
console.log(`p50: ${at(0.5).toFixed(2)} ms   p95: ${at(0.95).toFixed(2)} ms   (bar p95 ≤ 50 ms without a model)`)
console.log(
  `floor (findProcedures substring filter, same questions): ${floorPerQuestion.toFixed(3)} ms/question; mean answer is ${(total / timings.length / floorPerQuestion).toFixed(1)}× the floor`,
)
if (summary.top1 < 0.9 || summary.top3 < 0.98 || summary.feeExact < 1 || summary.documentsExact < 1)
  process.exitCode = 1
