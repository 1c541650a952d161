// What the province edits to teach the assistant its citizens' words (data/assistant.json in the catalogue package):
// - `synonyms`: everyday or old words and the catalogue's word for them ("cccd", "chứng minh thư" → "căn cước");
//   a question containing a phrase is searched with the catalogue word added;
// - `questions`: ways citizens ask for one procedure, or one variant of it ("trễ hạn khai sinh" → 1.001193
//   qua-han); they are indexed next to the procedure's own names, and a variant's phrases pick that variant;
// - `stopWords`: question words that say nothing about the procedure ("thủ tục", "như thế nào", "how do I").
// Decoded with a Schema so a mistake in the file is reported with its path, like every other data file.
import { Schema } from "effect"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

export const Synonym = Schema.Struct({
  phrases: Schema.Array(NonEmpty).check(Schema.isMinLength(1)),
  means: NonEmpty,
})
export type Synonym = typeof Synonym.Type

export const QuestionPhrases = Schema.Struct({
  code: Schema.String.check(Schema.isPattern(/^\d\.\d{6}$/u)),
  /** Phrases that pick this variant of the procedure (omit for the procedure as a whole). */
  variantId: Schema.optionalKey(NonEmpty),
  phrases: Schema.Array(NonEmpty).check(Schema.isMinLength(1)),
})
export type QuestionPhrases = typeof QuestionPhrases.Type

export const Vocabulary = Schema.Struct({
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
  synonyms: Schema.Array(Synonym),
  questions: Schema.Array(QuestionPhrases),
  stopWords: Schema.Array(NonEmpty),
})
export type Vocabulary = typeof Vocabulary.Type

export const EMPTY_VOCABULARY: Vocabulary = { synonyms: [], questions: [], stopWords: [] }
