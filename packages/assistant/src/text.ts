// Vietnamese text for lexical search. Vietnamese writes one syllable per space-separated token and a word is often
// two syllables ("khai sinh", "căn cước"), so the index holds each folded syllable and each pair of neighbouring
// syllables ("khai_sinh"): a question that names the word matches the pair, and one that spells a syllable wrongly
// still matches its neighbours. Folding (lower case, no diacritics, đ → d) is the catalogue's own `foldText`, so a
// question typed without diacritics ("lam lai can cuoc") meets the same tokens as one typed with them.
//
// Beyond folding, three things citizens type are brought to the catalogue's words:
// - English words lose their endings (`stem`: "registration", "registering" and "register" all become "regist"),
//   only for tokens that cannot be a Vietnamese syllable;
// - a syllable misspelt the way Vietnamese is misspelt by ear (tr/ch, s/x, r/d/gi, l/n, final n/ng, c/t, i/y:
//   "thường chú" for "thường trú") has the same `soundKey` as the right one;
// - an acronym ("thcs", "gcn", "hkd") is the initials of syllables (`initials`).
import { foldText } from "@motcua/domain"

/** The folded syllables of a text: letters and digits only. */
export const syllables = (text: string): string[] =>
  foldText(text)
    .split(/[^a-z0-9]+/u)
    .filter((s) => s !== "")

/** Syllables and neighbouring pairs, the terms both the index and the query use. */
export function terms(text: string): string[] {
  const s = syllables(text)
  const out = [...s]
  for (let i = 0; i + 1 < s.length; i++) out.push(`${s[i]}_${s[i + 1]}`)
  return out
}

/** The folded text padded with spaces, so that a phrase can be found as whole syllables with `includes`. */
export const foldedPhrase = (text: string): string => ` ${syllables(text).join(" ")} `

/**
 * The text with the first run of its words that folds to `phrase` (folded syllables joined by spaces) taken out, the
 * other words as written: a place's name is removed from a question without losing the diacritics of the rest ("xin
 * cấp sổ đỏ ở xã Đồng Tiến" → "xin cấp sổ đỏ"), which tell "sổ đỏ" from the English "do", nor the commas between its
 * clauses, which the retrieval reads clause by clause.
 */
export function withoutPhrase(text: string, phrase: string): string {
  // Words at even places, the separators between them at odd places.
  const parts = text.split(/([^\p{L}\p{N}]+)/u)
  const wordAt: number[] = []
  for (let k = 0; k < parts.length; k += 2) if (parts[k] !== "") wordAt.push(k)
  const target = phrase.split(" ").filter((w) => w !== "")
  const tidy = (t: string) => t.replace(/\s+/gu, " ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
  for (let i = 0; i + target.length <= wordAt.length; i++)
    if (target.every((t, j) => syllables(parts[wordAt[i + j] as number] as string).join(" ") === t)) {
      const from = wordAt[i] as number
      const to = wordAt[i + target.length - 1] as number
      return tidy(`${parts.slice(0, from).join("")} ${parts.slice(to + 1).join("")}`)
    }
  return tidy(text)
}

// A folded Vietnamese syllable: an optional initial consonant, a vowel nucleus, an optional final. Loose (it admits
// some impossible syllables), but no English word of two or more consonants at either end passes.
const VIETNAMESE_SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|uoi|uou|ieu|yeu|oa|oe|uy|uo|ua|ue|ia|ie|ye|ai|ao|au|ay|eo|eu|iu|oi|ui|uu|oo|[aeiouy])(ch|ng|nh|[cmnpt]|[iouy])?$/u

/** Whether a folded token can be a Vietnamese syllable (digits count as one). */
export const isVietnameseSyllable = (token: string): boolean => /^\d+$/u.test(token) || VIETNAMESE_SYLLABLE.test(token)

// Longest first; "ies"/"ied" keep their "i" so that "married" meets "marriage".
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ["ations", ""],
  ["ation", ""],
  ["ments", ""],
  ["ment", ""],
  ["ings", ""],
  ["ing", ""],
  ["ions", ""],
  ["ion", ""],
  ["ers", ""],
  ["er", ""],
  ["ies", "i"],
  ["ied", "i"],
  ["ed", ""],
  ["es", ""],
  ["age", ""],
  ["s", ""],
]

/**
 * An English word cut to its stem so that forms of one word meet: known endings removed, a final "y" or "e" dropped,
 * then at most six letters kept. Tokens that may be Vietnamese syllables, and acronyms, are returned as they are.
 */
export function stem(token: string): string {
  // Acronyms ("thcs", "cccd") have no vowel and are kept whole.
  if (token.length <= 3 || isVietnameseSyllable(token) || /\d/u.test(token) || !/[aeiouy]/u.test(token)) return token
  let s = token
  for (const [ending, replacement] of ENDINGS)
    if (s.endsWith(ending) && s.length - ending.length >= 3) {
      s = s.slice(0, -ending.length) + replacement
      break
    }
  // A consonant doubled before an ending is one: "splitting" and "split", "stopped" and "stop" meet.
  if (s !== token) s = s.replace(/([bdgmnprt])\1$/u, "$1")
  s = s.replace(/[ye]$/u, "")
  return s.slice(0, 6)
}

/** The initials people confuse by ear, made one: tr/ch, s/x, r/d/gi, l/n, k/c/q, ngh/ng, gh/g. */
const sameInitial = (syllable: string) =>
  syllable
    .replace(/^ngh/u, "ng")
    .replace(/^gh/u, "g")
    .replace(/^tr/u, "ch")
    .replace(/^gi(?=[aeiouy])/u, "d")
    .replace(/^r/u, "d")
    .replace(/^s/u, "x")
    .replace(/^l/u, "n")
    // k, c and q are one sound; kh is another ("khu" is not "chu", nor then "tru")
    .replace(/^(k|q)(?!h)/u, "c")
/** The finals (and vowel) people confuse by ear, made one: ng/n, nh/n, ch/c/t, y/i. */
const sameFinal = (syllable: string) =>
  syllable
    .replace(/(ng|nh)$/u, "n")
    .replace(/(ch|c)$/u, "t")
    .replace(/y/gu, "i")

/**
 * What a folded Vietnamese syllable sounds like, with the letters people confuse by ear made one: initials tr/ch,
 * s/x, r/d/gi, l/n, k/c/q, ngh/ng, gh/g; finals ng/n, nh/n, ch/c/t; y/i. Not for English tokens.
 */
export function soundKey(syllable: string): string {
  if (!isVietnameseSyllable(syllable) || /^\d+$/u.test(syllable)) return syllable
  return sameFinal(sameInitial(syllable))
}

/**
 * Whether one syllable may be the other misheard or misspelt: the same, or apart by one confusion only — of the
 * initial ("chú" for "trú") or of the final ("kinh" for "kin") —, not both ("riêng" is not "diện").
 */
export function oneSoundApart(a: string, b: string): boolean {
  if (a === b) return true
  if (soundKey(a) !== soundKey(b)) return false
  return sameInitial(a) === sameInitial(b) || sameFinal(a) === sameFinal(b)
}

/** The initials of a run of syllables: "trung hoc co so" → "thcs". */
export const initials = (run: ReadonlyArray<string>): string => run.map((s) => s[0] ?? "").join("")
