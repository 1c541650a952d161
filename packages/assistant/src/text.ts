// Vietnamese text for lexical search. Vietnamese writes one syllable per space-separated token and a word is often
// two syllables ("khai sinh", "căn cước"), so the index holds each folded syllable and each pair of neighbouring
// syllables ("khai_sinh"): a question that names the word matches the pair, and one that spells a syllable wrongly
// still matches its neighbours. Folding (lower case, no diacritics, đ → d) is the catalogue's own `foldText`, so a
// question typed without diacritics ("lam lai can cuoc") meets the same tokens as one typed with them.
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
