// @motcua/assistant: the citizen assistant, answering from the catalogue's own data (docs/assistant.md).
export type * from "./answer.ts"
export {
  type AskInput,
  type Assistant,
  type AssistantData,
  DETECTOR,
  type Detector,
  MAX_QUESTION_CHARS,
  makeAssistant,
} from "./assistant.ts"
export { makeConversations } from "./conversations.ts"
export {
  decodeEvalQuestions,
  EvalQuestion,
  type EvalResult,
  type EvalSummary,
  evaluate,
  evaluateOne,
  summarise,
} from "./evaluate.ts"
export { readFacts } from "./facts.ts"
export { factProblems, type Phraser, type PhrasingOptions, type PhrasingRequest, phraseChecked } from "./phrasing.ts"
export type { FormerUnitName } from "./places.ts"
export { makeRetriever } from "./retrieval.ts"
export { foldedPhrase, syllables, terms } from "./text.ts"
export { Elsewhere, EMPTY_VOCABULARY, QuestionPhrases, Synonym, Vocabulary } from "./vocabulary.ts"
