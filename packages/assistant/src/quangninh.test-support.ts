// The assistant over the Quảng Ninh sample data, for tests and the evaluation.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { DATA_DIR, loadFormerUnits, loadQuangNinh } from "@motcua/catalog-quangninh"
import { decodeAll, makeCalendar } from "@motcua/domain"
import { Result } from "effect"
import { type AssistantData, makeAssistant } from "./assistant.ts"
import { Vocabulary } from "./vocabulary.ts"

export function quangNinhAssistantData(catalogueDate = "2026-12-04"): AssistantData {
  const data = Result.getOrThrow(loadQuangNinh())
  const former = Result.getOrThrow(loadFormerUnits())
  const vocabulary = Result.getOrThrow(
    decodeAll(Vocabulary, JSON.parse(readFileSync(join(DATA_DIR, "assistant.json"), "utf8")), "assistant.json"),
  )
  return {
    catalogue: data.catalogue,
    jurisdiction: data.jurisdiction,
    formerUnits: former.formerUnits,
    vocabulary,
    calendar: makeCalendar(data.holidays === undefined ? {} : { holidayOverrides: data.holidays }),
    filingLink: "/dich-vu-cong/nop-ho-so",
    catalogueDate,
  }
}

export const quangNinhAssistant = (catalogueDate?: string) => makeAssistant(quangNinhAssistantData(catalogueDate))
