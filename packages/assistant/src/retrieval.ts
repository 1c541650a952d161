// Finding the procedure a question is about, in two stages.
//
// 1. Candidates: a MiniSearch index (BM25 with fuzzy matching, so "khai sin" and "dang ki" still meet "khai sinh"
//    and "đăng ký") over each procedure's names and the province's question phrases. The question is first read
//    into the catalogue's words (`prepare`): folded, English endings cut, question words removed, the province's
//    synonyms replaced, acronyms the catalogue's names make ("thcs", "gcn") spelt out, and pairs of syllables the
//    catalogue does not have but one it has sounds like ("thuong chu" → "thuong tru") corrected. A procedure's
//    lexical score is that of its best-matching document, so a long official name does not drown a short phrase.
// 2. Re-ranking: the best candidates are weighed again against everything the catalogue says about each of them
//    (names, variants, phrases, its result and its field): how much of the question — each word weighed by how few
//    procedures use it — the procedure explains. A question naming a field ("đất đai", "căn cước") keeps that
//    field's procedures ahead.
import { type Catalogue, foldText, type Procedure } from "@motcua/domain"
import MiniSearch from "minisearch"
import { initials, isVietnameseSyllable, oneSoundApart, soundKey, stem, syllables } from "./text.ts"
import type { Vocabulary } from "./vocabulary.ts"

interface IndexedDocument {
  readonly id: number
  readonly code: string
  readonly text: string
}

/** A pair of syllables found in at most this share of the procedures tells which procedure is meant. */
const TELLING_SHARE = 0.15
/** How many lexical candidates the second stage weighs again. */
const RERANK_DEPTH = 8
/** The second stage's weight of a procedure that does not do what the question asks (`Candidate.fits`). */
const NOT_ASKED = 0.1
/** The second stage's weight of a procedure whose name does an action the question does not name. */
const UNASKED_ACTION = 0.8
/** …when a procedure doing no action scores at least this share of it: the plain procedure the question may mean. */
const PLAIN_CONTENDER = 0.5
/** A procedure's action is its verb when it starts within this many words of its name. */
const NAME_VERB_WORDS = 3
/** Acronyms shorter than this are too ambiguous to spell out. */
const MIN_ACRONYM = 3
/** The longest: "xntthn" (xác nhận tình trạng hôn nhân) has six letters. */
const MAX_ACRONYM = 6

export interface Candidate {
  readonly code: string
  /** The score the ranking is by: the lexical score weighed again by the second stage. */
  readonly score: number
  /** The first stage's score alone (BM25 of the best document, weighed by coverage): the bar for "found". */
  readonly lexical: number
  /** The share of the question's words that the best document of this procedure matches. */
  readonly coverage: number
  /**
   * Whether that document shares with the question a whole two-syllable word that few procedures have (not only
   * loose syllables, nor only "đăng ký"): without one, nothing is taken as found.
   */
  readonly namesAWord: boolean
  /** The share of the question's weight (words and pairs the catalogue knows) that the procedure explains. */
  readonly explained: number
  /** The same share counting every word of the question, a word the catalogue does not know as the rarest. */
  readonly explainedAll: number
  /**
   * Whether the procedure does what the question asks: every action it names in the vocabulary's `actions` ("gia
   * hạn", "xóa"), and nothing its own name excludes ("không đấu giá" for an auction).
   */
  readonly fits: boolean
}

export interface Retriever {
  /** The question as searched: folded, synonyms added, question words removed, acronyms and sound-alikes fixed. */
  readonly prepare: (question: string) => string
  /** Procedures ranked best first, with their scores. */
  readonly rank: (question: string, limit?: number) => Candidate[]
}

/** The words of a text as the retrieval reads them: folded syllables, English words stemmed. */
export const words = (text: string): string[] => syllables(text).map(stem)

/**
 * The term of two neighbouring words. Two English words are paired in alphabetical order: English puts them in
 * either order ("close a business household", the catalogue's "household business"), Vietnamese in one.
 */
export const pairTerm = (a: string, b: string): string =>
  !isVietnameseSyllable(a) && !isVietnameseSyllable(b) && b < a ? `${b}_${a}` : `${a}_${b}`

