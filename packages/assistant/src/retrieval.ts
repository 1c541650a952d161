// Finding the procedure a question is about: a MiniSearch index (BM25 with fuzzy matching, so "khai sin" and
// "dang ki" still meet "khai sinh" and "đăng ký") over each procedure's names and the province's question phrases,
// with the question first expanded by the province's synonyms and stripped of question words. A procedure's score
// is that of its best-matching document, so a long official name does not drown a short everyday phrase.
import type { Catalogue, Procedure } from "@motcua/domain"
import MiniSearch from "minisearch"
import { foldedPhrase, syllables, terms } from "./text.ts"
import type { Vocabulary } from "./vocabulary.ts"

interface IndexedDocument {
  readonly id: number
  readonly code: string
  readonly text: string
}

/** A pair of syllables found in at most this share of the procedures tells which procedure is meant. */
const TELLING_SHARE = 0.15

export interface Candidate {
  readonly code: string
  readonly score: number
  /** The share of the question's words that the best document of this procedure matches. */
  readonly coverage: number
  /**
   * Whether that document shares with the question a whole two-syllable word that few procedures have (not only
   * loose syllables, nor only "đăng ký"): without one, nothing is taken as found.
   */
  readonly namesAWord: boolean
}

export interface Retriever {
  /** The question as searched: folded, synonyms added, question words removed. */
  readonly prepare: (question: string) => string
  /** Procedures ranked best first, with their scores. */
  readonly rank: (question: string, limit?: number) => Candidate[]
}

const documentsOf = (
  procedures: ReadonlyArray<Procedure>,
  vocabulary: Vocabulary,
  clean: (text: string) => string,
): IndexedDocument[] => {
  const docs: IndexedDocument[] = []
  const add = (code: string, text: string) => docs.push({ id: docs.length, code, text: clean(text) })
  for (const p of procedures) {
    add(p.code, p.name)
    if (p.nameEn !== undefined) add(p.code, p.nameEn)
    for (const v of p.variants) add(p.code, `${p.name} ${v.name}`)
  }
  // A variant's phrases ("quá hạn") say which case, not which procedure: they are indexed with the procedure's
  // name, so "quá hạn" alone does not pull every procedure that has a late case.
  const names = new Map(procedures.map((p) => [p.code, p.name]))
  for (const q of vocabulary.questions)
    for (const phrase of q.phrases)
      add(q.code, q.variantId === undefined ? phrase : `${names.get(q.code) ?? ""} ${phrase}`)
  return docs
}

export function makeRetriever(procedures: ReadonlyArray<Procedure>, vocabulary: Vocabulary): Retriever {
  const stop = new Set(vocabulary.stopWords.map((w) => syllables(w).join(" ")))
  const stopPhrases = [...stop].filter((w) => w.includes(" ")).sort((a, b) => b.length - a.length)
  const stopSyllables = new Set([...stop].filter((w) => !w.includes(" ")))
  const withoutStopWords = (folded: string): string => {
    let text = folded
    for (const phrase of stopPhrases) text = text.replaceAll(` ${phrase} `, " ")
    return ` ${text
      .split(" ")
      .filter((w) => w !== "" && !stopSyllables.has(w))
      .join(" ")} `
  }
  // Synonyms are looked for once the question words are gone ("bố tôi mất" reads " bo mat ", like the phrase "bố
  // mất"); a phrase that holds a question word could never match, and is left out. Longest phrases first, and a phrase once replaced is gone: "tách hộ khẩu" becomes "tách hộ"
  // and is then no longer read as "hộ khẩu" (which means permanent residence).
  const synonyms = vocabulary.synonyms
    .flatMap((s) =>
      s.phrases.map((phrase) => ({ phrase: foldedPhrase(phrase), means: ` ${syllables(s.means).join(" ")} ` })),
    )
    .filter((s) => s.phrase.trim() !== "" && withoutStopWords(s.phrase) === s.phrase)
    .sort((a, b) => b.phrase.length - a.phrase.length)
  // The same steps for the question and for every indexed text, so both sides speak the catalogue's words.
  const prepare = (question: string): string => {
    let text = withoutStopWords(foldedPhrase(question))
    for (const s of synonyms) if (text.includes(s.phrase)) text = text.replaceAll(s.phrase, s.means)
    return text.trim().replace(/\s+/gu, " ")
  }

  const index = new MiniSearch<IndexedDocument>({
    fields: ["text"],
    storeFields: ["code", "text"],
    tokenize: terms,
    processTerm: (t) => t,
  })
  const documents = documentsOf(procedures, vocabulary, prepare)
  index.addAll(documents)
  // How many procedures each pair of syllables appears in: "đăng ký" or "giấy phép" name a dozen procedures and say
  // little about which one; a pair that names a few does.
  const proceduresWith = new Map<string, Set<string>>()
  for (const d of documents)
    for (const t of terms(d.text))
      if (t.includes("_")) proceduresWith.set(t, (proceduresWith.get(t) ?? new Set()).add(d.code))
  const telling = (term: string) =>
    (proceduresWith.get(term)?.size ?? 0) <= Math.max(3, procedures.length * TELLING_SHARE)

  const rank = (question: string, limit = 5): Candidate[] => {
    const prepared = prepare(question)
    if (prepared === "") return []
    // Pairs of syllables are the strongest evidence; single syllables are fuzzy only when long enough for a typo to
    // be told apart from another word (Vietnamese syllables are short).
    const hits = index.search(prepared, {
      tokenize: terms,
      processTerm: (t) => t,
      fuzzy: (term) => (term.includes("_") ? 0.15 : term.length >= 5 ? 0.2 : false),
      boostTerm: (term) => (term.includes("_") ? 2 : 1),
      weights: { fuzzy: 0.6, prefix: 0.3 },
    })
    // BM25 alone favours short documents that share one word with the question ("xóa hộ khẩu" for "nhập hộ
    // khẩu"); each hit is weighed by how much of the question it explains and how much of itself the question
    // names, so the document that says what the citizen said wins.
    const asked = [...new Set(prepared.split(" ").filter((w) => w !== ""))]
    const best = new Map<string, Candidate>()
    for (const hit of hits) {
      const code = hit.code as string
      const matched = new Set(hit.queryTerms)
      const questionCoverage = asked.filter((w) => matched.has(w)).length / asked.length
      const own = terms(hit.text as string)
      const docCoverage = own.filter((t) => hit.terms.includes(t)).length / own.length
      const score = hit.score * (0.5 + 0.5 * docCoverage) * questionCoverage
      const previous = best.get(code)
      const namesAWord = hit.terms.some((t) => t.includes("_") && telling(t))
      if (previous === undefined || previous.score < score)
        best.set(code, { code, score, coverage: questionCoverage, namesAWord })
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit)
  }

  return { prepare, rank }
}

/** The catalogue's procedures in force on `date`, one version per code. */
export const inForce = (catalogue: Catalogue, date: string): Procedure[] =>
  catalogue.filter((p) => p.effectiveFrom <= date && (p.effectiveTo === undefined || date <= p.effectiveTo))
