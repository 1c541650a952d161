// What the province edits to teach the assistant its citizens' words (data/assistant.json in the catalogue package):
// - `synonyms`: everyday or old words and the catalogue's word for them ("cccd", "chứng minh thư" → "căn cước");
//   a question containing a phrase is searched with the catalogue word added;
// - `questions`: ways citizens ask for one procedure, or one variant of it ("trễ hạn khai sinh" → 1.001193
//   qua-han); they are indexed next to the procedure's own names, and a variant's phrases pick that variant;
// - `stopWords`: question words that say nothing about the procedure ("thủ tục", "như thế nào", "how do I");
// - `elsewhere`: common procedures citizens bring to a one-stop shop that the province's catalogue does not hold
//   (driving licences, vehicle plates, tax codes, health insurance, …), the words citizens use for them, and where
//   to go instead: a question about one gets "không tìm thấy" with that advice, never a catalogue procedure that
//   only shares a word with it;
// - `actions`: what a procedure does to its object, in the words the catalogue uses to tell its procedures apart
//   ("gia hạn", "cấp lại", "xóa", "điều chỉnh"): a procedure is the answer to a question naming one only if it does
//   that ("gia hạn giấy phép lao động" is not the work permit's first issue).
// Decoded with a Schema so a mistake in the file is reported with its path, like every other data file.
import { ProcedureCode } from "@motcua/domain"
import { Schema } from "effect"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

export const Synonym = Schema.Struct({
  phrases: Schema.Array(NonEmpty).check(Schema.isMinLength(1)),
  means: NonEmpty,
})
export type Synonym = typeof Synonym.Type

export const QuestionPhrases = Schema.Struct({
  code: ProcedureCode,
  /** Phrases that pick this variant of the procedure (omit for the procedure as a whole). */
  variantId: Schema.optionalKey(NonEmpty),
  phrases: Schema.Array(NonEmpty).check(Schema.isMinLength(1)),
  /**
   * Phrases that, in a question, say it is not this variant even though a phrase above is there: "xây nhà xưởng"
   * contains "xây nhà", but a factory is not a dwelling (only with `variantId`).
   */
  unless: Schema.optionalKey(Schema.Array(NonEmpty)),
  /**
   * Verbs of this procedure that take any paper as their object ("sao y", "photo công chứng"): in a question, the
   * paper named after one ("sao y sổ đỏ") is what the procedure acts on, not a procedure of its own.
   */
  anyPaper: Schema.optionalKey(Schema.Array(NonEmpty)),
})
export type QuestionPhrases = typeof QuestionPhrases.Type

export const Elsewhere = Schema.Struct({
  /** A short stable name for the entry (letters, digits and hyphens). */
  id: Schema.String.check(Schema.isPattern(/^[a-z0-9-]{1,60}$/u)),
  /** What the procedure is, in Vietnamese and in English. */
  name: NonEmpty,
  nameEn: NonEmpty,
  /** How citizens ask for it (Vietnamese, with or without diacritics, and English). */
  phrases: Schema.Array(NonEmpty).check(Schema.isMinLength(1)),
  /** Where to go instead, in Vietnamese and in English. */
  where: NonEmpty,
  whereEn: NonEmpty,
  /** What in `where` the province has not checked yet (the answer then says "chưa xác minh"). */
  unverified: Schema.optionalKey(NonEmpty),
})
export type Elsewhere = typeof Elsewhere.Type

export const Vocabulary = Schema.Struct({
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
  synonyms: Schema.Array(Synonym),
  questions: Schema.Array(QuestionPhrases),
  stopWords: Schema.Array(NonEmpty),
  elsewhere: Schema.optionalKey(Schema.Array(Elsewhere)),
  actions: Schema.optionalKey(Schema.Array(NonEmpty)),
})
export type Vocabulary = typeof Vocabulary.Type

export const EMPTY_VOCABULARY: Vocabulary = { synonyms: [], questions: [], stopWords: [] }
