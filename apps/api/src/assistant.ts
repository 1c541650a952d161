// The citizen assistant as the API serves it: built from the deployment's data (the catalogue and jurisdiction it
// already serves, plus the province's assistant vocabulary and pre-2025 unit names from the data directory), once per
// civil day, since it searches the procedure versions in force that day. A per-address limit keeps one client from
// monopolising it: the route is public.

import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { type Assistant, EMPTY_VOCABULARY, type FormerUnitName, makeAssistant, Vocabulary } from "@motcua/assistant"
import { DATA_DIR, loadFormerUnits } from "@motcua/catalog-quangninh"
import {
  type CalendarConfigJson,
  type Catalogue,
  decodeAll,
  type HolidayOverrides,
  type Jurisdiction,
  makeCalendar,
} from "@motcua/domain"
import { Result } from "effect"

export const ASSISTANT_VOCABULARY_FILE = "assistant.json"
/** Where the citizen's filing form starts (the web pages will serve it); the procedure is added as query. */
export const DEFAULT_FILING_LINK = "/dich-vu-cong/nop-ho-so"

export interface AssistantSource {
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  readonly holidays?: HolidayOverrides
  readonly calendar?: CalendarConfigJson
  /** The data directory holding assistant.json and former-units.json (the sample data's by default). */
  readonly dataDir?: string
  readonly filingLink?: string
}

/** The province's vocabulary and old unit names; missing files mean none (the assistant still answers by name). */
function loadExtras(dataDir: string): { vocabulary: Vocabulary; formerUnits: ReadonlyArray<FormerUnitName> } {
  const file = join(dataDir, ASSISTANT_VOCABULARY_FILE)
  const vocabulary = existsSync(file)
    ? Result.getOrThrow(decodeAll(Vocabulary, JSON.parse(readFileSync(file, "utf8")), ASSISTANT_VOCABULARY_FILE))
    : EMPTY_VOCABULARY
  const formerUnits = existsSync(join(dataDir, "former-units.json"))
    ? Result.getOrThrow(loadFormerUnits(dataDir)).formerUnits
    : []
  return { vocabulary, formerUnits }
}

/** An assistant for each civil date (`YYYY-MM-DD`), the last one kept. Throws at once if the data files are invalid. */
export function assistantsFor(source: AssistantSource): (date: string) => Assistant {
  const { vocabulary, formerUnits } = loadExtras(source.dataDir ?? DATA_DIR)
  const calendar = makeCalendar({
    ...(source.calendar ?? {}),
    ...(source.holidays === undefined ? {} : { holidayOverrides: source.holidays }),
  })
  let current: { date: string; assistant: Assistant } | undefined
  return (date) => {
    if (current?.date !== date)
      current = {
        date,
        assistant: makeAssistant({
          catalogue: source.catalogue,
          jurisdiction: source.jurisdiction,
          formerUnits,
          vocabulary,
          calendar,
          filingLink: source.filingLink ?? DEFAULT_FILING_LINK,
          catalogueDate: date,
        }),
      }
    return current.assistant
  }
}

/** Questions one client address may ask per minute (MOTCUA_ASSISTANT_PER_MINUTE). */
export const DEFAULT_ASSISTANT_PER_MINUTE = 30

/** A fixed one-minute window per address, bounded in size (oldest addresses dropped first). */
export function assistantRateLimit(perMinute: number, maxTracked = 10_000) {
  const windows = new Map<string, { start: number; count: number }>()
  /** Seconds to wait, or undefined when this question may be asked (and is counted). */
  return (address: string, now: number): number | undefined => {
    const w = windows.get(address)
    if (w === undefined || now - w.start >= 60_000) {
      windows.delete(address)
      windows.set(address, { start: now, count: 1 })
      while (windows.size > maxTracked) {
        const oldest = windows.keys().next().value
        if (oldest === undefined) break
        windows.delete(oldest)
      }
      return undefined
    }
    if (w.count >= perMinute) return Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000))
    w.count++
    return undefined
  }
}
