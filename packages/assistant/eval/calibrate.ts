// The trade-off of the out-of-catalogue detector (docs/assistant.md, step 5), on the sets tuned on only: for each
// setting of one bar (the others at their calibrated value), the share of unanswerable questions that get "không
// tìm thấy" against top-1 and top-3 over the answerable ones (all sets together, and the worst set). Prints a table;
// the calibrated setting is marked. Never run it on a held-out set: choosing a point on it is tuning.
// Run: node packages/assistant/eval/calibrate.ts
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { DETECTOR, type Detector, makeAssistant } from "../src/assistant.ts"
import { decodeEvalQuestions, evaluateOne } from "../src/evaluate.ts"
import { quangNinhAssistantData } from "../src/quangninh.test-support.ts"

const TUNED = [
  "questions.json",
  "holdout.json",
  "holdout2.json",
  "holdout3.json",
  "holdout4.json",
  "holdout5.json",
  "holdout6.json",
  "holdout7.json",
  "holdout8.json",
  "holdout9.json",
  "nearmiss.json",
]
const NOW = "2026-12-04T09:00:00+07:00"
const data = quangNinhAssistantData()
const sets = TUNED.map((file) => ({
  file,
  questions: decodeEvalQuestions(JSON.parse(readFileSync(join(import.meta.dirname, file), "utf8"))),
}))

const measure = (detector: Detector) => {
  const assistant = makeAssistant(data, detector)
  let answerable = 0
  let top1 = 0
  let top3 = 0
  let unanswerable = 0
  let notFound = 0
  let worst1 = 1
  let worst3 = 1
  for (const set of sets) {
    const results = set.questions.map((q, i) => evaluateOne(assistant, q, NOW, `${set.file.replace(".", "-")}-${i}`))
    const a = results.filter((r) => r.expected !== "not-found")
    const u = results.filter((r) => r.expected === "not-found")
    answerable += a.length
    unanswerable += u.length
    top1 += a.filter((r) => r.top1).length
    top3 += a.filter((r) => r.top3).length
    notFound += u.filter((r) => r.top1).length
    // The near-miss set has only 16 answerable questions: too few for a worst set of its own.
    if (a.length >= 50) {
      worst1 = Math.min(worst1, a.filter((r) => r.top1).length / a.length)
      worst3 = Math.min(worst3, a.filter((r) => r.top3).length / a.length)
    }
  }
  return { top1: top1 / answerable, top3: top3 / answerable, worst1, worst3, notFound: notFound / unanswerable }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`
const sweeps: ReadonlyArray<readonly [keyof Detector, ReadonlyArray<number>]> = [
  ["minExplained", [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]],
  ["minCoverage", [0.15, 0.2, 0.25, 0.3, 0.4, 0.5]],
  ["elsewhereMargin", [-0.05, 0, 0.02, 0.05, 0.1]],
  ["dominance", [1.5, 2, 3, 1000]],
  ["dominantExplained", [0.25, 0.35, 0.5]],
  ["dominantRelief", [0.3, 0.5, 0.7, 1]],
]
console.log("| bar | value | không tìm thấy | top-1 | top-3 | worst set top-1 / top-3 |")
console.log("|---|---|---|---|---|---|")
for (const [bar, values] of sweeps)
  for (const value of values) {
    const m = measure({ ...DETECTOR, [bar]: value })
    const mark = DETECTOR[bar] === value ? " (calibrated)" : ""
    console.log(
      `| ${bar} | ${value}${mark} | ${pct(m.notFound)} | ${pct(m.top1)} | ${pct(m.top3)} | ${pct(m.worst1)} / ${pct(m.worst3)} |`,
    )
  }