/**
 * Index terms of prepared text (already words joined by spaces): each word and each neighbouring pair — but no pair
 * of a word and the "cấp" of a grade after it ("xây dựng cấp 4", "công trình cấp 3"): the grade qualifies what comes
 * before, and its "cấp" would otherwise pair like the verb "cấp" ("giấy phép xây dựng cấp lại" is a reissue).
 */
const termsOf = (prepared: string): string[] => {
  const w = prepared.split(" ").filter((x) => x !== "")
  const out = [...w]
  for (let i = 0; i + 1 < w.length; i++)
    if (!(w[i + 1] === "cap" && /^\d$/u.test(w[i + 2] ?? ""))) out.push(pairTerm(w[i] as string, w[i + 1] as string))
  return out
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
  // Procedures the catalogue does not hold compete with its own, so that a question about one of them finds it
  // rather than a catalogue procedure sharing a word.
  for (const e of vocabulary.elsewhere ?? [])
    for (const text of [e.name, e.nameEn, ...e.phrases]) add(elsewhereCode(e.id), text)
  return docs
}

const ELSEWHERE = "elsewhere:"
/** The code under which an out-of-catalogue entry (`vocabulary.elsewhere`) is ranked. */
export const elsewhereCode = (id: string) => `${ELSEWHERE}${id}`
/** Whether a ranked code is an out-of-catalogue entry, and its id. */
export const elsewhereId = (code: string): string | undefined =>
  code.startsWith(ELSEWHERE) ? code.slice(ELSEWHERE.length) : undefined

interface AgeRange {
  readonly from?: number
  readonly below?: number
}

/** The ages a procedure's name limits it to: "dưới 14 tuổi", "từ đủ 14 tuổi trở lên". */
export function ageRange(name: string): AgeRange | undefined {
  const folded = foldText(name)
  const below = /duoi (\d{1,3}) tuoi/u.exec(folded)?.[1]
  const from = /tu (?:du )?(\d{1,3}) tuoi tro len/u.exec(folded)?.[1]
  if (below === undefined && from === undefined) return undefined
  return {
    ...(from === undefined ? {} : { from: Number(from) }),
    ...(below === undefined ? {} : { below: Number(below) }),
  }
}

/**
 * The pairs of syllables a procedure's names exclude: the word right after "không" ("trường hợp không đấu giá quyền
 * sử dụng đất" excludes "đấu giá"). Folded, as `termsOf` pairs them.
 */
export function excludedPairs(names: ReadonlyArray<string>): string[] {
  const out = new Set<string>()
  for (const name of names) {
    const w = syllables(name)
    for (let i = 0; i + 2 < w.length; i++) if (w[i] === "khong") out.add(`${w[i + 1]}_${w[i + 2]}`)
  }
  return [...out]
}

/** The age a question gives ("bé 5 tuổi", "16 years old"; "4 tháng tuổi" is under one). */
export function askedAge(question: string): number | undefined {
  const folded = foldText(question)
  // English writes the age with hyphens too: "an 8-year-old", "a 4-month-old".
  if (/\d{1,2} (thang|ngay|tuan) tuoi|\d{1,2}[ -](months?|weeks?|days?)[ -]old/u.test(folded)) return 0
  const years = /(\d{1,3})[ -]?(tuoi|years?[ -]old|yo\b)/u.exec(folded)?.[1]
  return years === undefined ? undefined : Number(years)
}

/** The most frequent entry of a count map (ties: the first seen). */
const mostFrequent = (counts: Map<string, number> | undefined): string | undefined => {
  let best: string | undefined
  let n = 0
  for (const [k, c] of counts ?? []) if (c > n) [best, n] = [k, c]
  return best
}

const count = <K>(map: Map<K, Map<string, number>>, key: K, value: string) => {
  const inner = map.get(key) ?? new Map<string, number>()
  inner.set(value, (inner.get(value) ?? 0) + 1)
  map.set(key, inner)
}

interface Token {
  /** Lower case, with its diacritics when it was written with them. */
  readonly raw: string
  /** Folded, English endings cut: the word searched. */
  readonly word: string
  /** Whether it was written with diacritics. */
  readonly marked: boolean
}

