// Builds questions.json from questions.src.txt (and holdout.json from holdout.src.txt, holdout2.json …
// holdout9.json, holdout11.json, holdout12.json and holdout13.json from holdout2.src.txt … holdout13.src.txt, and nearmiss.json from nearmiss.src.txt, the same way):
// each question with its expected procedure, variant, the unit it names, the
// competent authority and the fee the catalogue quotes at the counter (online when the procedure has no counter) for
// that variant, the facts written in the question and the categories of applicant it names (`category:…`). In the first two files, questions written with diacritics are
// also added without them, as citizens type on phones; the second to thirteenth held-out sets and the near misses are
// taken as written. A tag
// `unit:CODE` names the expected unit, `copy:N` (person, page, …) a count the question gives.
// Run: node packages/assistant/eval/build.ts [set …] — with names (the JSON file's name without .json, e.g. holdout6)
// only those sets are built, so that the other sets' files are left as they are; with none, every set. The JSON is
// written with a 1-space indent: run `pnpm exec biome format --write` on the files built.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { foldText, procedureInForce, quoteFees } from "@motcua/domain"
import { Result } from "effect"
import { quangNinhAssistantData } from "../src/quangninh.test-support.ts"

const here = import.meta.dirname
const data = quangNinhAssistantData()
const UNITS: Record<string, string> = {
  "Cẩm Trung": "06793",
  "Cai Rong": "06994",
  "Quan Lạn": "06994",
  "Hong Hai": "06685",
  "Co To": "07192",
  "Giếng Đáy": "06661",
  "Đông Xá": "06994",
  "Trung Vuong": "06811",
  Trới: "07030",
  "Cẩm Thành": "06793",
  "Vân Đồn": "06994",
  "Bach Dang": "06685",
  "Thanh Lan": "07192",
}
const FACTS: Record<string, { copy?: number; person?: number; page?: number }> = {
  "tôi cần 3 bản sao giấy khai sinh thì hết bao nhiêu": { copy: 3 },
  "photo công chứng 2 bản căn cước": { copy: 2, page: 1 },
  "công ty muốn đăng ký tạm trú theo danh sách cho 10 người công nhân": { person: 10 },
}
const COUNTED = ["copy", "page", "person", "certificate", "item", "vehicle"]
function build(source: string, target: string, addFolded = true) {
  const out: unknown[] = []
  for (const line of readFileSync(join(here, source), "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue
    const [code = "", variant = "", rest = ""] = line.split("|").map((s) => s.trim())
    const [question = "", tagText = ""] = rest.split("##").map((s) => s.trim())
    const words = tagText === "" ? [] : tagText.split(/\s+/)
    const tags = words.filter((t) => !t.includes(":"))
    const given = Object.fromEntries(words.filter((t) => t.includes(":")).map((t) => t.split(":") as [string, string]))
    const unit = given.unit ?? Object.entries(UNITS).find(([name]) => question.includes(name))?.[1]
    const counts = Object.fromEntries(COUNTED.filter((c) => given[c] !== undefined).map((c) => [c, Number(given[c])]))
    if (code === "none") {
      out.push({ question, expected: "not-found", tags })
      continue
    }
    const p = Result.getOrThrow(procedureInForce(data.catalogue, code, data.catalogueDate))
    const facts = { ...FACTS[question], ...counts }
    const needs = p.channels.includes("counter") ? "counter" : "online"
    const quantities: Record<string, number> = {
      copy: 1,
      page: 1,
      person: 1,
      certificate: 1,
      item: 1,
      vehicle: 1,
      ...facts,
    }
    // `category:poor-household` (several joined by commas): the applicant categories the question names.
    const categories = given.category === undefined ? [] : given.category.split(",")
    const fee = Result.getOrThrow(
      quoteFees(p, {
        channel: needs,
        quantities,
        ...(variant === "" ? {} : { variantId: variant }),
        ...(categories.length === 0 ? {} : { applicantCategories: categories }),
      }),
    ).total
    const entry = {
      question,
      code,
      ...(variant === "" ? {} : { variant }),
      ...(unit === undefined ? {} : { unit }),
      authority: p.authority.agencyCode ?? p.authority.agencyKind,
      fee: { channel: needs, total: fee },
      tags,
    }
    out.push(entry)
    const folded = foldText(question)
    if (addFolded && folded !== question.toLowerCase() && !tags.includes("typo"))
      out.push({ ...entry, question: folded, tags: [...tags, "no-diacritics"] })
  }
  writeFileSync(join(here, target), `${JSON.stringify(out, null, 1)}\n`)
  console.log(`${target}: ${out.length} questions`)
}
const SETS: ReadonlyArray<readonly [source: string, target: string, addFolded: boolean]> = [
  ["questions.src.txt", "questions.json", true],
  ["holdout.src.txt", "holdout.json", true],
  ["holdout2.src.txt", "holdout2.json", false],
  ["holdout3.src.txt", "holdout3.json", false],
  ["holdout4.src.txt", "holdout4.json", false],
  ["holdout5.src.txt", "holdout5.json", false],
  ["holdout6.src.txt", "holdout6.json", false],
  ["holdout7.src.txt", "holdout7.json", false],
  ["holdout8.src.txt", "holdout8.json", false],
  ["holdout9.src.txt", "holdout9.json", false],
  ["holdout11.src.txt", "holdout11.json", false],
  ["holdout12.src.txt", "holdout12.json", false],
  ["holdout13.src.txt", "holdout13.json", false],
  ["nearmiss.src.txt", "nearmiss.json", false],
]
const wanted = process.argv.slice(2)
const unknown = wanted.filter((w) => !SETS.some(([, target]) => target === `${w}.json`))
if (unknown.length > 0)
  throw new Error(
    `no such set: ${unknown.join(", ")} (sets: ${SETS.map(([, t]) => t.replace(/\.json$/, "")).join(", ")})`,
  )
for (const [source, target, addFolded] of SETS)
  if (wanted.length === 0 || wanted.includes(target.replace(/\.json$/, ""))) build(source, target, addFolded)