// A grade or level written in Roman numerals is its number: the catalogue writes "cấp III, cấp IV", citizens "cấp 4"
// (and "cấp I" is not the English "I").
const ROMAN: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4", v: "5", vi: "6" }
const GRADED = new Set(["cap", "grade", "hang", "loai", "class"])

const tokensOf = (text: string): Token[] => {
  const tokens = text
    .normalize("NFC")
    .toLowerCase()
    // An English possessive is its noun: "family's household" is not "family", "s", "household".
    .replace(/(?<=\p{L})['’]s\b/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((raw) => {
      const marked = foldText(raw) !== raw
      return words(raw).map((word) => ({ raw, word, marked }))
    })
  return tokens.map((t, i) => {
    const number = ROMAN[t.raw]
    return number !== undefined && i > 0 && GRADED.has((tokens[i - 1] as Token).word)
      ? { raw: number, word: number, marked: false }
      : t
  })
}

/**
 * Whether a written token is the stop word's token: written with diacritics, exactly the same ("căn" of "căn cước"
 * is neither the question word "cần" nor the English "can", though all three fold to "can"); written without, the
 * same folded word.
 */
const sameToken = (written: Token, stopWord: Token) =>
  written.marked ? written.raw === stopWord.raw : written.word === stopWord.word

export function makeRetriever(procedures: ReadonlyArray<Procedure>, vocabulary: Vocabulary): Retriever {
  const stopEntries = vocabulary.stopWords.map(tokensOf).filter((t) => t.length > 0)
  const stopPhrases = stopEntries.filter((t) => t.length > 1).sort((a, b) => b.length - a.length)
  const singles = stopEntries.filter((t) => t.length === 1).map((t) => t[0] as Token)
  const stopRaw = new Set(singles.map((t) => t.raw))
  const stopWord = new Set(singles.map((t) => t.word))
  const isStopSingle = (t: Token) => (t.marked ? stopRaw.has(t.raw) : stopWord.has(t.word))
  const phraseStarts = new Set(stopPhrases.map((p) => (p[0] as Token).word))
  // Two-syllable words the catalogue and the province's vocabulary write in Vietnamese: each pair of neighbouring
  // syllables of the procedures' and variants' names, and each phrase of two syllables of the synonyms, question
  // phrases and out-of-catalogue entries (longer phrases are sentences: their "cho con" is no word). A question word
  // typed without diacritics that makes one of them with a neighbour is kept ("can cuoc" is "căn cước", not "cần" +
  // "cước"; "di doi" is "di dời", not "đi" + "dời"; "so do" is "sổ đỏ", not "sổ" + the English "do"), in the
  // indexed texts as in the question.
  const catalogueTwoWords = new Set<string>()
  const addPairs = (w: ReadonlyArray<string>) => {
    for (let i = 0; i + 1 < w.length; i++)
      if (isVietnameseSyllable(w[i] as string) && isVietnameseSyllable(w[i + 1] as string))
        catalogueTwoWords.add(`${w[i]} ${w[i + 1]}`)
  }
  for (const p of procedures) for (const name of [p.name, ...p.variants.map((v) => v.name)]) addPairs(words(name))
  const phrases = [
    ...vocabulary.synonyms.flatMap((x) => [...x.phrases, x.means]),
    ...vocabulary.questions.flatMap((q) => [...q.phrases, ...(q.unless ?? [])]),
    ...(vocabulary.elsewhere ?? []).flatMap((e) => e.phrases),
  ]
  for (const phrase of phrases) {
    const w = words(phrase)
    if (w.length === 2) addPairs(w)
  }
  // A question word written with diacritics is kept where it makes, as written, a two-syllable phrase of the
  // province's synonyms with its neighbour ("tiền án": "tiền" is money in a question, not in a criminal record).
  const synonymTwoWords = new Set(
    vocabulary.synonyms
      .flatMap((x) => x.phrases)
      .map(tokensOf)
      .filter((t) => t.length === 2)
      .map((t) => `${(t[0] as Token).raw} ${(t[1] as Token).raw}`),
  )
  const sameWord = (written: Token, phrase: Token, alone: boolean) =>
    written.marked && phrase.marked
      ? written.raw === phrase.raw
      : // A question word typed without diacritics (kept as part of a pair) is not a one-word phrase written
        // with them: "so do" is "sổ đỏ", and its "do" is not also "đò".
        written.word === phrase.word && !(alone && phrase.marked && !written.marked && isStopSingle(written))
  // A synonym phrase of three or more words that holds a question word ("lên đất thổ cư", "chưa có sổ đỏ", "không
  // kinh doanh nữa") is kept whole where the text writes it, so that it can be read as its meaning: dropping its
  // question words first would leave a phrase no text could match (two-word phrases are kept by the pair rules
  // below).
  const stopfulPhrases = new Map<string, Token[][]>()
  for (const phrase of vocabulary.synonyms.flatMap((x) => x.phrases)) {
    const tokens = tokensOf(phrase)
    const first = tokens[0]
    if (first === undefined || tokens.length < 3 || !tokens.some(isStopSingle)) continue
    stopfulPhrases.set(first.word, [...(stopfulPhrases.get(first.word) ?? []), tokens])
  }
  for (const list of stopfulPhrases.values()) list.sort((a, b) => b.length - a.length)
  const withoutStopWords = (tokens: ReadonlyArray<Token>): Token[] => {
    const kept: Token[] = []
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i] as Token
      const whole = stopfulPhrases
        .get(t.word)
        ?.find((p) => p.every((x, j) => tokens[i + j] !== undefined && sameWord(tokens[i + j] as Token, x, false)))
      if (whole !== undefined) {
        kept.push(...tokens.slice(i, i + whole.length))
        i += whole.length
        continue
      }
      const phrase = phraseStarts.has(t.word)
        ? stopPhrases.find((p) =>
            p.every((x, j) => tokens[i + j] !== undefined && sameToken(tokens[i + j] as Token, x)),
          )
        : undefined
      if (phrase !== undefined) {
        i += phrase.length
        continue
      }
      const stopped = isStopSingle(t)
      const protectedWord =
        stopped &&
        (t.marked
          ? synonymTwoWords.has(`${tokens[i - 1]?.raw} ${t.raw}`) ||
            synonymTwoWords.has(`${t.raw} ${tokens[i + 1]?.raw}`)
          : catalogueTwoWords.has(`${tokens[i - 1]?.word} ${t.word}`) ||
            catalogueTwoWords.has(`${t.word} ${tokens[i + 1]?.word}`))
      if (!stopped || protectedWord) kept.push(t)
      i++
    }
    return kept
  }
  const isStopFree = (text: string) => withoutStopWords(tokensOf(text)).length === tokensOf(text).length
  // Synonyms are looked for once the question words are gone ("bố tôi mất" reads "bố mất", like the phrase "bố
  // mất"); a phrase that holds a question word could never match, and is left out. A phrase's word written with
  // diacritics matches only the same word when the text writes it with diacritics too ("đò" is not "độ" of "chế
  // độ", nor "đỏ"), and any word that folds like it when the text has none ("do" may be "đò"); a word of the phrase
  // written without diacritics matches by its folded form. At each place the longest phrase is tried first, and a
  // phrase once replaced is gone: "tách hộ khẩu" becomes "tách hộ" and is then no longer read as "hộ khẩu" (which
  // means permanent residence).
  const synonymsByFirst = new Map<string, Array<{ tokens: Token[]; means: string[] }>>()
  for (const s of vocabulary.synonyms)
    for (const phrase of s.phrases.filter(isStopFree)) {
      const tokens = tokensOf(phrase)
      const first = tokens[0]
      if (first === undefined) continue
      const list = synonymsByFirst.get(first.word) ?? []
      list.push({ tokens, means: words(s.means) })
      synonymsByFirst.set(first.word, list)
    }
  for (const list of synonymsByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  const withSynonyms = (tokens: ReadonlyArray<Token>): string[] => {
    const out: string[] = []
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i] as Token
      // A word typed without diacritics that makes a two-syllable word of the catalogue with a neighbour is that
      // word, not a one-word synonym written with diacritics: "nha xuong" is "nhà xưởng", not a "xuồng" (boat).
      const inPair =
        !t.marked &&
        (catalogueTwoWords.has(`${tokens[i - 1]?.word} ${t.word}`) ||
          catalogueTwoWords.has(`${t.word} ${tokens[i + 1]?.word}`))
      const hit = synonymsByFirst
        .get(t.word)
        ?.find(
          (s) =>
            !(inPair && s.tokens.length === 1 && (s.tokens[0] as Token).marked) &&
            s.tokens.every(
              (x, j) => tokens[i + j] !== undefined && sameWord(tokens[i + j] as Token, x, s.tokens.length === 1),
            ),
        )
      if (hit === undefined) {
        out.push(t.word)
        i++
      } else {
        out.push(...hit.means)
        i += hit.tokens.length
      }
    }
    return out
  }
  // The same steps for the question and for every indexed text, so both sides speak the catalogue's words.
  const readWords = (text: string): string => withSynonyms(withoutStopWords(tokensOf(text))).join(" ")

  const documents = documentsOf(procedures, vocabulary, readWords)

  // What the catalogue's own texts teach: the words and pairs it has, the pairs by their sound (to correct a
  // misspelt pair), and the acronyms its runs of syllables make (to spell one out).
  const knownWords = new Set<string>()
  const knownPairs = new Set<string>()
  const pairsBySound = new Map<string, Map<string, number>>()
  const acronyms = new Map<string, Map<string, number>>()
  const learnFrom = (prepared: string) => {
    const w = prepared.split(" ").filter((x) => x !== "")
    for (const x of w) knownWords.add(x)
    for (let i = 0; i + 1 < w.length; i++) {
      const pair = `${w[i]} ${w[i + 1]}`
      knownPairs.add(pair)
      count(pairsBySound, `${soundKey(w[i] as string)} ${soundKey(w[i + 1] as string)}`, pair)
    }
    for (let size = MIN_ACRONYM; size <= MAX_ACRONYM; size++)
      for (let i = 0; i + size <= w.length; i++) {
        const run = w.slice(i, i + size)
        if (run.every((s) => isVietnameseSyllable(s) && !/^\d/u.test(s))) count(acronyms, initials(run), run.join(" "))
      }
  }
  for (const d of documents) learnFrom(d.text)
  // The raw names too (before synonyms), so "quyền sử dụng đất" gives "qsdd" even where a synonym rewrote it.
  for (const p of procedures) learnFrom(words(p.name).join(" "))
  for (const e of vocabulary.elsewhere ?? []) for (const t of [e.name, ...e.phrases]) learnFrom(words(t).join(" "))

  const correct = (prepared: string): string => {
    const w = prepared.split(" ").filter((x) => x !== "")
    // An unknown token that is the initials of a run of the catalogue's syllables is that run.
    const spelt = w.flatMap((x) => {
      if (knownWords.has(x) || isVietnameseSyllable(x) || x.length < MIN_ACRONYM) return [x]
      const run = mostFrequent(acronyms.get(x))
      return run === undefined ? [x] : run.split(" ")
    })
    // A pair the catalogue does not have, sounding like one it has, is that one.
    for (let i = 0; i + 1 < spelt.length; i++) {
      const [a, b] = [spelt[i] as string, spelt[i + 1] as string]
      if (knownPairs.has(`${a} ${b}`)) continue
      const fixed = mostFrequent(pairsBySound.get(`${soundKey(a)} ${soundKey(b)}`))
      if (fixed === undefined) continue
      const [fa, fb] = fixed.split(" ") as [string, string]
      // one slip per syllable: two at once make another word ("hộ riêng" is not "hộ diện")
      if (!oneSoundApart(a, fa) || !oneSoundApart(b, fb)) continue
      spelt[i] = fa
      spelt[i + 1] = fb
    }
    return spelt.join(" ")
  }
  // Each clause on its own: a misspelt pair, like a phrase, does not run across a comma ("… 9 số, giờ làm …" is not
  // "sổ đỏ").
  const prepare = (question: string): string =>
    question
      .split(/[,;.!?\n]+(?=\s|$)/u)
      .map((clause) => correct(readWords(clause)))
      .filter((clause) => clause !== "")
      .join(" ")
  // The actions the vocabulary names, as terms: a question names one when the citizen wrote it (not when a synonym
  // put it there: "thất lạc" reads "mất cấp lại", yet a copy of a lost certificate is not a reissue) and it is still
  // there once the question is read ("công nhận con" reads "nhận cha mẹ con").
  const actions = [...new Set((vocabulary.actions ?? []).map(readWords))].filter((a) => a !== "")
  // Written with diacritics, an action's words must be the same words ("chuyên gia Hàn Quốc" is no "gia hạn", a
  // "công nhân" no "công nhận"); written without, their folded forms.
  const actionWords = [...new Set(vocabulary.actions ?? [])]
    .map((a) => ({ tokens: tokensOf(a), read: readWords(a) }))
    .filter((a) => a.read !== "" && a.tokens.length > 0)
  const actionsNamed = (question: string, prepared: string): string[] => {
    const written = withoutStopWords(tokensOf(question))
    const padded = ` ${prepared} `
    // Typed without diacritics, an action's first word that makes a word of the catalogue with the word before it
    // belongs to that word ("chuyen gia Han" is an expert from Korea, not "gia hạn").
    const takenBefore = (i: number) =>
      !(written[i] as Token).marked && catalogueTwoWords.has(`${written[i - 1]?.word} ${(written[i] as Token).word}`)
    const writes = (tokens: ReadonlyArray<Token>) =>
      written.some(
        (_, i) =>
          !(tokens.length > 1 && takenBefore(i)) &&
          tokens.every((x, j) => written[i + j] !== undefined && sameToken(written[i + j] as Token, x)),
      )
    return [
      ...new Set(actionWords.filter((a) => writes(a.tokens) && padded.includes(` ${a.read} `)).map((a) => a.read)),
    ]
  }

  const index = new MiniSearch<IndexedDocument>({
    fields: ["text"],
    storeFields: ["code", "text"],
    tokenize: termsOf,
    processTerm: (t) => t,
  })
  index.addAll(documents)
  // How many procedures each pair of syllables appears in: "đăng ký" or "giấy phép" name a dozen procedures and say
  // little about which one; a pair that names a few does.
  const proceduresWith = new Map<string, Set<string>>()
  for (const d of documents)
    for (const t of termsOf(d.text)) proceduresWith.set(t, (proceduresWith.get(t) ?? new Set()).add(d.code))
  const fewHave = (term: string, share: number) =>
    (proceduresWith.get(term)?.size ?? 0) <= Math.max(3, procedures.length * share)
  // A pair of syllables few procedures have names a word; so does a long English word few have ("signature"):
  // English puts its words in another order than the catalogue's English names, so its pairs rarely meet.
  const telling = (term: string) =>
    term.includes("_")
      ? fewHave(term, TELLING_SHARE)
      : term.length >= 5 && !isVietnameseSyllable(term) && fewHave(term, TELLING_SHARE / 3)

  // Everything the catalogue says about a procedure, as one bag of words, for the second stage; and how many
  // procedures use each word (a word most procedures use, like "cấp", weighs little).
  const bags = new Map<string, Set<string>>()
  const field = new Map<string, string>()
  const ages = new Map<string, AgeRange | undefined>()
  const excluded = new Map<string, string[]>()
  for (const p of procedures) {
    const texts = [p.name, p.nameEn ?? "", p.result.name, p.field.name, p.field.nameEn ?? ""]
    for (const v of p.variants) texts.push(v.name)
    const bag = bags.get(p.code) ?? new Set<string>()
    for (const t of texts) for (const term of termsOf(readWords(t))) bag.add(term)
    bags.set(p.code, bag)
    field.set(p.code, p.field.code)
    ages.set(p.code, ageRange(p.name))
    excluded.set(p.code, excludedPairs([p.name, ...p.variants.map((v) => v.name)]))
  }
  for (const e of vocabulary.elsewhere ?? []) bags.set(elsewhereCode(e.id), new Set())
  // The action each procedure's own name does, as its verb: within its first words ("đăng ký lại khai sinh", "thực
  // hiện điều chỉnh …"), not one of a list further on ("đăng ký biến động … chuyển đổi, chuyển nhượng"), nor its
  // phrases ("mất căn cước" is a phrase of the reissue).
  const nameActions = new Map(
    procedures.map((p) => {
      const name = ` ${readWords(p.name)} `
      const startsEarly = (a: string) => {
        const at = name.indexOf(` ${a} `)
        return (
          at >= 0 &&
          name
            .slice(0, at)
            .split(" ")
            .filter((w) => w !== "").length < NAME_VERB_WORDS
        )
      }
      return [p.code, actions.filter(startsEarly)] as const
    }),
  )
  for (const d of documents) for (const term of termsOf(d.text)) bags.get(d.code)?.add(term)
  const weightOf = new Map<string, number>()
  for (const bag of bags.values()) for (const w of bag) weightOf.set(w, (weightOf.get(w) ?? 0) + 1)
  for (const [w, n] of weightOf) weightOf.set(w, Math.log(1 + bags.size / n))
  // A field is named when the question holds the whole of its name (two syllables or more, as the catalogue says).
  const fieldNames = [...new Set(procedures.map((p) => p.field.code))].map((code) => {
    const p = procedures.find((x) => x.field.code === code) as Procedure
    const names = [p.field.name, ...p.field.name.split(/[:,]/u)].map((n) => readWords(n)).filter((n) => n.includes(" "))
    return { code, names: [...new Set(names)].map((n) => ` ${n} `) }
  })

  const rank = (question: string, limit = 5): Candidate[] => {
    const prepared = prepare(question)
    if (prepared === "") return []
    // Pairs of syllables are the strongest evidence; single syllables are fuzzy only when long enough for a typo to
    // be told apart from another word (Vietnamese syllables are short).
    const hits = index.search(prepared, {
      tokenize: termsOf,
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
      const own = termsOf(hit.text as string)
      const docCoverage = own.filter((t) => hit.terms.includes(t)).length / own.length
      const score = hit.score * (0.5 + 0.5 * docCoverage) * questionCoverage
      const previous = best.get(code)
      // A procedure names a word of the question when any of its texts shares a telling term with it, not only the
      // text that scores best ("đất khai hoang" is a phrase of the first land registration; its name wins the score).
      const namesAWord = hit.terms.some(telling) || previous?.namesAWord === true
      if (previous !== undefined && previous.score >= score) {
        if (namesAWord && !previous.namesAWord) best.set(code, { ...previous, namesAWord })
      } else
        best.set(code, {
          code,
          score,
          lexical: score,
          coverage: questionCoverage,
          namesAWord,
          explained: 0,
          explainedAll: 0,
          fits: true,
        })
    }
    const lexical = [...best.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))

    // Second stage: the share of the question's weight (known words and pairs only; a pair counts twice, as in the
    // first stage) that each candidate's whole bag explains.
    const weighed = [...new Set(termsOf(prepared))].filter((w) => weightOf.has(w))
    const termWeight = (t: string) => (weightOf.get(t) ?? 0) * (t.includes("_") ? 2 : 1)
    const total = weighed.reduce((s, w) => s + termWeight(w), 0)
    const rarest = Math.log(1 + bags.size)
    const singles = [...new Set(prepared.split(" "))].filter((w) => w !== "")
    const totalAll = singles.reduce((s, w) => s + (weightOf.get(w) ?? rarest), 0)
    const age = askedAge(question)
    const named = actionsNamed(question, prepared)
    const padded = ` ${prepared} `
    const namedField = fieldNames.find((f) => f.names.some((n) => padded.includes(n)))?.code
    const reranked = lexical.slice(0, RERANK_DEPTH).map((c) => {
      const bag = bags.get(c.code) ?? new Set<string>()
      const explained = weighed.filter((w) => bag.has(w)).reduce((s, w) => s + termWeight(w), 0)
      const share = total === 0 ? 1 : explained / total
      const inField = namedField === undefined || field.get(c.code) === namedField ? 1 : 0.5
      const range = ages.get(c.code)
      const ageFits =
        age === undefined || range === undefined || (age >= (range.from ?? 0) && age < (range.below ?? 200)) ? 1 : 0.1
      const explainedAll =
        totalAll === 0
          ? 1
          : singles.filter((w) => bag.has(w)).reduce((s, w) => s + (weightOf.get(w) ?? 0), 0) / totalAll
      return { ...c, score: c.score * share * share * inField * ageFits, explained: share, explainedAll }
    })
    // A procedure that does not do the action the question names ("gia hạn", "xóa") is not what it asks for: ranked
    // after those that do, and never taken as found (assistant.ts). One that does it is taken in the place of the
    // best only if it also has the best's telling words of the question — the same thing, the action named ("mất
    // giấy phép kinh doanh hộ cá thể, xin cấp lại": the reissue of the same certificate); else nothing fits ("cấp
    // lại giấy phép lao động": the catalogue reissues building permits, not work permits). An out-of-catalogue
    // entry stands for all its authority does with the thing ("cấp, đổi, cấp lại"): not checked.
    const doesAll = (code: string) => {
      const bag = bags.get(code) ?? new Set<string>()
      return named.every((a) => {
        const t = termsOf(a)
        return (t.length === 1 ? t : t.filter((x) => x.includes("_"))).every((x) => bag.has(x))
      })
    }
    const lead = reranked
      .filter((c) => elsewhereId(c.code) === undefined)
      .reduce<(typeof reranked)[number] | undefined>(
        (b, c) => (b === undefined || c.score > b.score ? c : b),
        undefined,
      )
    const leadBag = lead === undefined ? undefined : bags.get(lead.code)
    const leadTelling = [...new Set(termsOf(prepared))].filter((t) => telling(t) && leadBag?.has(t) === true)
    const leadDoes = lead === undefined || doesAll(lead.code)
    // What a procedure's name excludes ("không đấu giá") and the question asks for is not that procedure either.
    const written = syllables(question)
    const asks = (pair: string) => {
      const [a, b] = pair.split("_")
      // Not where the question says it too ("không qua đấu giá").
      return written.some(
        (w, i) => w === a && written[i + 1] === b && !written.slice(Math.max(0, i - 3), i).includes("khong"),
      )
    }
    // A procedure whose own name does an action ("đăng ký lại khai sinh", "cấp lại thẻ căn cước") is not what a
    // question naming none of its actions asks first: "khai sinh cho bé" is the registration, not its
    // re-registration. Ranked after the plain procedure, not excluded (a loss reads "mất … cấp lại").
    const plain = (code: string) => elsewhereId(code) === undefined && (nameActions.get(code) ?? []).length === 0
    const plainAsked = (c: { code: string; score: number }) => {
      const own = nameActions.get(c.code) ?? []
      return own.length > 0 &&
        own.every((a) => !padded.includes(` ${a} `)) &&
        reranked.some((x) => plain(x.code) && x.score >= c.score * PLAIN_CONTENDER)
        ? UNASKED_ACTION
        : 1
    }
    // What the action is done to: the pair of words right after it ("kết hôn" of "đăng ký lại kết hôn"), when it
    // tells procedures apart and one not doing the action has it (the marriage registration). A procedure doing the
    // action to something else ("đăng ký lại khai sinh") is not what is asked: the catalogue re-registers births only.
    const objectTerms = named.flatMap((a) => {
      const after = padded.slice(padded.indexOf(` ${a} `) + a.length + 2).split(" ")
      const [w1, w2] = after
      if (w1 === undefined || w2 === undefined || w1 === "" || w2 === "") return []
      const t = pairTerm(w1, w2)
      const sibling = reranked.some(
        (x) => elsewhereId(x.code) === undefined && !doesAll(x.code) && bags.get(x.code)?.has(t) === true,
      )
      return telling(t) && sibling ? [t] : []
    })
    const acted = reranked.map((c) => {
      const fits =
        (named.length === 0 ||
          elsewhereId(c.code) !== undefined ||
          (doesAll(c.code) &&
            objectTerms.every((t) => bags.get(c.code)?.has(t) === true) &&
            (leadDoes || c.code === lead?.code || leadTelling.every((t) => bags.get(c.code)?.has(t) === true)))) &&
        !(excluded.get(c.code) ?? []).some(asks)
      return { ...c, score: (fits ? c.score : c.score * NOT_ASKED) * plainAsked(c), fits }
    })
    return [...acted, ...lexical.slice(RERANK_DEPTH).map((c) => ({ ...c, score: 0 }))]
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, limit)
  }

  return { prepare, rank }
}

/** The catalogue's procedures in force on `date`, one version per code. */
export const inForce = (catalogue: Catalogue, date: string): Procedure[] =>
  catalogue.filter((p) => p.effectiveFrom <= date && (p.effectiveTo === undefined || date <= p.effectiveTo))
